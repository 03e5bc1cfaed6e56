package org.vigil.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.deadline.clock.DeadlineSettings;
import org.vigil.deadline.clock.ReminderSweeper;
import org.vigil.deadline.domain.ReminderKind;
import org.vigil.deadline.domain.ReminderPlan;
import org.vigil.deadline.persistence.ObligationRecords;
import org.vigil.organisation.ElectronicSignature;
import org.vigil.organisation.Signatures;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserStatus;
import org.vigil.organisation.UserView;
import org.vigil.shared.Actor;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;

/**
 * The clock service: keeps every reporting obligation of a case with its due time and state (issue 5, item 5), so
 * that no deadline of MDR Art. 87, IVDR Art. 82, MedDO Art. 66, the GB regulations or 21 CFR 803 passes without the
 * people responsible being told, again and again, before it is too late.
 *
 * <p>{@link #track} stores what the rule packs ({@link RulePacks#obligations}) make of a case's facts, each time they
 * change: new obligations are added, changed due times are updated, obligations that no longer arise are withdrawn
 * with the cause. An obligation whose due time moves earlier, or that newly arises because the classification
 * changed (for example "other" to "death" on day 9, Art. 87(3) to 87(5)), is escalated at once to the person
 * responsible and the organisation's PRRCs (MDR Art. 15(3)(d)). Reminders follow from the due time (see
 * {@link ReminderSweeper}). Every change is audited (record type {@code obligation}).
 *
 * <p>All methods act for the caller's organisation: the duty holder.
 */
@Service
public class Deadlines {

    /** The record type of obligations in the audit trail. */
    public static final String RECORD_TYPE = "obligation";
    /** The meaning of the signature on a waiver (21 CFR 11.50(a)(3)). */
    public static final String WAIVER_MEANING = "waiver of a reporting obligation";

    private final ObligationRecords records;
    private final RulePacks packs;
    private final AuditTrail audit;
    private final UserManagement users;
    private final Signatures signatures;
    private final ReminderSweeper sweeper;
    private final DeadlineSettings settings;
    private final Clock clock;

