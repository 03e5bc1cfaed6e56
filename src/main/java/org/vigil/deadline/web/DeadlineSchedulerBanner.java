package org.vigil.deadline.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.vigil.deadline.clock.ReminderSweeper;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;

/**
 * Tells administrators on every page when deadline reminders have stalled (issue 5, item 7): a stalled scheduler
 * means obligations can pass without anyone being told, so platform and organisation administrators see it at once,
 * not only in the health check. The layout shows {@code deadlineSchedulerStalledSince} when it is set.
 */
@ControllerAdvice(annotations = Controller.class)
class DeadlineSchedulerBanner {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ReminderSweeper sweeper;

    DeadlineSchedulerBanner(ReminderSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @ModelAttribute("deadlineSchedulerStalledSince")
    String stalledSince(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        var principal = Tenancy.principal().orElse(null);
        if (principal == null || !(principal.roles().contains(Role.PLATFORM_ADMIN)
                || principal.roles().contains(Role.ORGANISATION_ADMIN))) {
            return null;
        }
        var state = sweeper.state();
        return state.stalled() ? SHOWN.format(state.stalledSince()) : null;
    }
}
