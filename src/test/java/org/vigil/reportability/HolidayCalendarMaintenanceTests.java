package org.vigil.reportability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.vigil.casework.CaseWorld;
import org.vigil.deadline.Due;
import org.vigil.deadline.HolidayCalendars;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationKind;
import org.vigil.deadline.DeviceKind;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * Holiday calendars an administrator maintains (issue: "working days use a per-country holiday calendar that an admin
 * maintains"): a holiday added moves a pending EU deadline that ends on it to the next working day (Regulation
 * 1182/71 Art. 3(4), as MDCG 2023-3 Q14 applies it to MDR Art. 87), and removing it moves the deadline back, at once
 * and without anyone touching the case. Uses Luxembourg, which no other test counts on.
 */
@IntegrationTest
class HolidayCalendarMaintenanceTests {

    private static final String COUNTRY = "LU";
    private static final LocalDate EASTER_WEEK_MONDAY = LocalDate.of(2026, 4, 13);
    /** Only so that a recomputation that never happens fails the test instead of hanging it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @Autowired
    HolidayCalendars calendars;
    @Autowired
    Reportability reportability;
    @Autowired
    CaseWorld world;
    @Autowired
    TestData testData;

    @Test
    void a_holiday_added_on_a_due_date_moves_the_pending_deadline_to_the_next_working_day_and_back_when_removed_MDR_87_3() {
        var admin = testData.person(testData.organisation(OrganisationKind.PLATFORM_OPERATOR), Role.PLATFORM_ADMIN);
        testData.as(admin.principal(), () -> {
            if (!calendars.calendars().containsKey(COUNTRY)) {
                calendars.coverYear(COUNTRY, 2026, "Luxembourg's public holidays for 2026 (test)");
            }
            if (calendars.calendars().get(COUNTRY).holidays().containsKey(EASTER_WEEK_MONDAY)) {
                calendars.removeHoliday(COUNTRY, EASTER_WEEK_MONDAY, "Start from an ordinary day");
            }
            return null;
        });

        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        var officer = parties.vigilance().principal();
        // Aware Sunday 29 March 2026; 15 days end Monday 13 April, a working day in Luxembourg's calendar so far.
        testData.as(officer, () -> reportability.decide(opened.id(), new DecisionDraft(true,
                Set.of(SeriousOutcome.INTERVENTION), false, true, Causality.REASONABLY_POSSIBLE, false,
                UseContext.NORMAL_USE, "Revision surgery; anticipated complication.",
                LocalDateTime.parse("2026-03-29T10:00"), "Europe/Luxembourg", null, null, null, COUNTRY,
                DeviceKind.MEDICAL_DEVICE, Set.of(Jurisdiction.EU), "Europe/Luxembourg", null), TestData.PASSWORD));
        Supplier<LocalDate> due = () -> testData.as(officer, () -> reportability.obligations(opened.id())).stream()
                .filter(o -> o.state().pending() && o.kind() == ObligationKind.INITIAL_REPORT)
                .map(o -> ((Due.By) o.due()).date()).findFirst().orElseThrow();
        assertThat(due.get()).isEqualTo(EASTER_WEEK_MONDAY);

        testData.as(admin.principal(), () -> calendars.addHoliday(COUNTRY, EASTER_WEEK_MONDAY, "Test holiday",
                "Announced by the government (test)"));
        awaitDue(due, EASTER_WEEK_MONDAY.plusDays(1));

        testData.as(admin.principal(), () -> calendars.removeHoliday(COUNTRY, EASTER_WEEK_MONDAY,
                "Entered by mistake (test)"));
        awaitDue(due, EASTER_WEEK_MONDAY);
        assertThat(testData.as(admin.principal(), () -> calendars.changes(COUNTRY)))
                .extracting(change -> change.kind()).endsWith("ADD", "REMOVE");
    }

    @Test
    void only_a_platform_administrator_changes_a_calendar_and_every_change_needs_its_reason_and_a_covered_year() {
        var officer = world.parties().vigilance();
        assertThatThrownBy(() -> testData.as(officer.principal(), () -> calendars.addHoliday("US",
                LocalDate.of(2026, 12, 24), "Christmas Eve", "Because"))).isInstanceOf(AccessDeniedException.class);

        var admin = testData.person(testData.organisation(OrganisationKind.PLATFORM_OPERATOR), Role.PLATFORM_ADMIN);
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> calendars.addHoliday("US",
                LocalDate.of(2026, 12, 24), "Christmas Eve", " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reason"));
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> calendars.addHoliday("US",
                LocalDate.of(2031, 1, 2), "Some day", "Because")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("day"));
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> calendars.coverYear("US", 2031, "Because")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::message).first().asString().contains("2029 next"));
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> calendars.removeHoliday("US",
                LocalDate.of(2026, 3, 3), "Because")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("day"));
    }

    private static void awaitDue(Supplier<LocalDate> due, LocalDate expected) {
        Instant deadline = Instant.now().plus(HANG_GUARD);
        while (!expected.equals(due.get())) {
            if (Instant.now().isAfter(deadline)) {
                assertThat(due.get()).as("due date after the calendar change").isEqualTo(expected);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
