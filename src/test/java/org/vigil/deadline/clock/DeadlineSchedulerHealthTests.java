package org.vigil.deadline.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.vigil.deadline.clock.ClockFixtures.berlin;
import static org.vigil.deadline.clock.ClockFixtures.germanIncident;
import static org.vigil.deadline.clock.ClockFixtures.tracked;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.deadline.Classification;
import org.vigil.deadline.Deadlines;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.VigilPrincipal;
import org.vigil.support.TestData;

/**
 * A stalled deadline scheduler turns the health check DEGRADED and shows administrators a banner on every page
 * (issue 5, item 7): deadlines must never pass silently because the reminders stopped.
 */
@ClockIntegrationTest
class DeadlineSchedulerHealthTests {

    @Autowired
    @Qualifier("deadlineScheduler")
    HealthIndicator health;
    @Autowired
    ReminderSweeper sweeper;
    @Autowired
    Deadlines deadlines;
    @Autowired
    TestClock clock;
    @Autowired
    TestData testData;
    @Autowired
    MockMvc mvc;
    @Autowired
    DeadlineSettings settings;

    @AfterEach
    void noFailureInjected() {
        sweeper.afterNoticesWritten = reminder -> {
        };
    }

    @Test
    void no_completed_sweep_for_three_intervals_is_degraded_until_the_next_sweep() {
        clock.set(berlin("2028-09-01T10:00"));
        sweeper.sweep();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        clock.advance(settings.stallAfter());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        clock.advance(Duration.ofSeconds(1));
        var stalled = health.health();
        assertThat(stalled.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(stalled.getDetails()).containsEntry("lastSweep", "2028-09-01T08:00:00Z")
                .containsEntry("stalledSince", "2028-09-01T08:00:00Z").containsKey("waitingReminders");

        sweeper.sweep();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void a_decision_taken_after_its_deadline_plans_a_reminder_in_the_past_which_is_no_stall_until_sweeps_leave_it() {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var awareness = berlin("2028-05-02T10:00");
        clock.set(awareness.plus(Duration.ofDays(40)));
        sweeper.sweep();
        testData.as(officer.principal(), () -> deadlines.track(tracked(UUID.randomUUID(), manufacturer.id(),
                officer.principal().userId(), germanIncident(Classification.DEATH, awareness), "Decided late")));
        // Its "at due" reminder is 30 days in the past, but it has waited no time at all.
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        clock.advance(Duration.ofSeconds(1));
        sweeper.sweep();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void a_reminder_that_keeps_failing_is_degraded_although_sweeps_complete() {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var awareness = berlin("2028-10-02T10:00");
        clock.set(awareness);
        var obligation = testData.as(officer.principal(), () -> deadlines.track(tracked(UUID.randomUUID(),
                manufacturer.id(), officer.principal().userId(), germanIncident(Classification.DEATH, awareness),
                "Decision 1"))).getFirst();
        sweeper.afterNoticesWritten = reminder -> {
            if (reminder.obligationId().equals(obligation.id().value())) {
                throw new IllegalStateException("The reminder cannot be recorded");
            }
        };
        var fireAt = obligation.due().deadline().minus(Duration.ofDays(5));
        clock.set(fireAt);
        sweeper.sweep();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        clock.set(fireAt.plus(settings.stallAfter()).plusSeconds(1));
        sweeper.sweep();
        var stuck = health.health();
        assertThat(stuck.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(stuck.getDetails()).containsEntry("oldestWaiting", fireAt.toString());
        assertThat((Long) stuck.getDetails().get("waitingReminders")).isPositive();

        sweeper.afterNoticesWritten = reminder -> {
        };
        sweeper.sweep();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void administrators_see_a_banner_on_every_page_while_reminders_are_stalled_and_others_do_not() throws Exception {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var admin = testData.person(manufacturer, Role.PRRC, Role.ORGANISATION_ADMIN);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        clock.set(berlin("2028-11-06T10:00"));
        sweeper.sweep();
        mvc.perform(get("/").with(as(admin.principal()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("deadline-scheduler-stalled"))));

        clock.advance(Duration.ofHours(2));
        mvc.perform(get("/").with(as(admin.principal()))).andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Deadline reminders are not being sent since 6 Nov 2028, 09:00 UTC")));
        mvc.perform(get("/notifications").with(as(admin.principal()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("deadline-scheduler-stalled")));
        mvc.perform(get("/").with(as(officer.principal()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("deadline-scheduler-stalled"))));

        sweeper.sweep();
        mvc.perform(get("/").with(as(admin.principal()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("deadline-scheduler-stalled"))));
    }

    private static RequestPostProcessor as(VigilPrincipal principal) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
    }
}
