package org.vigil.reportability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.casework.CaseId;
import org.vigil.casework.CaseOrigin;
import org.vigil.casework.CaseSide;
import org.vigil.casework.CaseView;
import org.vigil.casework.Cases;
import org.vigil.deadline.CaseFacts;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.DutyHolder;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.RulePacks;
import org.vigil.deadline.TrackedCase;
import org.vigil.device.DeviceRegister;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.incident.IncidentReports;
import org.vigil.incident.ReportId;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.Signatures;
import org.vigil.reportability.domain.Assessment;
import org.vigil.reportability.domain.EventRules;
import org.vigil.reportability.domain.Prefill;
import org.vigil.reportability.persistence.DecisionRecords;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;

/**
 * Reportability decisions on cases and complaints (MDR Art. 2(64)–(66), 87, 88; MDCG 2023-3 Rev. 2; MIR 7.3.1
 * §1.2.c, §1.2.d, §1.2.g).
 *
 * <p>Only the manufacturer's side of a case decides, and only its vigilance officers and PRRC sign. A decision is
 * recorded as answers; the conclusion and classification follow from them ({@link Assessment}). It is signed by
 * re-entering the password (21 CFR 11.200(a)); the signature shows printed name, time and the meaning
 * {@value ReportabilityDecision#MEANING} and is bound to the decision's content. A change is a new, signed decision
 * with a reason; the earlier ones stay. Each decision recomputes the case's reporting obligations at once
 * ({@link Deadlines#track}), which escalates to the PRRC when a deadline moves earlier.
 */
@Service
public class Reportability {

    /** The audit record type of decisions. */
    public static final String RECORD_TYPE = "reportability-decision";
    /** Who signs reportability decisions. */
    public static final Set<Role> DECIDERS = Set.of(Role.VIGILANCE_OFFICER, Role.PRRC);

    private final DecisionRecords records;
    private final Cases cases;
    private final IncidentReports reports;
    private final DeviceRegister devices;
    private final OrganisationManagement organisations;
    private final Signatures signatures;
    private final RulePacks rulePacks;
    private final Deadlines deadlines;
    private final AuditTrail audit;

    Reportability(DecisionRecords records, Cases cases, IncidentReports reports, DeviceRegister devices,
            OrganisationManagement organisations, Signatures signatures, RulePacks rulePacks, Deadlines deadlines,
            AuditTrail audit) {
        this.records = records;
        this.cases = cases;
        this.reports = reports;
        this.devices = devices;
        this.organisations = organisations;
        this.signatures = signatures;
        this.rulePacks = rulePacks;
        this.deadlines = deadlines;
        this.audit = audit;
    }

    /** The case's decisions, the one in force first; empty before the first. Manufacturer side only. */
    @Transactional(readOnly = true)
    public List<ReportabilityDecision> history(CaseId caseId) {
        manufacturerCase(caseId);
        return records.history(caseId);
    }

    /** The decision in force, if any. */
    @Transactional(readOnly = true)
    public Optional<ReportabilityDecision> current(CaseId caseId) {
        manufacturerCase(caseId);
        return records.current(caseId);
    }

