package org.vigil.deadline.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.deadline.Due;
import org.vigil.deadline.ObligationState;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.domain.ReminderKind;
import org.vigil.deadline.domain.ReminderPlan;
import org.vigil.deadline.domain.ReminderRecipients;
import org.vigil.deadline.persistence.ObligationRecords;
import org.vigil.notification.NoticeContent;
import org.vigil.notification.Notifications;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserStatus;
import org.vigil.organisation.UserView;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;

/**
 * The durable half of the clock service: flags open obligations whose due time has passed as overdue and sends the
 * reminders that are due, each exactly once, however Vigil stops.
 *
 * <p>Why exactly once: every reminder is a stored row, written with the obligation (or with the reminder before it),
 * so a stop never loses one; a due reminder is handled in one transaction that claims its row
 * ({@code FOR UPDATE SKIP LOCKED}), writes the notices (in their own transaction, keyed by the reminder's id, so that
 * writing them again writes nothing), records it sent and audits it. A crash after the notices committed and before
 * the reminder did leaves the reminder unsent; the next sweep handles it again and the keys keep the notices single.
 * Two sweepers never handle one reminder at once.
 *
 * <p>Reminders go to the person responsible (nobody assigned: the organisation's vigilance officers); from the due
 * time on, and when an obligation becomes more urgent, also to the organisation's PRRCs, who must ensure the vigilance
 * duties are met (MDR Art. 15(3)(d)).
 */
@Service
public class ReminderSweeper {

    static final String ACTOR = "deadline clock";
    private static final Logger log = LoggerFactory.getLogger(ReminderSweeper.class);
    private static final int BATCH = 100;
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ObligationRecords records;
    private final Notifications notifications;
    private final UserManagement users;
    private final AuditTrail audit;
    private final Clock clock;
    private final DeadlineSettings settings;
    private final TransactionTemplate ownTransaction;
    private final Instant startedAt;
    private final AtomicReference<Instant> lastCompletedSweep = new AtomicReference<>();

    /** Called after a reminder's notices are written and before it is recorded sent; tests make it fail. */
    volatile Consumer<ObligationRecords.Reminder> afterNoticesWritten = reminder -> {
    };

    ReminderSweeper(ObligationRecords records, Notifications notifications, UserManagement users, AuditTrail audit,
            Clock clock, DeadlineSettings settings, PlatformTransactionManager transactionManager) {
        this.records = records;
        this.notifications = notifications;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        // Reminders are also sent right after the commit of the change that made them (an escalation), where the
        // finished transaction's resources are still bound: each reminder needs a transaction of its own.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.startedAt = clock.instant();
    }

    /**
     * One sweep: flags open obligations whose due time has passed as overdue (audited; the reminder at their due time
     * alerts the people), then sends every reminder due. A failure with one obligation or reminder is logged and
     * retried by the next sweep; it does not stop the others.
     */
    public void sweep() {
        Instant now = now();
        flagOverdue(now);
        sendDue(now);
        lastCompletedSweep.set(now);
    }

    /** When the last sweep completed, by the clock service's clock; {@code null} before the first. */
    public Instant lastCompletedSweep() {
        return lastCompletedSweep.get();
    }

    /** The clock service's scheduler state at {@code now}, for the health check and the administrators' banner. */
    public SchedulerState state() {
        Instant now = now();
        var backlog = ownTransaction.execute(status -> records.backlog(now));
        Instant last = lastCompletedSweep.get();
        Instant limit = now.minus(settings.stallAfter());
        Instant stalledSince = null;
        if (last == null ? startedAt.isBefore(limit) : last.isBefore(limit)) {
            stalledSince = last == null ? startedAt : last;
        }
        if (backlog.oldest() != null && backlog.oldest().isBefore(limit)
                && (stalledSince == null || backlog.oldest().isBefore(stalledSince))) {
            stalledSince = backlog.oldest();
        }
        return new SchedulerState(last, backlog.waiting(), backlog.oldest(), stalledSince);
    }

    /** What the health check and the banner show. {@code stalledSince} is {@code null} while all is well. */
    public record SchedulerState(Instant lastSweep, long waitingReminders, Instant oldestWaiting,
            Instant stalledSince) {

        public boolean stalled() {
            return stalledSince != null;
        }
    }

