package org.vigil.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.casework.domain.DeviceReturnSteps;
import org.vigil.casework.persistence.CaseRecords;
import org.vigil.device.DeviceRegister;
import org.vigil.incident.IncidentReportSubmitted;
import org.vigil.incident.IncidentReports;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserStatus;
import org.vigil.organisation.UserView;
import org.vigil.shared.Actor;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationDirectory;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.RecordSharing;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;

/**
 * The shared case between a hospital and a device's manufacturer, and the manufacturer's complaints (MDR Art. 87,
 * Art. 89(1) and (3), Art. 10(9); ISO 13485:2016 §8.2.2; MDCG 2023-3 Q&A 21).
 *
 * <p>A case opened from a hospital's report belongs to the hospital and is shared with the manufacturer, who works
 * it: only the manufacturer moves its status (along {@link CaseStatus#next()}; reopening needs a reason), gives
 * interim advice, asks for the device and records the outcome; the hospital ships the device or says it is not
 * available; both sides write messages, and each side's internal notes stay with it. Every change is audited
 * (record type {@value #RECORD_TYPE}) and appended to the timeline; people of the other side are told through
 * {@link CaseActivity}.
 */
@Service
public class Cases {

    /** The audit record type and the share type of cases. */
    public static final String RECORD_TYPE = "case";
    /** Manufacturer staff who work cases. */
    public static final Set<Role> MANUFACTURER_ROLES = Set.of(Role.VIGILANCE_OFFICER, Role.COMPLAINT_HANDLER,
            Role.PRRC);
    /** Hospital staff on cases. */
    public static final Set<Role> HOSPITAL_ROLES = Set.of(Role.REPORTER, Role.DEVICE_SAFETY_OFFICER);

    private static final int MAX_TEXT = 20_000;

