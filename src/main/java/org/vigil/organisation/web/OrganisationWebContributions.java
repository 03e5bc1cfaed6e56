package org.vigil.organisation.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.portal.NavigationEntry;
import org.vigil.shared.Role;

/** What this module adds to the navigation. */
@Configuration(proxyBeanMethods = false)
class OrganisationWebContributions {

    @Bean
    NavigationEntry usersNavigation() {
        return new NavigationEntry("nav.users", "/admin/users", Set.of(Role.ORGANISATION_ADMIN, Role.PLATFORM_ADMIN),
                80);
    }

    @Bean
    NavigationEntry organisationsNavigation() {
        return new NavigationEntry("nav.organisations", "/admin/organisations", Set.of(Role.PLATFORM_ADMIN), 85);
    }
}