    /**
     * Sends now those of {@code reminderIds} (of {@code organisation}) that are due and unsent: escalations, right
     * after the change that made them committed. What fails here is left to the next sweep.
     */
    public void sendNow(OrganisationId organisation, List<UUID> reminderIds) {
        Instant now = now();
        for (UUID id : reminderIds) {
            try {
                handle(new ObligationRecords.DueReminder(id, organisation), now);
            } catch (RuntimeException e) {
                log.warn("Reminder {} not sent at once ({}); the next sweep sends it", id, e.toString());
            }
        }
    }

    private void flagOverdue(Instant now) {
        Set<UUID> tried = new HashSet<>();
        while (true) {
            var falling = ownTransaction.execute(status -> records.fallingDue(now, BATCH));
            var fresh = falling.stream().filter(due -> tried.add(due.id())).toList();
            for (var due : fresh) {
                try {
                    Tenancy.runAs(Actor.system(due.organisation(), ACTOR), () -> ownTransaction.executeWithoutResult(
                            status -> {
                                if (records.markOverdue(due.id(), now, actorName())) {
                                    var o = records.find(due.id()).orElseThrow().view();
                                    audit.record(AuditedChange.changed("obligation.overdue",
                                            RecordRef.of("obligation", due.id()),
                                            Map.of("state", ObligationState.OPEN.name()),
                                            Map.of("state", ObligationState.OVERDUE.name(), "due",
                                                    describe(o.due()))));
                                }
                            }));
                } catch (RuntimeException e) {
                    log.warn("Obligation {} could not be flagged overdue ({}); retrying next sweep", due.id(),
                            e.toString());
                }
            }
            if (fresh.isEmpty() || falling.size() < BATCH) {
                return;
            }
        }
    }

    private void sendDue(Instant now) {
        Set<UUID> tried = new HashSet<>();
        while (true) {
            var due = ownTransaction.execute(status -> records.dueReminders(now, BATCH));
            var fresh = due.stream().filter(reminder -> tried.add(reminder.id())).toList();
            for (var reminder : fresh) {
                try {
                    handle(reminder, now);
                } catch (RuntimeException e) {
                    log.warn("Reminder {} failed ({}); the next sweep sends it", reminder.id(), e.toString());
                }
            }
            if (fresh.isEmpty() || due.size() < BATCH) {
                return;
            }
        }
    }

    /** Handles one reminder in one transaction; answers whether it sent it (rather than finding nothing to do). */
    private boolean handle(ObligationRecords.DueReminder due, Instant now) {
        return Tenancy.callAs(Actor.system(due.organisation(), ACTOR), () -> ownTransaction.execute(status -> {
            var reminder = records.claim(due.id()).orElse(null);
            if (reminder == null) {
                return false;
            }
            ObligationView obligation = records.find(reminder.obligationId()).orElseThrow().view();
            Instant deadline = obligation.due().deadline();
            boolean superseded = reminder.kind() == ReminderKind.BEFORE && deadline != null
                    && !now.isBefore(deadline);
            if (!obligation.pending() || superseded) {
                // Ended, or a "due in 2 days" that Vigil was down for: the reminder at the due time says it now.
                records.markSent(reminder.id(), now, false, 0);
                return false;
            }
            var recipients = recipients(obligation, reminder.recipients());
            notifications.notifyUsers(obligation.organisation(),
                    recipients.stream().map(UserView::id).collect(java.util.stream.Collectors.toSet()),
                    content(obligation, reminder, now), "obligation-reminder:" + reminder.id());
            afterNoticesWritten.accept(reminder);
            records.markSent(reminder.id(), now, true, recipients.size());
            var details = new LinkedHashMap<String, Object>();
            details.put("reminder", reminder.id().toString());
            details.put("kind", reminder.kind().name());
            if (reminder.step() != null) {
                details.put(reminder.kind() == ReminderKind.BEFORE ? "minutesBeforeDue" : "dayOverdue",
                        reminder.step());
            }
            details.put("due", describe(obligation.due()));
            details.put("recipients", recipients.stream().map(UserView::displayName).toList());
            if (reminder.reason() != null) {
                details.put("why", reminder.reason());
            }
            audit.record(AuditedChange.event("obligation.reminder-sent",
                    RecordRef.of("obligation", obligation.id().value()), details));
            if ((reminder.kind() == ReminderKind.AT_DUE || reminder.kind() == ReminderKind.OVERDUE)
                    && deadline != null) {
                var next = ReminderPlan.nextOverdueDay(deadline,
                        reminder.kind() == ReminderKind.AT_DUE ? 0 : reminder.step(), now);
                records.insertReminder(obligation.id().value(), obligation.organisation(), next.fireAt(),
                        next.kind(), next.step(), null, deadline, now);
            }
            return true;
        }));
    }