    Deadlines(ObligationRecords records, RulePacks packs, AuditTrail audit, UserManagement users,
            Signatures signatures, ReminderSweeper sweeper, DeadlineSettings settings, Clock clock) {
        this.records = records;
        this.packs = packs;
        this.audit = audit;
        this.users = users;
        this.signatures = signatures;
        this.sweeper = sweeper;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Recomputes and stores the obligations of a case from its facts, acting for its duty holder; answers all of the
     * case's obligations. Idempotent: tracking the same facts again changes nothing and audits nothing. Obligations
     * already submitted or waived are kept as they are.
     *
     * @throws InvalidInputException naming {@code responsible} when that person is not a member of the duty holder,
     *         {@code facts} when the rules cannot count a due time from the facts (nothing is stored then)
     */
    @Transactional
    public List<ObligationView> track(TrackedCase tracked) {
        Actor actor = Tenancy.requireActor();
        if (!tracked.dutyHolder().equals(actor.organisationId())) {
            throw new IllegalStateException("Obligations are tracked by their duty holder, not by "
                    + actor.organisationId());
        }
        Instant now = now();
        var stored = new LinkedHashMap<String, ObligationRecords.Stored>();
        records.forCase(tracked.caseId()).forEach(s -> stored.put(identity(s.view(), s.triggerKey()), s));
        boolean firstTracking = stored.isEmpty();
        var escalations = new ArrayList<UUID>();
        Set<String> arising = new HashSet<>();
        String responsibleName = null;
        if (tracked.responsible() != null) {
            var responsible = users.members(tracked.dutyHolder()).stream()
                    .filter(member -> member.id().equals(tracked.responsible())).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("responsible",
                            "The person responsible must be a member of the organisation that holds the duties."));
            responsibleName = responsible.displayName();
        }
        List<Obligation> obligations;
        try {
            obligations = packs.obligations(tracked.facts());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Facts the rules cannot count from (an announced report without its date, a working-day period in a
            // year whose holidays nobody entered yet): say so instead of storing obligations without due times.
            throw InvalidInputException.of("facts", e.getMessage());
        }
        for (Obligation obligation : obligations) {
            String triggerKey = triggerKey(obligation);
            var computed = computed(tracked, obligation, now, responsibleName);
            String key = identity(computed, triggerKey);
            if (!arising.add(key)) {
                continue; // the same event recorded twice creates one duty
            }
            var existing = stored.get(key);
            boolean classificationRule = !obligation.rule().classifications().isEmpty();
            if (existing == null) {
                records.insert(computed, triggerKey, actor.displayName(), now);
                planReminders(computed, now);
                audit.record(AuditedChange.created("obligation.created", ref(computed), summary(computed))
                        .because(tracked.cause()));
                if (!firstTracking && classificationRule) {
                    escalations.add(escalate(computed, "It newly arises: " + tracked.cause(), now));
                }
                continue;
            }
            ObligationView before = existing.view();
            if (before.state() == ObligationState.SUBMITTED || before.state() == ObligationState.WAIVED) {
                continue;
            }
            var after = recomputed(before, computed, now, tracked.cause());
            if (after.equals(before)) {
                continue;
            }
            records.update(after, actor.displayName(), now);
            boolean dueMoved = !Objects.equals(before.due().deadline(), after.due().deadline())
                    || before.state() == ObligationState.WITHDRAWN;
            if (dueMoved) {
                records.deleteUnsentReminders(after.id().value(), true);
                planReminders(after, now);
            }
            if (before.state() == ObligationState.WITHDRAWN) {
                audit.record(new AuditedChange("obligation.reopened", ref(after), summary(before), summary(after),
                        tracked.cause(), false, null));
                if (classificationRule) {
                    escalations.add(escalate(after, "It arises again: " + tracked.cause(), now));
                }
            } else {
                audit.record(AuditedChange.changed("obligation.recomputed", ref(after), summary(before),
                        summary(after)).because(tracked.cause()));
                Instant was = before.due().deadline();
                Instant is = after.due().deadline();
                if (is != null && (was == null || is.isBefore(was))) {
                    escalations.add(escalate(after, "Its due time moved earlier, from "
                            + (was == null ? "no date" : ReminderSweeper.describe(before.due())) + " to "
                            + ReminderSweeper.describe(after.due()) + ": " + tracked.cause(), now));
                }
            }
        }
        for (var entry : stored.entrySet()) {
            ObligationView before = entry.getValue().view();
            if (arising.contains(entry.getKey()) || !before.pending()) {
                continue;
            }
            var after = withState(before, ObligationState.WITHDRAWN, tracked.cause(), now);
            records.update(after, actor.displayName(), now);
            records.deleteUnsentReminders(after.id().value(), false);
            audit.record(AuditedChange.withdrawn("obligation.withdrawn", ref(after), summary(before), summary(after),
                    tracked.cause()));
        }
        sendAfterCommit(tracked.dutyHolder(), escalations);
        return records.forCase(tracked.caseId()).stream().map(ObligationRecords.Stored::view).toList();
    }

    /** The obligations of one case, by due time, undated last. */
    @Transactional(readOnly = true)
    public List<ObligationView> forCase(UUID caseId) {
        return records.forCase(caseId).stream().map(ObligationRecords.Stored::view).toList();
    }

    /** The caller's organisation's obligations still to be met, by due time, undated last. */
    @Transactional(readOnly = true)
    public List<ObligationView> pending(BoardFilter filter) {
        return records.pending(Tenancy.requireActor().organisationId(), filter == null ? BoardFilter.all() : filter);
    }

    /** One obligation; another organisation's answers as missing. */
    @Transactional(readOnly = true)
    public ObligationView find(ObligationId id) {
        return records.find(id.value()).map(ObligationRecords.Stored::view)
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    /**
     * Records that the report was submitted to its recipient, with the authority's reference when it gave one;
     * reminders stop.
     *
     * @throws InvalidInputException naming {@code state} when the obligation has ended, {@code authorityReference}
     *         when it is longer than 200 characters
     */
    @Transactional
    public ObligationView markSubmitted(ObligationId id, String authorityReference) {
        var before = pendingForChange(id);
        String reference = authorityReference == null || authorityReference.isBlank() ? null
                : authorityReference.strip();
        if (reference != null && reference.length() > 200) {
            throw InvalidInputException.of("authorityReference", "Give the reference in at most 200 characters.");
        }
        Instant now = now();
        var submitted = withState(before, ObligationState.SUBMITTED,
                reference == null ? "Submitted" : "Submitted; the authority's reference is " + reference, now);
        var after = new ObligationView(submitted.id(), submitted.caseId(), submitted.caseReference(),
                submitted.deviceName(), submitted.organisation(), submitted.ruleId(), submitted.packId(),
                submitted.packVersion(), submitted.source(), submitted.ruleNote(), submitted.kind(),
                submitted.recipient(), submitted.clockStart(), submitted.due(), submitted.state(),
                submitted.responsible(), submitted.responsibleName(), submitted.stateReason(),
                submitted.stateChangedAt(), submitted.waiver(), reference);
        records.update(after, Tenancy.requireActor().displayName(), now);
        records.deleteUnsentReminders(id.value(), false);
        audit.record(AuditedChange.changed("obligation.submitted", ref(after), summary(before), summary(after)));
        return find(id);
    }

    /**
     * Waives an obligation by a signed decision with a reason (for example: the authority agreed that no report is
     * needed): the signer re-enters their password, and the signature, meaning {@value #WAIVER_MEANING}, is bound to
     * the waiver's content (21 CFR 11.50, 11.70, 11.200). Reminders stop.
     *
     * @throws InvalidInputException naming {@code state} when the obligation has ended, {@code reason} when none is
     *         given, {@code password} when it is missing or wrong; nothing is changed then
     */
    @Transactional
    public ObligationView waive(ObligationId id, String reason, String password) {
        var before = pendingForChange(id);
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "Give the reason the obligation is waived.");
        }
        String why = reason.strip();
        if (why.length() > 2000) {
            throw InvalidInputException.of("reason", "Give the reason in at most 2000 characters.");
        }
        ElectronicSignature signature = signatures.sign(password, WAIVER_MEANING, waiverContent(before, why),
                RECORD_TYPE, id.value());
        Instant now = now();
        var waived = withState(before, ObligationState.WAIVED, why, now);
        var after = new ObligationView(waived.id(), waived.caseId(), waived.caseReference(), waived.deviceName(),
                waived.organisation(), waived.ruleId(), waived.packId(), waived.packVersion(), waived.source(),
                waived.ruleNote(), waived.kind(), waived.recipient(), waived.clockStart(), waived.due(),
                waived.state(), waived.responsible(), waived.responsibleName(), waived.stateReason(),
                waived.stateChangedAt(), signature, waived.submissionReference());
        records.update(after, Tenancy.requireActor().displayName(), now);
        records.deleteUnsentReminders(id.value(), false);
        audit.record(AuditedChange.changed("obligation.waived", ref(after), summary(before), summary(after))
                .because(why));
        return find(id);
    }

