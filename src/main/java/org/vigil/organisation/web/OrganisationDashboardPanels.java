package org.vigil.organisation.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserStatus;
import org.vigil.portal.DashboardPanel;
import org.vigil.shared.Role;

/** Dashboard panels: one's organisation, its members (organisation administrators), all organisations (platform). */
@Configuration(proxyBeanMethods = false)
class OrganisationDashboardPanels {

    @Bean
    DashboardPanel organisationPanel(OrganisationManagement organisations) {
        return DashboardPanel.of(Set.of(), 10, "organisation/dashboard :: organisation",
                viewer -> Map.of("organisation", organisations.get(viewer.organisationId())));
    }

    @Bean
    DashboardPanel membersPanel(UserManagement users) {
        return DashboardPanel.of(Set.of(Role.ORGANISATION_ADMIN), 20, "organisation/dashboard :: members", viewer -> Map.of(
                "active", users.count(viewer.organisationId(), UserStatus.ACTIVE),
                "invited", users.count(viewer.organisationId(), UserStatus.INVITED),
                "deactivated", users.count(viewer.organisationId(), UserStatus.DEACTIVATED)));
    }

    @Bean
    DashboardPanel directoryPanel(OrganisationManagement organisations) {
        return DashboardPanel.of(Set.of(Role.PLATFORM_ADMIN), 20, "organisation/dashboard :: directory", viewer -> Map.of(
                "byKind", organisations.directory().stream().collect(Collectors.groupingBy(
                        organisation -> organisation.kind().name(), TreeMap::new, Collectors.counting()))));
    }
}
