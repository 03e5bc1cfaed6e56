package org.vigil.shared;

import java.util.Optional;

/**
 * Names of organisations, for modules that display who did something without depending on the organisation module.
 * The directory of organisation names is visible to every signed-in user.
 */
public interface OrganisationDirectory {

    Optional<String> nameOf(OrganisationId organisationId);
}