    private final CaseRecords records;
    private final DeviceRegister devices;
    private final UserManagement users;
    private final OrganisationManagement organisations;
    private final OrganisationDirectory directory;
    private final RecordSharing sharing;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Cases(CaseRecords records, DeviceRegister devices, UserManagement users,
            OrganisationManagement organisations, OrganisationDirectory directory, RecordSharing sharing, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.records = records;
        this.devices = devices;
        this.users = users;
        this.organisations = organisations;
        this.directory = directory;
        this.sharing = sharing;
        this.audit = audit;
        this.events = events;
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The caller's cases (owned or shared with its organisation) matching {@code filter}, newest first. */
    @Transactional(readOnly = true)
    public List<CaseView> list(CaseFilter filter, int limit) {
        var chosen = filter == null ? CaseFilter.all() : filter;
        var found = records.list(chosen, Math.clamp(limit, 1, 1000));
        if (chosen.overdueDays() == null) {
            return found;
        }
        Instant now = clock.instant();
        return found.stream().filter(view -> view.overdue(now, chosen.overdueDays())).toList();
    }

    /** The case, if the caller's organisation owns it or it is shared with it; otherwise as if it did not exist. */
    @Transactional(readOnly = true)
    public CaseView find(CaseId id) {
        return records.find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id.value()));
    }

    /** The case opened from {@code reportId}, if the caller may read it. */
    @Transactional(readOnly = true)
    public CaseView findByReport(UUID reportId) {
        return records.findByReport(reportId).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, reportId));
    }

    /**
     * The timeline as the caller's organisation sees it: shared entries and its own internal notes, oldest first. The
     * manufacturer sees the reporter's own entries under the hospital's name unless the report allows the reporter's
     * name (MDR Art. 87; GDPR Art. 5(1)(c): the device-safety officer is the contact by default).
     */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(CaseId id) {
        var view = find(id);
        var entries = records.timeline(view);
        if (sideOf(view) != CaseSide.MANUFACTURER || view.origin() != CaseOrigin.REPORT) {
            return entries;
        }
        var hidden = records.anonymousReporterOf(id);
        if (hidden.isEmpty()) {
            return entries;
        }
        String shown = nonNull(view.hospitalName(), "The hospital") + " (reporter)";
        return entries.stream().map(entry -> hidden.get().equals(entry.author())
                ? new TimelineEntry(entry.id(), entry.kind(), entry.visibility(), entry.side(), entry.organisation(),
                        null, shown, entry.body(), entry.details(), entry.at())
                : entry).toList();
    }

    /** The caller's side of the case. */
    public CaseSide sideOf(CaseView view) {
        OrganisationId mine = Tenancy.requireActor().organisationId();
        if (view.origin() == CaseOrigin.REPORT && view.owner().equals(mine)) {
            return CaseSide.HOSPITAL;
        }
        if (mine != null && (mine.equals(view.manufacturer()) || mine.equals(view.representative()))) {
            return CaseSide.MANUFACTURER;
        }
        throw new RecordNotFoundException(RECORD_TYPE, view.id().value());
    }

    /** The manufacturer's people a case can be assigned to: active vigilance officers, complaint handlers, PRRC. */
    @Transactional(readOnly = true)
    public List<UserView> assignable() {
        OrganisationId mine = Tenancy.requireActor().organisationId();
        return users.members(mine).stream().filter(user -> user.status() == UserStatus.ACTIVE)
                .filter(user -> user.roles().stream().anyMatch(MANUFACTURER_ROLES::contains)).toList();
    }

    // ------------------------------------------------------------------------------------------------ opening

    /**
     * Opens the case for a submitted report, acting as the hospital: owned by the hospital and shared with the
     * device's manufacturer (MDR Art. 87(10)–(11)). A report naming no manufacturer registered in Vigil leaves the case
     * with the hospital, received, and the timeline says so. Opening twice for one report opens one case. The caller
     * acts for the hospital (the module's listener binds {@code Actor.system(hospital, …)}).
     */
    @Transactional
    public Optional<CaseView> open(IncidentReportSubmitted submitted) {
        if (!submitted.hospital().equals(Tenancy.requireActor().organisationId())) {
            throw new IllegalStateException("A case is opened acting for the reporting hospital");
        }
        OrganisationId hospital = submitted.hospital();
        OrganisationId manufacturer = submitted.manufacturer() == null || submitted.manufacturer().equals(hospital)
                ? null : submitted.manufacturer();
        String contact = contactFor(hospital, submitted.reporter(), submitted.reporterNameShared());
        var id = CaseId.random();
        String reference = records.nextReference(LocalDate.now(clock).getYear(), CaseOrigin.REPORT);
        String hospitalName = directory.nameOf(hospital).orElse("the hospital");
        String manufacturerName = manufacturer == null ? null : directory.nameOf(manufacturer).orElse(null);
        OrganisationId representative = manufacturer == null ? null
                : representativeOf(submitted.udiDi()).filter(found -> !found.equals(hospital)
                        && !found.equals(manufacturer)).orElse(null);
        // A report already opened its case (the event came twice): the insert finds it and changes nothing.
        var opened = records.insert(new CaseRecords.NewCase(id, hospital, reference, CaseOrigin.REPORT,
                submitted.kind().name(), submitted.report().value(), submitted.reference(), hospital, hospitalName,
                manufacturer, manufacturerName, representative, submitted.deviceName(), null, null, null, null,
                submitted.reporter(), submitted.reporterNameShared(), contact));
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        if (manufacturer != null) {
            sharing.share(ref(id), manufacturer);
        }
        if (representative != null) {
            sharing.share(ref(id), representative);
        }
        String body = manufacturer == null
                ? "Case opened from report " + submitted.reference() + ". The device's manufacturer is not registered "
                        + "in Vigil, so the case stays with " + hospitalName + "; report to the manufacturer directly."
                : "Case opened from report " + submitted.reference() + " and shared with " + manufacturerName + ".";
        var actor = Tenancy.requireActor();
        // No side: the new case already counts the report as the hospital's latest word (CaseRecords.insert).
        records.append(UUID.randomUUID(), id, hospital, EntryKind.OPENED, EntryVisibility.SHARED, body,
                Map.of("report", submitted.reference()), actor.userId(), actor.displayName(), null);
        var details = new LinkedHashMap<String, Object>();
        details.put("reference", reference);
        details.put("report", submitted.reference());
        details.put("manufacturer", manufacturer == null ? "not in the register" : manufacturer.toString());
        audit.record(AuditedChange.created("case.opened", ref(id), details));
        var view = opened.get();
        events.publishEvent(activity(view, EntryKind.OPENED, CaseSide.HOSPITAL,
                "New case " + reference + " from " + hospitalName + ": " + nonNull(submitted.deviceName(), "device")
                        + " (" + submitted.kind().name().toLowerCase().replace('_', ' ') + ")."));
        return Optional.of(view);
    }

    /**
     * Records a complaint received by the manufacturer's staff (MDR Art. 10(9); ISO 13485:2016 §8.2.2). It belongs to
     * the manufacturer and is shared with nobody. A scanned UDI is matched against the register.
     */
    @Transactional
    public CaseView enterComplaint(NewComplaint complaint) {
        requireManufacturerStaff();
        var errors = new java.util.ArrayList<InvalidInputException.FieldError>();
        if (complaint == null || complaint.source() == null) {
            errors.add(new InvalidInputException.FieldError("source",
                    "Say how the complaint came in: phone, e-mail, field service, literature or other."));
        }
        if (complaint == null || blank(complaint.device())) {
            errors.add(new InvalidInputException.FieldError("device", "Scan the device's UDI or name the device."));
        }
        if (complaint == null || blank(complaint.description())) {
            errors.add(new InvalidInputException.FieldError("description", "Describe what the complainant reported."));
        } else if (complaint.description().length() > MAX_TEXT) {
            errors.add(new InvalidInputException.FieldError("description", "At most " + MAX_TEXT + " characters."));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (complaint != null && complaint.receivedOn() != null && complaint.receivedOn().isAfter(today)) {
            errors.add(new InvalidInputException.FieldError("receivedOn", "The date received cannot be in the future."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Actor actor = Tenancy.requireActor();
        OrganisationId manufacturer = actor.organisationId();
        String deviceName = deviceName(complaint.device().strip());
        var id = CaseId.random();
        String reference = records.nextReference(today.getYear(), CaseOrigin.COMPLAINT);
        LocalDate received = complaint.receivedOn() == null ? today : complaint.receivedOn();
        records.insert(new CaseRecords.NewCase(id, manufacturer, reference, CaseOrigin.COMPLAINT, "COMPLAINT", null,
                null, null, null, manufacturer, directory.nameOf(manufacturer).orElse(null), null, deviceName,
                complaint.description().strip(), complaint.source(), blankToNull(complaint.complainant()), received,
                null, false, blankToNull(complaint.complainant())));
        append(id, manufacturer, EntryKind.OPENED, EntryVisibility.SHARED,
                "Complaint received by " + complaint.source().name().toLowerCase().replace('_', ' ') + " on "
                        + received + ": " + complaint.description().strip(),
                Map.of("source", complaint.source().name()), CaseSide.MANUFACTURER);
        audit.record(AuditedChange.created("case.complaint-entered", ref(id), Map.of("reference", reference,
                "source", complaint.source().name(), "device", deviceName, "receivedOn", received.toString())));
        return find(id);
    }

    // ------------------------------------------------------------------------------------------------ working

    /** A message to the other side, shown on both sides' timeline (MDR Art. 89(1): cooperation with the user). */
    @Transactional
    public TimelineEntry postMessage(CaseId id, String text) {
        var view = locked(id);
        var side = sideOf(view);
        String body = text(text, "message");
        var entry = append(id, mine(), EntryKind.MESSAGE, EntryVisibility.SHARED, body, Map.of(), side);
        audit.record(AuditedChange.event("case.message-posted", ref(id), Map.of("side", side.name())));
        events.publishEvent(activity(view, EntryKind.MESSAGE, side, "New message on case " + view.reference()
                + " from " + organisationName(side, view) + "."));
        return entry;
    }

    /** A note for the caller's organisation only: the other side never sees it, not even in the database. */
    @Transactional
    public TimelineEntry addInternalNote(CaseId id, String text) {
        var view = locked(id);
        var side = sideOf(view);
        var entry = append(id, mine(), EntryKind.INTERNAL_NOTE, EntryVisibility.INTERNAL, text(text, "note"),
                Map.of(), side);
        audit.record(AuditedChange.event("case.internal-note-added", ref(id), Map.of("side", side.name()))
                .inOrganisation(mine()));
        return entry;
    }

    /**
     * Moves the case along {@link CaseStatus#next()}; only the manufacturer does (MDR Art. 89(1)). Reopening a closed
     * case needs a reason.
     */
    @Transactional
    public CaseView moveTo(CaseId id, CaseStatus target, String reason) {
        var view = locked(id);
        requireManufacturer(view, "status");
        if (target == null) {
            throw InvalidInputException.of("status", "Choose the new status.");
        }
        if (!view.status().canMoveTo(target)) {
            throw InvalidInputException.of("status", "A case " + words(view.status()) + " can move to "
                    + view.status().next().stream().map(Cases::words).collect(Collectors.joining(", "))
                    + ", not to " + words(target) + ".");
        }
        boolean reopening = view.status() == CaseStatus.CLOSED;
        if (reopening && blank(reason)) {
            throw InvalidInputException.of("reason", "Say why the closed case is reopened.");
        }
        records.updateStatus(id, target);
        var details = new LinkedHashMap<String, String>();
        details.put("from", view.status().name());
        details.put("to", target.name());
        if (!blank(reason)) {
            details.put("reason", reason.strip());
        }
        String body = "Status: " + words(target) + (blank(reason) ? "." : ". " + reason.strip());
        append(id, mine(), EntryKind.STATUS, EntryVisibility.SHARED, body, details, CaseSide.MANUFACTURER);
        var change = AuditedChange.changed(reopening ? "case.reopened" : "case.status-changed", ref(id),
                Map.of("status", view.status().name()), Map.of("status", target.name()));
        audit.record(blank(reason) ? change : change.because(reason.strip()));
        events.publishEvent(activity(view, EntryKind.STATUS, CaseSide.MANUFACTURER,
                "Case " + view.reference() + " is now " + words(target) + "."));
        return find(id);
    }

    /**
     * The manufacturer's answer to "is it still safe to use?" while it investigates (MDR Art. 89(1); MDCG 2023-3
     * Q&A 21), with an explanation.
     */
    @Transactional
    public CaseView adviseInterim(CaseId id, InterimAdvice advice, String text) {
        var view = locked(id);
        requireManufacturer(view, "advice");
        var errors = new java.util.ArrayList<InvalidInputException.FieldError>();
        if (advice == null) {
            errors.add(new InvalidInputException.FieldError("advice",
                    "Choose continue to use, quarantine or stop using."));
        }
        if (blank(text)) {
            errors.add(new InvalidInputException.FieldError("text", "Explain the advice to the hospital."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String explanation = text(text, "text");
        records.updateInterimAdvice(id, advice, explanation, Tenancy.requireActor().displayName());
        append(id, mine(), EntryKind.INTERIM_ADVICE, EntryVisibility.SHARED,
                adviceWords(advice) + ": " + explanation, Map.of("advice", advice.name()), CaseSide.MANUFACTURER);
        audit.record(AuditedChange.changed("case.interim-advice", ref(id),
                Map.of("advice", view.interimAdvice() == null ? "none" : view.interimAdvice().name()),
                Map.of("advice", advice.name(), "text", explanation)));
        events.publishEvent(activity(view, EntryKind.INTERIM_ADVICE, CaseSide.MANUFACTURER,
                "Interim advice on case " + view.reference() + ": " + adviceWords(advice) + "."));
        return find(id);
    }

    /**
     * One step of the device's return ({@link DeviceReturnSteps}; MDR Art. 89(3)): {@code request} (manufacturer,
     * instructions), {@code ship} (hospital, trackingReference), {@code not-available} (hospital, reason),
     * {@code receive}, {@code analyse} (findings), {@code return} (trackingReference), {@code dispose} (how).
     */
    @Transactional
    public CaseView deviceReturn(CaseId id, String stepName, String detail) {
        var view = locked(id);
        var side = sideOf(view);
        var step = DeviceReturnSteps.Step.named(stepName);
        if (step == null) {
            throw InvalidInputException.of("step", "Unknown step \"" + stepName + "\"; steps are request, ship, "
                    + "not-available, receive, analyse, return and dispose.");
        }
        if (view.manufacturer() == null || view.origin() == CaseOrigin.COMPLAINT) {
            throw InvalidInputException.of("step", "Only a case shared between a hospital and a manufacturer in "
                    + "Vigil has a device return.");
        }
        var before = records.deviceReturn(view);
        org.vigil.casework.domain.DeviceReturn after;
        try {
            after = DeviceReturnSteps.apply(before, step, side, detail, clock.instant());
        } catch (DeviceReturnSteps.Refused refused) {
            throw InvalidInputException.of(refused.field(), refused.getMessage());
        }
        records.updateDeviceReturn(id, after);
        var details = DeviceReturnSteps.toMap(after);
        String body = "Device " + DeviceReturnSteps.describe(after) + (blank(detail) ? "." : ": " + detail.strip());
        append(id, mine(), EntryKind.DEVICE_RETURN, EntryVisibility.SHARED, body, details, side);
        audit.record(AuditedChange.changed("case.device-return", ref(id), Map.of("deviceReturn", before.label()),
                details));
        events.publishEvent(activity(view, EntryKind.DEVICE_RETURN, side,
                "Case " + view.reference() + ": device " + DeviceReturnSteps.describe(after) + "."));
        return find(id);
    }

    /** The final outcome with the root cause in plain words (MDR Art. 89(5): the manufacturer's final report). */
    @Transactional
    public CaseView recordOutcome(CaseId id, String outcome, String rootCause) {
        var view = locked(id);
        requireManufacturer(view, "outcome");
        var errors = new java.util.ArrayList<InvalidInputException.FieldError>();
        if (blank(outcome)) {
            errors.add(new InvalidInputException.FieldError("outcome", "Describe the outcome of the investigation."));
        }
        if (blank(rootCause)) {
            errors.add(new InvalidInputException.FieldError("rootCause", "Give the root cause in plain words, or "
                    + "say that none could be established and why."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String out = text(outcome, "outcome");
        String cause = text(rootCause, "rootCause");
        records.updateOutcome(id, out, cause);
        append(id, mine(), EntryKind.OUTCOME, EntryVisibility.SHARED, "Outcome: " + out + " Root cause: " + cause,
                Map.of("outcome", out, "rootCause", cause), CaseSide.MANUFACTURER);
        var before = new LinkedHashMap<String, Object>();
        before.put("outcome", nonNull(view.outcome(), ""));
        before.put("rootCause", nonNull(view.rootCause(), ""));
        audit.record(AuditedChange.changed("case.outcome-recorded", ref(id), before,
                Map.of("outcome", out, "rootCause", cause)));
        events.publishEvent(activity(view, EntryKind.OUTCOME, CaseSide.MANUFACTURER,
                "Case " + view.reference() + ": the manufacturer recorded the outcome and root cause."));
        return find(id);
    }

    /** Assigns the case to a person of the manufacturer; {@code null} leaves it unassigned. */
    @Transactional
    public CaseView assign(CaseId id, UserId assignee) {
        var view = locked(id);
        requireManufacturer(view, "assignee");
        String name = null;
        if (assignee != null) {
            name = assignable().stream().filter(user -> user.id().equals(assignee)).map(UserView::displayName)
                    .findFirst().orElseThrow(() -> InvalidInputException.of("assignee", "Choose an active vigilance "
                            + "officer, complaint handler or PRRC of your organisation."));
        }
        records.updateAssignee(id, assignee, name);
        append(id, mine(), EntryKind.ASSIGNMENT, EntryVisibility.INTERNAL,
                name == null ? "Unassigned." : "Assigned to " + name + ".",
                name == null ? Map.of() : Map.of("assignee", assignee.toString()), CaseSide.MANUFACTURER);
        audit.record(AuditedChange.changed("case.assigned", ref(id),
                Map.of("assignee", nonNull(view.assigneeName(), "nobody")), Map.of("assignee", nonNull(name, "nobody")))
                .inOrganisation(mine()));
        if (!java.util.Objects.equals(view.assignee(), assignee)) {
            events.publishEvent(new CaseAssigned(id, mine(), view.assignee(), assignee));
        }
        return find(id);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private CaseView locked(CaseId id) {
        return records.findForUpdate(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id.value()));
    }

    private void requireManufacturer(CaseView view, String field) {
        if (sideOf(view) != CaseSide.MANUFACTURER) {
            throw InvalidInputException.of(field, view.manufacturer() == null
                    ? "The device's manufacturer is not in Vigil; nobody works this case here."
                    : "Only the manufacturer (or its authorised representative) does this (MDR Art. 89(1)).");
        }
    }

    private static void requireManufacturerStaff() {
        var person = Tenancy.principal();
        if (person.isPresent() && (person.get().organisationKind() != OrganisationKind.MANUFACTURER
                && person.get().organisationKind() != OrganisationKind.AUTHORISED_REPRESENTATIVE
                || !person.get().hasAnyRole(MANUFACTURER_ROLES))) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Complaints are entered by manufacturer staff");
        }
    }

    private TimelineEntry append(CaseId id, OrganisationId author, EntryKind kind, EntryVisibility visibility,
            String body, Map<String, String> details, CaseSide side) {
        var actor = Tenancy.requireActor();
        var entryId = UUID.randomUUID();
        records.append(entryId, id, author, kind, visibility, body, details, actor.userId(), actor.displayName(),
                side);
        return new TimelineEntry(entryId, kind, visibility, side, author, actor.userId(), actor.displayName(), body,
                details, clock.instant());
    }

    private String contactFor(OrganisationId hospital, UserId reporter, boolean reporterNameShared) {
        if (reporterNameShared && reporter != null) {
            try {
                return users.get(reporter).displayName() + " (reporter)";
            } catch (RecordNotFoundException e) {
                // fall through to the device-safety officer
            }
        }
        var officers = users.holdersOf(hospital, Role.DEVICE_SAFETY_OFFICER).stream().map(UserView::displayName)
                .toList();
        return officers.isEmpty() ? "The hospital's device-safety officer"
                : String.join(", ", officers) + " (device-safety officer)";
    }

    /**
     * The authorised representative in Vigil named (by its SRN) on the device's Basic UDI-DI, MDR Art. 11 and Art. 29;
     * nothing when the device, its representative or the organisation is unknown.
     */
    private Optional<OrganisationId> representativeOf(String udiDi) {
        if (udiDi == null) {
            return Optional.empty();
        }
        return devices.authorisedRepresentativeSrnOf(udiDi)
                .flatMap(srn -> organisations.directory(OrganisationKind.AUTHORISED_REPRESENTATIVE).stream()
                        .filter(organisation -> srn.equalsIgnoreCase(organisation.srn())).findFirst())
                .map(organisation -> organisation.id());
    }

    private String deviceName(String text) {
        try {
            var lookup = devices.lookup(text);
            if (lookup.device() != null) {
                var device = lookup.device();
                return nonNull(device.tradeName(), device.deviceName()) + " (UDI-DI " + device.udiDi() + ")";
            }
        } catch (RuntimeException e) {
            // a device named in words is fine: complaints are never blocked by the register
        }
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    private CaseActivity activity(CaseView view, EntryKind kind, CaseSide from, String summary) {
        return new CaseActivity(view.id(), view.reference(), kind, from, view.hospital(), view.manufacturer(),
                view.representative(), records.reporterOf(view.id()).orElse(null), view.assignee(), summary);
    }

    private static String organisationName(CaseSide side, CaseView view) {
        return nonNull(side == CaseSide.HOSPITAL ? view.hospitalName() : view.manufacturerName(),
                side == CaseSide.HOSPITAL ? "the hospital" : "the manufacturer");
    }

    private static OrganisationId mine() {
        return Tenancy.requireActor().organisationId();
    }

    private static String text(String value, String field) {
        if (blank(value)) {
            throw InvalidInputException.of(field, "Write something first.");
        }
        if (value.length() > MAX_TEXT) {
            throw InvalidInputException.of(field, "At most " + MAX_TEXT + " characters.");
        }
        return value.strip();
    }

    /** The status in words, for people. */
    public static String words(CaseStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }

    /** The interim advice in words, for people. */
    public static String adviceWords(InterimAdvice advice) {
        return switch (advice) {
            case CONTINUE_USE -> "Continue to use";
            case QUARANTINE -> "Quarantine the affected devices";
            case STOP_USING -> "Stop using the device";
        };
    }

    static RecordRef ref(CaseId id) {
        return RecordRef.of(RECORD_TYPE, id.value());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    private static String nonNull(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