    /**
     * The answers to start from: those of the decision in force (without its change reason), or, before the first,
     * what the case already tells: the manufacturer's awareness (when the report reached it, or the day a complaint
     * was received, at 00:00 so that no deadline is counted late), the country where it happened, the device's kind
     * and markets from the register, and serious outcomes the hospital coded in IMDRF Annex F.
     */
    @Transactional(readOnly = true)
    public DecisionDraft startingPoint(CaseId caseId) {
        var view = manufacturerCase(caseId);
        var current = records.current(caseId);
        if (current.isPresent()) {
            var d = current.get();
            return new DecisionDraft(d.incident(), d.seriousOutcomes(), d.publicHealthThreat(),
                    d.deteriorationAnticipated(), d.causality(), d.expectedSideEffect(), d.useContext(), d.rationale(),
                    LocalDateTime.ofInstant(d.incidentAwareness(), d.incidentAwarenessZone()),
                    d.incidentAwarenessZone().getId(),
                    LocalDateTime.ofInstant(d.reportabilityAwareness(), d.reportabilityAwarenessZone()),
                    d.reportabilityAwarenessZone().getId(), d.lateAwarenessExplanation(), d.incidentCountry(),
                    d.deviceKind(), d.markets(), d.manufacturerZone().getId(), null);
        }
        ZoneId zone = Prefill.zoneOf(organisations.get(mine()).country());
        LocalDateTime aware = view.origin() == CaseOrigin.COMPLAINT && view.receivedOn() != null
                ? view.receivedOn().atStartOfDay()
                : LocalDateTime.ofInstant(view.openedAt(), zone).withSecond(0).withNano(0);
        String country = view.hospital() == null ? null : organisations.get(view.hospital()).country();
        Set<SeriousOutcome> outcomes = Set.of();
        Boolean publicHealthThreat = null;
        DeviceKind kind = null;
        Set<org.vigil.deadline.Jurisdiction> markets = Set.of();
        if (view.reportId() != null) {
            var content = reports.find(new ReportId(view.reportId())).content();
            var codes = content.healthImpactCodes() == null ? List.<String>of() : content.healthImpactCodes();
            outcomes = Prefill.seriousOutcomes(codes);
            if (codes.contains(Prefill.PUBLIC_HEALTH_THREAT_CODE)) {
                publicHealthThreat = true;
            }
            var udi = content.device() == null || content.device().udiDi() == null ? Optional.<org.vigil.device.UdiDiView>empty()
                    : devices.findUdiDi(content.device().udiDi());
            if (udi.isPresent()) {
                markets = Prefill.markets(udi.get().data().markets().stream().map(MarketPlacement::country).toList());
                Legislation legislation = devices.basicUdiDi(udi.get().basicUdiDiId()).data().legislation();
                kind = legislation == Legislation.IVDR || legislation == Legislation.IVDD
                        ? DeviceKind.IN_VITRO_DIAGNOSTIC : DeviceKind.MEDICAL_DEVICE;
            }
        }
        return new DecisionDraft(null, outcomes, publicHealthThreat, null, null, null, null, null, aware,
                zone.getId(), null, null, null, country, kind, markets, zone.getId(), null);
    }

    /** What the answers of {@code draft} conclude, without signing: for the form's live summary. */
    public Assessment.Outcome preview(DecisionDraft draft) {
        if (draft.incident() == null) {
            return null;
        }
        return Assessment.conclude(draft);
    }