    /** The text a waiver signature is bound to. */
    public static String waiverContent(ObligationView obligation, String reason) {
        return "Waiver of a reporting obligation\n"
                + "obligation: " + obligation.id() + "\n"
                + "case: " + obligation.caseReference() + "\n"
                + "rule: " + obligation.ruleId() + " (" + obligation.source().citation() + ")\n"
                + "obligation kind: " + obligation.kind().label() + "\n"
                + "recipient: " + obligation.recipient().authority().label() + " (" + obligation.recipient().country()
                + ")\n"
                + "due: " + ReminderSweeper.describe(obligation.due()) + "\n"
                + "reason: " + reason;
    }

    /**
     * Makes {@code responsible} the person reminded of the obligation.
     *
     * @throws InvalidInputException naming {@code state} when the obligation has ended, {@code assignee} when the
     *         person is not an active member of the organisation holding the vigilance officer or PRRC role
     */
    @Transactional
    public ObligationView reassign(ObligationId id, UserId responsible) {
        var before = pendingForChange(id);
        if (responsible == null) {
            throw InvalidInputException.of("assignee", "Choose the person responsible.");
        }
        var person = mayBeResponsible(before.organisation(), responsible).orElseThrow(() -> InvalidInputException.of(
                "assignee", "Choose an active vigilance officer or PRRC of your organisation."));
        if (responsible.equals(before.responsible())) {
            return before;
        }
        moveTo(before, person, null);
        return find(id);
    }