    private List<UserView> recipients(ObligationView obligation, ReminderRecipients whom) {
        OrganisationId organisation = obligation.organisation();
        Map<UserId, UserView> recipients = new LinkedHashMap<>();
        UserView responsible = obligation.responsible() == null ? null
                : users.members(organisation).stream()
                        .filter(member -> member.id().equals(obligation.responsible())
                                && member.status() == UserStatus.ACTIVE)
                        .findFirst().orElse(null);
        if (responsible != null) {
            recipients.put(responsible.id(), responsible);
        } else {
            // Nobody (still) responsible: the duty falls to the vigilance officers, none of whom may miss it.
            users.holdersOf(organisation, Role.VIGILANCE_OFFICER).forEach(user -> recipients.putIfAbsent(user.id(), user));
        }
        if (whom == ReminderRecipients.RESPONSIBLE_AND_PRRC) {
            users.holdersOf(organisation, Role.PRRC).forEach(user -> recipients.putIfAbsent(user.id(), user));
        }
        return List.copyOf(recipients.values());
    }

    static NoticeContent content(ObligationView o, ObligationRecords.Reminder reminder, Instant now) {
        String what = o.kind().label() + " to " + o.recipient().authority().label() + " (" + o.recipient().country()
                + ") for " + o.caseReference();
        String subject = switch (reminder.kind()) {
            case BEFORE -> "Due in " + humanDuration(Duration.ofMinutes(reminder.step())) + ": " + what;
            case AT_DUE -> now.isBefore(o.due().deadline()) ? "Due now: " + what : "Overdue: " + what;
            case OVERDUE -> "Overdue for " + reminder.step() + (reminder.step() == 1 ? " day: " : " days: ") + what;
            case ESCALATION -> "Deadline escalated: " + what;
        };
        var body = new StringBuilder();
        body.append(o.kind().label()).append(" to ").append(o.recipient().authority().label()).append(" (")
                .append(o.recipient().country()).append(o.recipient().via() == null ? "" : ", via " + o.recipient().via())
                .append(") under ").append(o.source().citation()).append(" for case ").append(o.caseReference());
        if (o.deviceName() != null) {
            body.append(" (").append(o.deviceName()).append(")");
        }
        body.append(" is due ").append(describe(o.due())).append(".");
        if (reminder.reason() != null) {
            body.append("\n\nWhy you are told now: ").append(reminder.reason());
        }
        if (reminder.kind() != ReminderKind.BEFORE) {
            body.append("\n\nThe person responsible for regulatory compliance is informed too (MDR Art. 15).");
        }
        if (subject.length() > 300) {
            subject = subject.substring(0, 299) + "…";
        }
        return new NoticeContent("obligation." + reminder.kind().name().toLowerCase().replace('_', '-'), subject,
                body.toString(), "/cases/" + o.caseId());
    }

    /** The due time as people read it: the date and zone for a date, else the instant. */
    public static String describe(Due due) {
        return switch (due) {
            case Due.By by -> "by the end of " + by.date() + " (" + by.zone().getId() + ")";
            case Due.BeforeUndertaken before -> before.plannedStart() == null
                    ? "before the action is undertaken (start not yet planned)"
                    : "before the action is undertaken, planned for " + UTC_TIME.format(before.plannedStart());
            case Due.WithoutDelay now -> "without delay, since " + UTC_TIME.format(now.since());
        };
    }

    private static String humanDuration(Duration duration) {
        if (duration.toMinutes() % (24 * 60) == 0) {
            long days = duration.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        if (duration.toMinutes() % 60 == 0) {
            long hours = duration.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return duration.toMinutes() + " minutes";
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: comparing stored and computed times needs the same precision.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String actorName() {
        return "Vigil (" + ACTOR + ")";
    }
}