    /**
     * Signs and records a decision, then recomputes the case's obligations. The whole is one transaction: a wrong
     * password, a missing answer or a failure anywhere saves nothing.
     *
     * @throws InvalidInputException naming each missing or wrong answer, {@code password} when it is not the
     *         signer's, {@code changeReason} when a change gives none or changes nothing
     */
    @Transactional
    public ReportabilityDecision decide(CaseId caseId, DecisionDraft draft, String password) {
        requireDecider();
        if (draft == null) {
            throw InvalidInputException.of("incident", "Answer the questions of the decision.");
        }
        var view = manufacturerCase(caseId);
        records.lockCase(caseId);
        var previous = records.current(caseId);
        var problems = Assessment.problems(draft, previous.isEmpty());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var outcome = Assessment.conclude(draft);
        boolean incident = draft.incident();
        ZoneId awareZone = ZoneId.of(draft.incidentAwareZone().strip());
        var incidentAware = draft.incidentAwareAt().atZone(awareZone).toInstant();
        ZoneId reportabilityZone = draft.reportabilityAwareAt() == null ? awareZone
                : ZoneId.of(draft.reportabilityAwareZone().strip());
        var reportabilityAware = draft.reportabilityAwareAt() == null ? incidentAware
                : draft.reportabilityAwareAt().atZone(reportabilityZone).toInstant();
        String late = reportabilityAware.isAfter(incidentAware) ? draft.lateAwarenessExplanation().strip() : null;
        var id = UUID.randomUUID();
        int version = previous.map(d -> d.version() + 1).orElse(1);
        var outcomes = incident ? draft.seriousOutcomes() : Set.<SeriousOutcome>of();
        boolean publicHealthThreat = incident && Boolean.TRUE.equals(draft.publicHealthThreat());
        boolean anticipated = incident && Boolean.TRUE.equals(draft.deteriorationAnticipated());
        boolean expected = incident && Boolean.TRUE.equals(draft.expectedSideEffect());
        var causality = incident ? draft.causality() : null;
        var useContext = incident ? draft.useContext() : null;
        String country = draft.incidentCountry().strip().toUpperCase(java.util.Locale.ROOT);
        ZoneId manufacturerZone = ZoneId.of(draft.manufacturerZone().strip());
        String reason = previous.isEmpty() ? null : draft.changeReason().strip();
        String content = ReportabilityDecision.signedContent(id, caseId, version, incident, outcomes,
                publicHealthThreat, anticipated, causality, expected, useContext, outcome.conclusion(),
                outcome.classification(), draft.rationale().strip(), incidentAware, awareZone, reportabilityAware,
                reportabilityZone, late, country, draft.deviceKind(), draft.markets(), manufacturerZone, reason);
        if (previous.isPresent() && sameAnswers(previous.get(), content)) {
            throw InvalidInputException.of("changeReason", "These answers are those of decision "
                    + previous.get().version() + "; change an answer to record a new decision.");
        }
        var signature = signatures.sign(password, ReportabilityDecision.MEANING, content, RECORD_TYPE, id);
        var decision = new ReportabilityDecision(id, caseId, version, incident, outcomes, publicHealthThreat,
                anticipated, causality, expected, useContext, outcome.conclusion(), outcome.classification(),
                draft.rationale().strip(), incidentAware, awareZone, reportabilityAware, reportabilityZone, late,
                country, draft.deviceKind(), draft.markets(), manufacturerZone, reason, signature);
        records.insert(mine(), decision);
        audit.record(AuditedChange.created("reportability.decided", RecordRef.of(RECORD_TYPE, id), summary(decision))
                .inOrganisation(mine()));
        var obligations = track(view, decision, null);
        cases.addInternalNote(caseId, note(decision, obligations));
        return decision;
    }

    /** The case's obligations, earliest first: what the decisions made of it. */
    @Transactional(readOnly = true)
    public List<ObligationView> obligations(CaseId caseId) {
        manufacturerCase(caseId);
        return deadlines.forCase(caseId.value());
    }

    /**
     * Recomputes the caller's side's obligations on the case from what is on record (the decision in force and the
     * events), for example after a holiday calendar changed ({@code because} says so in the audit trail). Vigil itself
     * may call it, acting for the duty holder.
     */
    @Transactional
    public void recompute(CaseId caseId, String because) {
        var view = cases.find(caseId);
        var side = cases.sideOf(view);
        if (side == CaseSide.MANUFACTURER) {
            var decision = records.current(caseId);
            if (decision.isPresent()) {
                track(view, decision.get(), because);
            }
        } else if (!records.events(caseId).isEmpty()) {
            trackUserFacility(view, because);
        }
    }

    // ------------------------------------------------------------------------------------------------ events

    /** The caller's side's events on the case, in the order they happened. */
    @Transactional(readOnly = true)
    public List<RecordedEvent> events(CaseId caseId) {
        var view = cases.find(caseId);
        cases.sideOf(view);
        return records.events(caseId);
    }

