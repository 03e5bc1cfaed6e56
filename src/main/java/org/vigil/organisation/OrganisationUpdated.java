package org.vigil.organisation;

import org.vigil.shared.OrganisationId;

/**
 * Published when a platform administrator changes an organisation's details, so that signed-in views of the
 * organisation (its name on a principal) are refreshed.
 */
public record OrganisationUpdated(OrganisationId organisationId) {
}
