package org.vigil.deadline.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.deadline.clock.ClockFixtures.berlin;
import static org.vigil.deadline.clock.ClockFixtures.germanIncident;
import static org.vigil.deadline.clock.ClockFixtures.tracked;
import static org.vigil.deadline.clock.ObligationTrackingTests.only;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.vigil.audit.AuditEntry;
import org.vigil.audit.AuditTrail;
import org.vigil.deadline.Classification;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.ObligationState;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.persistence.ObligationRecords;
import org.vigil.notification.Notice;
import org.vigil.notification.Notifications;
import org.vigil.organisation.OrganisationView;
import org.vigil.organisation.UserManagement;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.support.TestData;

/**
 * The durable reminder scheduler (issue 5, item 5): every reminder and escalation fires exactly once, is audited, and
 * survives a stop across a due time and a crash in the middle of a sweep.
 */
@ClockIntegrationTest
class ReminderSchedulerTests {

    @Autowired
    Deadlines deadlines;
    @Autowired
    ReminderSweeper sweeper;
    @Autowired
    TestData testData;
    @Autowired
    TestClock clock;
    @Autowired
    AuditTrail audit;
    @Autowired
    Notifications notifications;
    @Autowired
    ObligationRecords records;
    @Autowired
    UserManagement users;
    @Autowired
    DeadlineSettings settings;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    org.vigil.audit.AuditTrail auditTrail;

    @AfterEach
    void noFailureInjected() {
        sweeper.afterNoticesWritten = reminder -> {
        };
    }

    /** A manufacturer with a vigilance officer (responsible), a PRRC and a colleague who is told nothing. */
    record World(OrganisationView manufacturer, TestData.Person officer, TestData.Person prrc,
            TestData.Person colleague) {
    }

    World world() {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        return new World(manufacturer, testData.person(manufacturer, Role.VIGILANCE_OFFICER),
                testData.person(manufacturer, Role.PRRC), testData.person(manufacturer, Role.COMPLAINT_HANDLER));
    }

    @Test
    void a_death_walks_through_5_2_1_days_before_at_due_and_two_overdue_days_each_reminder_once_and_audited_MDR_87_5() {
        var world = world();
        Instant awareness = berlin("2028-03-03T10:00");
        clock.set(awareness.plus(Duration.ofHours(1)));
        var death = only(track(world, UUID.randomUUID(), Classification.DEATH, awareness, "Decision 1 (death)"),
                "mdr-87-death");
        Instant due = death.due().deadline();
        assertThat(due).isEqualTo(berlin("2028-03-14T00:00"));

        sweepAt(due.minus(Duration.ofDays(5)).minusSeconds(1));
        assertThat(subjects(world.officer())).isEmpty();

        sweepAt(due.minus(Duration.ofDays(5)));
        sweepAt(due.minus(Duration.ofDays(5)).plus(Duration.ofHours(6)));
        assertThat(subjects(world.officer())).containsExactly("Due in 5 days: " + what(death));
        assertThat(subjects(world.prrc())).isEmpty();

        sweepAt(due.minus(Duration.ofDays(2)));
        sweepAt(due.minus(Duration.ofDays(1)));
        sweepAt(due.minus(Duration.ofDays(1)).plusSeconds(59));
        assertThat(subjects(world.officer())).containsExactly("Due in 1 day: " + what(death),
                "Due in 2 days: " + what(death), "Due in 5 days: " + what(death));
        assertThat(subjects(world.prrc())).isEmpty();
        assertThat(find(world, death).state()).isEqualTo(ObligationState.OPEN);

        sweepAt(due);
        assertThat(find(world, death).state()).isEqualTo(ObligationState.OVERDUE);
        sweepAt(due.plus(Duration.ofHours(23)));
        sweepAt(due.plus(Duration.ofDays(1)));
        sweepAt(due.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
        sweepAt(due.plus(Duration.ofDays(2)));
        sweepAt(due.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(1)));

        var escalations = List.of("Overdue for 2 days: " + what(death), "Overdue for 1 day: " + what(death),
                "Overdue: " + what(death));
        assertThat(subjects(world.prrc())).containsExactlyElementsOf(escalations);
        assertThat(subjects(world.officer())).hasSize(6).startsWith(escalations.toArray(String[]::new));
        assertThat(subjects(world.colleague())).isEmpty();

        var history = history(world, death);
        assertThat(history).extracting(AuditEntry::action).containsExactly("obligation.created",
                "obligation.reminder-sent", "obligation.reminder-sent", "obligation.reminder-sent",
                "obligation.overdue", "obligation.reminder-sent", "obligation.reminder-sent",
                "obligation.reminder-sent");
        assertThat(history.stream().filter(e -> e.action().equals("obligation.reminder-sent"))
                .map(e -> e.after().toString()).toList())
                .allSatisfy(details -> assertThat(details).contains(world.officer().principal().displayName()))
                .filteredOn(details -> details.contains(world.prrc().principal().displayName())).hasSize(3);
        // The next daily reminder waits for its day; nothing is left over.
        var unsent = unsentReminders(world, death);
        assertThat(unsent).singleElement().satisfies(reminder -> {
            assertThat(reminder.step()).isEqualTo(3);
            assertThat(reminder.fireAt()).isEqualTo(due.plus(Duration.ofDays(3)));
        });
    }