    /**
     * Records an event that starts a clock of its own and recomputes the side's obligations at once. The manufacturer
     * records its events once a reportability decision is in force (the clocks need its awareness moments, markets and
     * time zone); a hospital in the US records its own user-facility duties (21 CFR 803.30), nobody else does.
     *
     * @throws InvalidInputException naming {@code kind}, {@code at}, {@code zone}, {@code setDate} or {@code note}
     */
    @Transactional
    public RecordedEvent recordEvent(CaseId caseId, EventKind kind, LocalDateTime at, String zone, LocalDate setDate,
            String note) {
        var view = cases.find(caseId);
        var side = cases.sideOf(view);
        var problems = new ArrayList<InvalidInputException.FieldError>();
        if (kind == null) {
            problems.add(new InvalidInputException.FieldError("kind", "Choose what happened."));
        }
        Instant happened = Assessment.moment(problems, "at", "zone", at, zone, true, "when it happened");
        if (kind != null && EventRules.NEED_A_DATE.contains(kind) && setDate == null) {
            problems.add(new InvalidInputException.FieldError("setDate",
                    "Give the date announced or agreed for the report."));
        }
        if (note != null && note.length() > Assessment.MAX_TEXT) {
            problems.add(new InvalidInputException.FieldError("note", "At most " + Assessment.MAX_TEXT
                    + " characters."));
        }
        ReportabilityDecision decision = null;
        if (kind != null && side == CaseSide.MANUFACTURER) {
            requireDecider();
            if (!EventRules.MANUFACTURER.contains(kind)) {
                problems.add(new InvalidInputException.FieldError("kind",
                        "Only a US user facility records its own 21 CFR 803.30 duties."));
            }
            decision = records.current(caseId).orElse(null);
            if (decision == null) {
                problems.add(new InvalidInputException.FieldError("kind",
                        "Decide reportability first: the clocks need its awareness moments and markets."));
            }
        } else if (kind != null) {
            requireUserFacilityStaff();
            if (!EventRules.USER_FACILITY.contains(kind)) {
                problems.add(new InvalidInputException.FieldError("kind",
                        "The hospital records only its own duties as a US user facility (21 CFR 803.30)."));
            } else if (!"US".equals(organisations.get(mine()).country())) {
                problems.add(new InvalidInputException.FieldError("kind", "21 CFR 803.30 binds user facilities in "
                        + "the United States; this organisation is not in the US."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var actor = Tenancy.requireActor();
        var event = new RecordedEvent(UUID.randomUUID(), caseId, kind, happened, ZoneId.of(zone.strip()), setDate,
                note == null || note.isBlank() ? null : note.strip(), actor.displayName(), null);
        records.insertEvent(mine(), event, actor.userId());
        var details = new LinkedHashMap<String, Object>();
        details.put("case", caseId.value().toString());
        details.put("kind", kind.name());
        details.put("at", happened.toString());
        if (setDate != null) {
            details.put("setDate", setDate.toString());
        }
        audit.record(AuditedChange.created("reportability.event-recorded", RecordRef.of(RECORD_TYPE + "-event",
                event.id()), details).inOrganisation(mine()));
        if (decision != null) {
            track(view, decision, EventRules.words(kind) + " recorded by " + actor.displayName());
        } else {
            trackUserFacility(view, "User facility event recorded by " + actor.displayName());
        }
        cases.addInternalNote(caseId, "Recorded: " + EventRules.words(kind) + (setDate == null ? "" : " — date "
                + setDate) + ".");
        return records.events(caseId).stream().filter(e -> e.id().equals(event.id())).findFirst().orElseThrow();
    }

    /**
     * The obligations of the caller's side on the case, earliest first: the manufacturer's, or a US hospital's own
     * (21 CFR 803.30). Each side sees only its own.
     */
    @Transactional(readOnly = true)
    public List<ObligationView> obligationsOfMySide(CaseId caseId) {
        var view = cases.find(caseId);
        cases.sideOf(view);
        return deadlines.forCase(caseId.value());
    }

    private void trackUserFacility(CaseView view, String because) {
        var events = records.events(view.id());
        var first = events.getFirst();
        String country = organisations.get(mine()).country();
        var recipients = rulePacks.recipients(country, Set.of(org.vigil.deadline.Jurisdiction.US), country,
                DutyHolder.USER_FACILITY);
        var facts = new CaseFacts(recipients, DeviceKind.MEDICAL_DEVICE, null, first.at(), first.at(), first.zone(),
                DutyHolder.USER_FACILITY, events.stream().map(RecordedEvent::asCaseEvent).toList());
        var responsible = Tenancy.requireActor().userId() != null ? Tenancy.requireActor().userId()
                : deadlines.forCase(view.id().value()).stream().map(ObligationView::responsible)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        deadlines.track(new TrackedCase(view.id().value(), view.reference(), view.deviceName(), mine(),
                responsible, facts, because));
    }

    private static void requireUserFacilityStaff() {
        var person = Tenancy.principal();
        if (person.isEmpty() || !person.get().hasRole(Role.DEVICE_SAFETY_OFFICER)) {
            throw new AccessDeniedException("The device-safety officer records the user facility's duties");
        }
    }

    private List<ObligationView> track(CaseView view, ReportabilityDecision decision, String because) {
        String manufacturerCountry = organisations.get(mine()).country();
        var recipients = rulePacks.recipients(decision.incidentCountry(), decision.markets(),
                manufacturerCountry == null ? decision.incidentCountry() : manufacturerCountry, DutyHolder.MANUFACTURER);
        var facts = new CaseFacts(recipients, decision.deviceKind(), decision.classification(),
                decision.incidentAwareness(), decision.reportabilityAwareness(), decision.manufacturerZone(),
                DutyHolder.MANUFACTURER, records.events(view.id()).stream().map(RecordedEvent::asCaseEvent).toList());
        String cause = because != null ? because : "Reportability decision " + decision.version() + " ("
                + (decision.classification() == null ? decision.conclusion().label()
                        : decision.classification().label())
                + ") signed by " + decision.signature().printedName();
        var responsible = view.assignee() != null ? view.assignee() : decision.signature().signer();
        return deadlines.track(new TrackedCase(view.id().value(), view.reference(), view.deviceName(), mine(),
                responsible, facts, cause));
    }

    private static String note(ReportabilityDecision decision, List<ObligationView> obligations) {
        var text = new StringBuilder("Reportability decision ").append(decision.version()).append(" signed by ")
                .append(decision.signature().printedName()).append(": ").append(decision.conclusion().label());
        if (decision.classification() != null) {
            text.append(" — ").append(decision.classification().label());
        }
        text.append('.');
        long pending = obligations.stream().filter(o -> o.state().pending()).count();
        if (pending > 0) {
            text.append(' ').append(pending).append(pending == 1 ? " reporting obligation is" : " reporting obligations are")
                    .append(" open; see the reportability page.");
        }
        return text.toString();
    }

    private static boolean sameAnswers(ReportabilityDecision previous, String content) {
        // Compare everything but the identity lines and the change reason: equal answers mean nothing changed.
        return answersOf(previous.signedContent()).equals(answersOf(content));
    }

    private static String answersOf(String signedContent) {
        return signedContent.lines().filter(line -> !line.startsWith("decision=") && !line.startsWith("version=")
                && !line.startsWith("changeReason=")).reduce("", (a, b) -> a + b + "\n");
    }

    private static java.util.Map<String, Object> summary(ReportabilityDecision d) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("case", d.caseId().value().toString());
        summary.put("version", d.version());
        summary.put("conclusion", d.conclusion().name());
        if (d.classification() != null) {
            summary.put("classification", d.classification().name());
        }
        summary.put("incidentAwareness", d.incidentAwareness().toString());
        summary.put("reportabilityAwareness", d.reportabilityAwareness().toString());
        summary.put("contentSha256", d.signature().contentHash());
        if (d.changeReason() != null) {
            summary.put("changeReason", d.changeReason());
        }
        return summary;
    }

    private CaseView manufacturerCase(CaseId caseId) {
        var view = cases.find(caseId);
        if (cases.sideOf(view) != CaseSide.MANUFACTURER) {
            // The hospital never reads the manufacturer's assessment: the same answer as for an unknown case.
            throw new RecordNotFoundException(RECORD_TYPE, caseId.value());
        }
        return view;
    }

    private static void requireDecider() {
        var person = Tenancy.principal();
        if (person.isEmpty() || !person.get().hasAnyRole(DECIDERS)) {
            throw new AccessDeniedException("Reportability decisions are signed by vigilance officers and the PRRC");
        }
    }

    private static OrganisationId mine() {
        return Tenancy.requireActor().organisationId();
    }
}