    /**
     * Gives the case's pending obligations that followed the person working it to {@code assignee}, the case's new
     * assignee: whoever works a case is the one reminded of its reporting deadlines. Obligations somebody gave to
     * another person on the board stay with that person, and nothing moves when the new assignee may not be
     * responsible (only an active vigilance officer or PRRC may) or nobody is assigned. Answers how many moved.
     *
     * @param followedFrom who an obligation that followed the case has now: the previous assignee, or, when nobody
     *                     was assigned, the signer of the decision that set the obligations
     */
    @Transactional
    public int followCaseAssignment(UUID caseId, OrganisationId organisation, Set<UserId> followedFrom,
            UserId assignee) {
        var person = assignee == null ? Optional.<UserView>empty() : mayBeResponsible(organisation, assignee);
        if (person.isEmpty()) {
            return 0;
        }
        int moved = 0;
        for (var obligation : forCase(caseId)) {
            if (obligation.pending() && obligation.organisation().equals(organisation)
                    && obligation.responsible() != null && followedFrom.contains(obligation.responsible())
                    && !obligation.responsible().equals(assignee)) {
                moveTo(pendingForChange(obligation.id()), person.get(),
                        "The case was assigned to " + person.get().displayName() + ".");
                moved++;
            }
        }
        return moved;
    }

    private Optional<UserView> mayBeResponsible(OrganisationId organisation, UserId person) {
        return users.members(organisation).stream()
                .filter(member -> member.id().equals(person) && member.status() == UserStatus.ACTIVE
                        && (member.roles().contains(Role.VIGILANCE_OFFICER) || member.roles().contains(Role.PRRC)))
                .findFirst();
    }

    private void moveTo(ObligationView before, UserView person, String because) {
        var after = new ObligationView(before.id(), before.caseId(), before.caseReference(), before.deviceName(),
                before.organisation(), before.ruleId(), before.packId(), before.packVersion(), before.source(),
                before.ruleNote(), before.kind(), before.recipient(), before.clockStart(), before.due(),
                before.state(), person.id(), person.displayName(), before.stateReason(), before.stateChangedAt(),
                before.waiver(), before.submissionReference());
        records.update(after, Tenancy.requireActor().displayName(), now());
        var change = AuditedChange.changed("obligation.reassigned", ref(after),
                Map.of("responsible", before.responsibleName() == null ? "vigilance officers" : before.responsibleName()),
                Map.of("responsible", person.displayName()));
        audit.record(because == null ? change : change.because(because));
    }

    // Internals

    private ObligationView pendingForChange(ObligationId id) {
        var obligation = records.lock(id.value()).map(ObligationRecords.Stored::view)
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
        if (!obligation.pending()) {
            throw InvalidInputException.of("state", "This obligation is " + obligation.state().label().toLowerCase()
                    + " and can no longer change.");
        }
        return obligation;
    }

    private ObligationView computed(TrackedCase tracked, Obligation obligation, Instant now, String responsibleName) {
        ReportingRule rule = obligation.rule();
        return new ObligationView(ObligationId.random(), tracked.caseId(), tracked.caseReference(),
                tracked.deviceName(), tracked.dutyHolder(), rule.id(), rule.packId(), rule.packVersion(),
                rule.legalSource(), rule.note(), rule.obligation(), obligation.recipient(),
                micros(obligation.clockStart()), micros(obligation.due()), ObligationState.OPEN,
                tracked.responsible(), responsibleName, null, now, null, null);
    }

