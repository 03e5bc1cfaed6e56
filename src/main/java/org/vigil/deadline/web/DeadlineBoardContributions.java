package org.vigil.deadline.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.deadline.BoardFilter;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.Urgency;
import org.vigil.portal.DashboardPanel;
import org.vigil.portal.NavigationEntry;
import org.vigil.shared.Role;
import org.vigil.shared.VigilPrincipal;

/**
 * The deadline board's navigation entry and the dashboard panel "What is due". The PRRC, who must ensure the
 * organisation's vigilance duties are met (MDR Art. 15(3)(d)), sees the whole organisation's; a vigilance officer sees
 * what they are responsible for and what nobody is responsible for yet (which reminds every vigilance officer).
 */
@Configuration(proxyBeanMethods = false)
class DeadlineBoardContributions {

    /** How many of the next deadlines the panel lists. */
    static final int NEXT = 5;
    private static final Set<Urgency> WITHIN_5_DAYS = EnumSet.of(Urgency.WITHIN_1_DAY, Urgency.WITHIN_2_DAYS,
            Urgency.WITHIN_5_DAYS);

    @Bean
    NavigationEntry deadlineBoardNavigation() {
        return new NavigationEntry("nav.deadlines", "/deadlines",
                Set.of(Role.VIGILANCE_OFFICER, Role.PRRC, Role.COMPLAINT_HANDLER), 62);
    }

    @Bean
    DashboardPanel deadlinesDuePanel(Deadlines deadlines, Clock clock) {
        return DashboardPanel.of(Set.of(Role.VIGILANCE_OFFICER, Role.PRRC), 5, "deadline/panels :: due",
                viewer -> due(deadlines.pending(BoardFilter.all()), viewer, clock.instant()));
    }

    /** The panel's model: counts of overdue and soon-due obligations and the next few, as the viewer may see them. */
    static Map<String, Object> due(List<ObligationView> pending, VigilPrincipal viewer, Instant now) {
        boolean whole = viewer.hasRole(Role.PRRC);
        var rows = pending.stream()
                .filter(o -> whole || o.responsible() == null || o.responsible().equals(viewer.userId()))
                .map(o -> DeadlineBoardRow.of(o, now))
                .sorted(Comparator.comparing(DeadlineBoardRow::deadline,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return Map.of(
                "overdue", rows.stream().filter(row -> row.urgency() == Urgency.OVERDUE).count(),
                "soon", rows.stream().filter(row -> WITHIN_5_DAYS.contains(row.urgency())).count(),
                "pending", rows.size(),
                "next", rows.stream().limit(NEXT).toList(),
                "wholeOrganisation", whole);
    }
}
