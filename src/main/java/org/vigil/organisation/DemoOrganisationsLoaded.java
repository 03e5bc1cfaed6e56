package org.vigil.organisation;

import java.util.Map;

import org.vigil.shared.OrganisationId;

/**
 * The demo organisations and people were loaded ({@code --demo}, into an empty database). Published synchronously,
 * after the demo organisations are committed and before the web server opens its port, so that other modules add
 * their demo records (devices, cases, …) in the same start-up, in a known order.
 *
 * @param organisationsByName the demo organisations' ids by name, for example {@code "Manufacturer A"}
 */
public record DemoOrganisationsLoaded(Map<String, OrganisationId> organisationsByName) {

    public DemoOrganisationsLoaded {
        organisationsByName = Map.copyOf(organisationsByName);
    }
}