    @Test
    void an_obligation_that_fell_due_while_vigil_was_down_is_flagged_overdue_and_alerted_once_on_the_first_sweep() {
        var world = world();
        Instant awareness = berlin("2028-04-03T10:00");
        clock.set(awareness);
        var other = only(track(world, UUID.randomUUID(), Classification.OTHER_REPORTABLE, awareness, "Decision 1"),
                "mdr-87-other");
        Instant due = other.due().deadline();

        // Vigil is stopped before the first reminder and started three days after the due time: a fresh scheduler.
        clock.set(due.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)));
        var restarted = new ReminderSweeper(records, notifications, users, auditTrail, clock, settings,
                transactionManager);
        restarted.sweep();

        assertThat(find(world, other).state()).isEqualTo(ObligationState.OVERDUE);
        assertThat(subjects(world.officer())).containsExactly("Overdue: " + what(other));
        assertThat(subjects(world.prrc())).containsExactly("Overdue: " + what(other));
        assertThat(history(world, other)).extracting(AuditEntry::action).containsExactly("obligation.created",
                "obligation.overdue", "obligation.reminder-sent");

        restarted.sweep();
        sweeper.sweep();
        assertThat(subjects(world.officer())).hasSize(1);
        assertThat(subjects(world.prrc())).hasSize(1);
        // The stale "due in 5, 2, 1 days" are not sent after the fact; the next daily reminder is day 4, not 1 to 3.
        assertThat(unsentReminders(world, other)).singleElement()
                .satisfies(reminder -> assertThat(reminder.step()).isEqualTo(4));
    }

    @Test
    void a_crash_after_the_notice_is_written_and_before_the_reminder_is_recorded_sent_still_notifies_exactly_once() {
        var world = world();
        Instant awareness = berlin("2028-05-02T08:00");
        clock.set(awareness);
        var other = only(track(world, UUID.randomUUID(), Classification.OTHER_REPORTABLE, awareness, "Decision 1"),
                "mdr-87-other");
        var crashed = new AtomicBoolean();
        sweeper.afterNoticesWritten = reminder -> {
            if (reminder.obligationId().equals(other.id().value()) && crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("Killed in the middle of the sweep");
            }
        };

        clock.set(other.due().deadline().minus(Duration.ofDays(5)));
        sweeper.sweep();
        assertThat(crashed).isTrue();
        assertThat(subjects(world.officer())).containsExactly("Due in 5 days: " + what(other));
        assertThat(unsentReminders(world, other)).extracting(ObligationRecords.Reminder::step).contains(5 * 24 * 60);
        assertThat(history(world, other)).extracting(AuditEntry::action).containsExactly("obligation.created");

        sweeper.sweep();
        assertThat(subjects(world.officer())).containsExactly("Due in 5 days: " + what(other));
        assertThat(unsentReminders(world, other)).extracting(ObligationRecords.Reminder::step)
                .doesNotContain(5 * 24 * 60);
        assertThat(history(world, other)).extracting(AuditEntry::action).containsExactly("obligation.created",
                "obligation.reminder-sent");
    }

    @Test
    void reclassifying_other_as_death_on_day_9_brings_the_deadline_to_day_10_at_once_and_escalates_to_the_PRRC_MDR_87_5() {
        var world = world();
        UUID caseId = UUID.randomUUID();
        Instant awareness = berlin("2028-06-19T09:00");
        clock.set(awareness);
        var other = only(track(world, caseId, Classification.OTHER_REPORTABLE, awareness, "Decision 1 (other)"),
                "mdr-87-other");
        assertThat(other.due().deadline()).isEqualTo(berlin("2028-07-05T00:00"));

        clock.set(berlin("2028-06-28T11:00"));
        var after = track(world, caseId, Classification.DEATH, awareness,
                "Decision 2 (death), signed by the vigilance officer");

        var death = only(after, "mdr-87-death");
        assertThat(death.due().deadline()).isEqualTo(berlin("2028-06-30T00:00"));
        assertThat(death.state()).isEqualTo(ObligationState.OPEN);
        assertThat(only(after, "mdr-87-other").state()).isEqualTo(ObligationState.WITHDRAWN);
        // Told at once, without waiting for a sweep: the person responsible and the PRRC.
        assertThat(subjects(world.officer())).containsExactly("Deadline escalated: " + what(death));
        assertThat(subjects(world.prrc())).containsExactly("Deadline escalated: " + what(death));
        var notice = testData.as(world.prrc().principal(), () -> notifications.mine(10)).getFirst();
        assertThat(notice.body()).contains("by the end of 2028-06-29 (Europe/Berlin)")
                .contains("Decision 2 (death)").contains(death.source().citation());
        assertThat(history(world, death)).extracting(AuditEntry::action)
                .containsExactly("obligation.created", "obligation.reminder-sent");

        sweeper.sweep();
        assertThat(subjects(world.prrc())).hasSize(1);
        // The withdrawn 15-day obligation reminds nobody any more.
        clock.set(other.due().deadline().minus(Duration.ofDays(5)));
        sweeper.sweep();
        assertThat(subjects(world.officer())).doesNotContain("Due in 5 days: " + what(other));
    }

    @Test
    void an_earlier_due_time_of_the_same_obligation_is_escalated_with_old_and_new_due_time() {
        var world = world();
        UUID caseId = UUID.randomUUID();
        Instant awareness = berlin("2028-07-10T09:00");
        clock.set(awareness);
        var first = only(track(world, caseId, Classification.DEATH, awareness, "Decision 1"), "mdr-87-death");

        // The manufacturer finds it learned of the incident three days earlier than first recorded.
        var corrected = only(track(world, caseId, Classification.DEATH, awareness.minus(Duration.ofDays(3)),
                "Awareness date corrected to 7 July"), "mdr-87-death");

        assertThat(corrected.id()).isEqualTo(first.id());
        assertThat(corrected.due().deadline()).isEqualTo(first.due().deadline().minus(Duration.ofDays(3)));
        var notice = testData.as(world.prrc().principal(), () -> notifications.mine(10)).getFirst();
        assertThat(notice.subject()).isEqualTo("Deadline escalated: " + what(corrected));
        assertThat(notice.body()).contains("from by the end of 2028-07-20 (Europe/Berlin) to by the end of "
                + "2028-07-17 (Europe/Berlin)").contains("Awareness date corrected");
        assertThat(history(world, corrected)).extracting(AuditEntry::action)
                .containsExactly("obligation.created", "obligation.recomputed", "obligation.reminder-sent");
    }

    private List<ObligationView> track(World world, UUID caseId, Classification classification, Instant awareness,
            String cause) {
        return testData.as(world.officer().principal(), () -> deadlines.track(tracked(caseId,
                world.manufacturer().id(), world.officer().principal().userId(),
                germanIncident(classification, awareness), cause)));
    }

    private void sweepAt(Instant instant) {
        clock.set(instant);
        sweeper.sweep();
    }

    private ObligationView find(World world, ObligationView obligation) {
        return testData.as(world.officer().principal(), () -> deadlines.find(obligation.id()));
    }

    /** The subjects of a person's obligation notices, newest first. */
    private List<String> subjects(TestData.Person person) {
        return testData.as(person.principal(), () -> notifications.mine(100)).stream()
                .filter(notice -> notice.category().startsWith("obligation.")).map(Notice::subject).toList();
    }

    private List<AuditEntry> history(World world, ObligationView obligation) {
        return testData.as(world.prrc().principal(), () -> audit.history(RecordRef.of("obligation",
                obligation.id().value())));
    }

    private List<ObligationRecords.Reminder> unsentReminders(World world, ObligationView obligation) {
        return testData.as(world.officer().principal(), () -> new org.springframework.transaction.support
                .TransactionTemplate(transactionManager).execute(status -> records.reminders(obligation.id().value())))
                .stream().filter(reminder -> reminder.sentAt() == null).toList();
    }

    private static String what(ObligationView o) {
        return o.kind().label() + " to " + o.recipient().authority().label() + " (" + o.recipient().country()
                + ") for " + o.caseReference();
    }

}