    /**
     * {@code before} with what the rules now say: the due time, clock start, legal source and case details; the
     * person responsible stays (it may have been reassigned). A withdrawn obligation that arises again is open again.
     */
    private static ObligationView recomputed(ObligationView before, ObligationView computed, Instant now,
            String cause) {
        ObligationState state = before.state();
        String reason = before.stateReason();
        Instant changedAt = before.stateChangedAt();
        Instant deadline = computed.due().deadline();
        if (state == ObligationState.WITHDRAWN) {
            state = ObligationState.OPEN;
            reason = "Arises again: " + cause;
            changedAt = now;
        } else if (state == ObligationState.OVERDUE && (deadline == null || deadline.isAfter(now))
                && !Objects.equals(deadline, before.due().deadline())) {
            state = ObligationState.OPEN;
            reason = "Its due time moved later: " + cause;
            changedAt = now;
        }
        return new ObligationView(before.id(), computed.caseId(), computed.caseReference(), computed.deviceName(),
                before.organisation(), before.ruleId(), computed.packId(), computed.packVersion(), computed.source(),
                computed.ruleNote(), computed.kind(), computed.recipient(), computed.clockStart(), computed.due(),
                state, before.responsible() != null ? before.responsible() : computed.responsible(),
                before.responsible() != null ? before.responsibleName() : computed.responsibleName(), reason,
                changedAt, before.waiver(), before.submissionReference());
    }

    private static ObligationView withState(ObligationView o, ObligationState state, String reason, Instant now) {
        return new ObligationView(o.id(), o.caseId(), o.caseReference(), o.deviceName(), o.organisation(), o.ruleId(),
                o.packId(), o.packVersion(), o.source(), o.ruleNote(), o.kind(), o.recipient(), o.clockStart(),
                o.due(), state, o.responsible(), o.responsibleName(), reason, now, o.waiver(),
                o.submissionReference());
    }

    private void planReminders(ObligationView o, Instant now) {
        for (var planned : ReminderPlan.forDue(o.due().deadline(), now, settings.reminderOffsets())) {
            records.insertReminder(o.id().value(), o.organisation(), planned.fireAt(), planned.kind(),
                    planned.step(), null, o.due().deadline(), now);
        }
    }

    private UUID escalate(ObligationView o, String why, Instant now) {
        return records.insertReminder(o.id().value(), o.organisation(), now, ReminderKind.ESCALATION, null, why,
                o.due().deadline(), now);
    }

    /** Escalations are told at once, but only once the change that made them has committed. */
    private void sendAfterCommit(OrganisationId organisation, List<UUID> reminders) {
        if (reminders.isEmpty()) {
            return;
        }
        var ids = List.copyOf(reminders);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            sweeper.sendNow(organisation, ids);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sweeper.sendNow(organisation, ids);
            }
        });
    }

    /** What identifies an obligation of a case: its rule, its recipient and, for an event rule, its event. */
    private static String identity(ObligationView o, String triggerKey) {
        return o.ruleId() + "|" + o.recipient().jurisdiction() + "|" + o.recipient().authority() + "|"
                + o.recipient().country() + "|" + triggerKey;
    }

    private static String triggerKey(Obligation obligation) {
        return obligation.rule().classifications().isEmpty() ? "event@" + micros(obligation.clockStart()) : "";
    }

    private static Map<String, Object> summary(ObligationView o) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("case", o.caseReference());
        summary.put("rule", o.ruleId() + " v" + o.packVersion());
        summary.put("citation", o.source().citation());
        summary.put("kind", o.kind().name());
        summary.put("recipient", o.recipient().authority().name() + " " + o.recipient().country()
                + (o.recipient().via() == null ? "" : " via " + o.recipient().via()));
        summary.put("clockStart", o.clockStart().toString());
        summary.put("due", ReminderSweeper.describe(o.due()));
        summary.put("state", o.state().name());
        if (o.responsibleName() != null) {
            summary.put("responsible", o.responsibleName());
        }
        if (o.submissionReference() != null) {
            summary.put("submissionReference", o.submissionReference());
        }
        if (o.waiver() != null) {
            summary.put("waiverSignedBy", o.waiver().printedName());
        }
        return summary;
    }

    private static RecordRef ref(ObligationView o) {
        return RecordRef.of(RECORD_TYPE, o.id().value());
    }

    private Instant now() {
        return micros(clock.instant());
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Due micros(Due due) {
        return switch (due) {
            case Due.By by -> new Due.By(by.date(), by.zone(), micros(by.end()));
            case Due.BeforeUndertaken before -> new Due.BeforeUndertaken(micros(before.plannedStart()));
            case Due.WithoutDelay since -> new Due.WithoutDelay(micros(since.since()));
        };
    }
}
