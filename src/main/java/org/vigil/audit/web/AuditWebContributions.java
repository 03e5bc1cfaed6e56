package org.vigil.audit.web;

import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.audit.AuditTrail;
import org.vigil.portal.DashboardPanel;
import org.vigil.portal.NavigationEntry;
import org.vigil.shared.Role;

/** The audit trail's navigation entry and dashboard panel. */
@Configuration(proxyBeanMethods = false)
class AuditWebContributions {

    @Bean
    NavigationEntry auditNavigation() {
        return new NavigationEntry("nav.audit", "/admin/audit", Set.of(Role.PLATFORM_ADMIN), 90);
    }

    /** Recent changes in the viewer's organisation, for those who answer for its records. */
    @Bean
    DashboardPanel recentActivityPanel(AuditTrail audit) {
        return DashboardPanel.of(Set.of(Role.ORGANISATION_ADMIN, Role.PLATFORM_ADMIN, Role.PRRC,
                Role.DEVICE_SAFETY_OFFICER), 50, "audit/panels :: recent", viewer -> Map.of("entries",
                audit.latest(8)));
    }
}
