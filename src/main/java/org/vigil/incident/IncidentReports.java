package org.vigil.incident;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.device.DeviceRegister;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.vigil.incident.domain.AttachmentInspection;
import org.vigil.incident.domain.AuthorityReporting;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.incident.domain.SubmissionRules;
import org.vigil.incident.persistence.ReportRecords;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.RecordSharing;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;
import org.vigil.shared.VigilPrincipal;
import org.vigil.terminology.ImdrfAnnex;
import org.vigil.terminology.ImdrfTerminology;

/**
 * Incident reports from healthcare organisations (MDR Art. 87(10)–(11)): a reporter or device-safety officer starts a
 * draft, saves it as they type, attaches evidence and submits it; a submitted report goes to the device's
 * manufacturer (shared with it, read-only) and opens the shared case. Drafts never leave the hospital and are seen
 * only by their author and the hospital's device-safety officers. Every change is audited.
 */
@Service
public class IncidentReports {

    /** The audit record type and the share type of reports. */
    public static final String RECORD_TYPE = "incident-report";
    static final Set<Role> REPORTING_ROLES = Set.of(Role.REPORTER, Role.DEVICE_SAFETY_OFFICER);

    private final ReportRecords records;
    private final Pseudonymisation pseudonyms;
    private final ImdrfTerminology terminology;
    private final DeviceRegister devices;
    private final RecordSharing sharing;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OrganisationManagement organisations;
    private final AuthorityReporting authorityReporting;

    IncidentReports(ReportRecords records, Pseudonymisation pseudonyms, ImdrfTerminology terminology,
            DeviceRegister devices, RecordSharing sharing, AuditTrail audit, ApplicationEventPublisher events,
            OrganisationManagement organisations, Environment environment) {
        this.organisations = organisations;
        this.authorityReporting = authorityReporting(environment);
        this.records = records;
        this.pseudonyms = pseudonyms;
        this.terminology = terminology;
        this.devices = devices;
        this.sharing = sharing;
        this.audit = audit;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** Starts an empty draft of {@code kind} for the caller's hospital. */
    @Transactional
    public ReportView startDraft(ReportKind kind) {
        VigilPrincipal reporter = requireReporter();
        var id = ReportId.random();
        String reference = records.nextReference(LocalDate.now(clock).getYear());
        var content = ReportContent.blank(kind == null ? ReportKind.INCIDENT : kind);
        records.insert(id, reporter.organisationId(), reference, reporter.userId(), content);
        audit.record(AuditedChange.created("incident-report.draft-started", ref(id),
                Map.of("reference", reference, "kind", content.kind().name())));
        return visible(id);
    }

    /**
     * Starts a draft that already says something, for example a report a hospital system sent as FHIR
     * {@code AdverseEvent}. {@code patientIdentifier} is pseudonymised as in {@link #saveDraft}; without one, a
     * pseudonym the content already carries (a report Vigil exported) is kept.
     */
    @Transactional
    public ReportView startDraft(ReportContent content, String patientIdentifier) {
        var started = startDraft(content.kind());
        return saveDraft(started.id(), started.version(), content, patientIdentifier, content.patientPseudonym());
    }

    /**
     * What still stops the draft {@code id} from being submitted, per field (the rules of {@link #submit}); empty when
     * it can be submitted. Nothing is saved.
     */
    @Transactional(readOnly = true)
    public List<InvalidInputException.FieldError> missing(ReportId id) {
        var report = visible(id);
        if (report.status() != ReportStatus.DRAFT) {
            return List.of();
        }
        var content = matchRegisteredDevice(report.content());
        return SubmissionRules.check(content, LocalDate.now(clock.withZone(ZoneOffset.UTC)), this::codeProblem)
                .stream().map(p -> new InvalidInputException.FieldError(p.field(), p.message())).toList();
    }

    /**
     * Saves the draft as the reporter typed it. {@code patientIdentifier}, when given, is turned into the hospital's
     * pseudonym here and forgotten (GDPR Art. 4(5)); {@code null} keeps the pseudonym already saved. A save based on an
     * older version than the stored one is refused, so two browser tabs never overwrite each other silently.
     */
    @Transactional
    public ReportView saveDraft(ReportId id, int basedOnVersion, ReportContent content, String patientIdentifier) {
        return saveDraft(id, basedOnVersion, content, patientIdentifier, null);
    }

    private ReportView saveDraft(ReportId id, int basedOnVersion, ReportContent content, String patientIdentifier,
            String carriedPseudonym) {
        var before = draftOfCaller(id);
        var saved = withPseudonym(content, patientIdentifier,
                carriedPseudonym != null ? carriedPseudonym : before.content().patientPseudonym());
        if (!records.saveDraft(id, basedOnVersion, saved)) {
            throw InvalidInputException.of("version", "The draft was changed elsewhere (now version "
                    + before.version() + "); reload it before saving again.");
        }
        // Drafts change with every keystroke pause; the trail keeps that they changed, not each intermediate text.
        return visible(id);
    }

    /** Adds an attachment to a draft after checking and cleaning it ({@link AttachmentInspection}). */
    @Transactional
    public AttachmentView attach(ReportId id, String fileName, String declaredType, byte[] content) {
        var report = draftOfCaller(id);
        if (records.attachmentCount(id) >= AttachmentInspection.MAX_PER_REPORT) {
            throw InvalidInputException.of("file", "A report carries at most " + AttachmentInspection.MAX_PER_REPORT
                    + " attachments.");
        }
        AttachmentInspection.Inspected inspected;
        try {
            inspected = AttachmentInspection.inspect(fileName, declaredType, content);
        } catch (AttachmentInspection.Refused refused) {
            throw InvalidInputException.of("file", refused.getMessage());
        }
        String name = fileName == null || fileName.isBlank() ? "attachment" : baseName(fileName);
        var attachmentId = UUID.randomUUID();
        var uploader = Tenancy.principal().orElseThrow();
        records.insertAttachment(attachmentId, id, report.hospital(), name, inspected.kind().mediaType(),
                inspected.content(), inspected.sha256(), uploader.userId());
        audit.record(AuditedChange.created("incident-report.attachment-added", ref(id), Map.of("attachment",
                attachmentId.toString(), "file", name, "type", inspected.kind().mediaType(), "bytes",
                inspected.content().length, "sha256", inspected.sha256(), "metadataRemoved",
                inspected.removedMetadata())));
        return visible(id).attachments().stream().filter(a -> a.id().equals(attachmentId)).findFirst().orElseThrow();
    }

    /**
     * Submits the draft: checks it against the submission rules, finds the device's manufacturer in the register,
     * shares the report with it and announces {@link IncidentReportSubmitted}. Nothing is saved when a rule is broken;
     * every broken rule is reported against its field.
     */
    @Transactional
    public ReportView submit(ReportId id, int basedOnVersion) {
        var draft = draftOfCaller(id);
        var content = submittable(draft.content());
        OrganisationId manufacturer = content.device().manufacturer();
        if (!records.submit(id, basedOnVersion, content, manufacturer)) {
            throw InvalidInputException.of("version", "The draft was changed elsewhere (now version "
                    + draft.version() + "); reload it before submitting.");
        }
        announceSubmission(id, draft.reference(), draft.hospital(), draft.reporter(), content,
                Map.of("status", "DRAFT"));
        return visible(id);
    }

    /**
     * Submits a complete report in one step, as a hospital system that holds the whole report does (MDR Art.
     * 87(10)–(11)): the same rules and the same effects as {@link #startDraft(ReportContent, String)} followed by
     * {@link #submit}, in one transaction. {@code patientIdentifier} is pseudonymised as in {@link #saveDraft}; without
     * one, a pseudonym the content already carries is kept. Nothing is saved when a rule is broken, and every broken
     * rule is reported against its field.
     */
    @Transactional
    public ReportView submitComplete(ReportContent content, String patientIdentifier) {
        VigilPrincipal reporter = requireReporter();
        var checked = submittable(withPseudonym(content, patientIdentifier, content.patientPseudonym()));
        var id = ReportId.random();
        String reference = records.nextReference(LocalDate.now(clock).getYear());
        var submitted = records.insertSubmitted(id, reporter.organisationId(), reference, reporter.userId(), checked,
                checked.device().manufacturer());
        announceSubmission(id, reference, reporter.organisationId(), reporter.userId(), checked, null);
        return submitted;
    }

    /** The content matched against the device register, when it breaks none of the submission rules. */
    private ReportContent submittable(ReportContent content) {
        var matched = matchRegisteredDevice(content);
        var problems = SubmissionRules.check(matched, LocalDate.now(clock.withZone(ZoneOffset.UTC)), this::codeProblem);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new InvalidInputException.FieldError(p.field(), p.message())).toList());
        }
        return matched;
    }

    /** Shares a just-submitted report with its manufacturer, audits the submission and opens the case (by event). */
    private void announceSubmission(ReportId id, String reference, OrganisationId hospital, UserId reporter,
            ReportContent content, Object before) {
        OrganisationId manufacturer = content.device().manufacturer();
        if (manufacturer != null && !manufacturer.equals(hospital)) {
            sharing.share(ref(id), manufacturer);
        }
        audit.record(AuditedChange.changed("incident-report.submitted", ref(id), before,
                Map.of("status", "SUBMITTED", "reference", reference, "kind", content.kind().name(),
                        "manufacturer", manufacturer == null ? "not in the register" : manufacturer.toString())));
        events.publishEvent(new IncidentReportSubmitted(id, reference, content.kind(), hospital, manufacturer,
                Optional.ofNullable(content.device().deviceName()).orElse(content.device().udiDi()), reporter,
                content.reporterNameShared(), manufacturer == null ? null : content.device().udiDi()));
    }

    /** The report, if the caller may read it: the hospital's reports (drafts only for their author and the
     * device-safety officers) and submitted reports shared with the caller's organisation. */
    @Transactional(readOnly = true)
    public ReportView find(ReportId id) {
        return visible(id);
    }

    /** Reports the caller may read, newest change first; {@code status} {@code null} for all. */
    @Transactional(readOnly = true)
    public List<ReportView> list(ReportStatus status, int limit) {
        var caller = Tenancy.principal();
        return records.list(status, Math.clamp(limit, 1, 500)).stream()
                .filter(report -> caller.map(person -> mayRead(report, person)).orElse(true)).toList();
    }

    /**
     * The submitted reports about {@code manufacturer}'s devices that the caller may read, whose device is one of
     * {@code udiDis} or whose model is one of {@code models} (ignoring case), coded with at least one of
     * {@code deviceProblemCodes} (IMDRF Annex A), oldest first, in one query: the similar incidents a manufacturer
     * counts for MIR 7.3.1 §4.3. Empty when no device or no code is given.
     */
    @Transactional(readOnly = true)
    public List<SubmittedReportSummary> similarReports(OrganisationId manufacturer, Collection<String> udiDis,
            Collection<String> models, Collection<String> deviceProblemCodes) {
        if (manufacturer == null || deviceProblemCodes == null || deviceProblemCodes.isEmpty()
                || (udiDis == null || udiDis.isEmpty()) && (models == null || models.isEmpty())) {
            return List.of();
        }
        return records.similar(manufacturer, udiDis == null ? List.of() : udiDis,
                models == null ? List.of() : models.stream().filter(Objects::nonNull)
                        .map(model -> model.strip().toLowerCase(Locale.ROOT)).toList(), deviceProblemCodes);
    }

    /** An attachment's metadata and bytes, for download by anyone who may read its report. */
    @Transactional(readOnly = true)
    public Download download(UUID attachmentId) {
        var stored = records.attachment(attachmentId)
                .orElseThrow(() -> new RecordNotFoundException("attachment", attachmentId));
        visible(stored.report());
        return new Download(stored.view(), stored.content());
    }

    /** An attachment of {@code report} for download; not found when it belongs to another report. */
    @Transactional(readOnly = true)
    public Download download(ReportId report, UUID attachmentId) {
        var stored = records.attachment(attachmentId).filter(found -> found.report().equals(report))
                .orElseThrow(() -> new RecordNotFoundException("attachment", attachmentId));
        visible(stored.report());
        return new Download(stored.view(), stored.content());
    }

    /**
     * Whether the caller's hospital can send the submitted report {@code id} to its national competent authority:
     * empty when the report is not the caller's hospital's, not submitted, or its country provides no such route
     * ({@link AuthorityReporting}: bundled rules, overridden by the settings {@code vigil.authority-reporting.<CC>}).
     */
    @Transactional(readOnly = true)
    public Optional<AuthorityCopy> authorityCopy(ReportId id) {
        var report = visible(id);
        var caller = Tenancy.principal();
        if (report.status() != ReportStatus.SUBMITTED || caller.isEmpty()
                || !report.hospital().equals(caller.get().organisationId())) {
            return Optional.empty();
        }
        String country = organisations.get(report.hospital()).country();
        var rule = authorityReporting.forCountry(country);
        if (!rule.duty().possible()) {
            return Optional.empty();
        }
        var sentTo = records.authorityOf(id);
        var authority = sentTo.isPresent() ? organisations.get(sentTo.get()) : organisations.directory(
                OrganisationKind.COMPETENT_AUTHORITY).stream().filter(org -> country != null
                        && country.equalsIgnoreCase(org.country())).findFirst().orElse(null);
        return Optional.of(new AuthorityCopy(rule.country(), rule.duty() == AuthorityReporting.Duty.REQUIRED,
                rule.source(), authority == null ? null : authority.id(), authority == null ? null : authority.name(),
                sentTo.isPresent()));
    }

    /**
     * Sends the submitted report to the hospital's national competent authority, which may then read it (read-only,
     * with its attachments) but never change it (MDR Art. 87(10)–(11)). Only reporters and device-safety officers of
     * the reporting hospital send; a report is sent once. Audited.
     *
     * @throws InvalidInputException on {@code authority} when the country provides no route, no authority of the
     *                               country is registered, the report is a draft, or it was sent already
     */
    @Transactional
    public AuthorityCopy sendToAuthority(ReportId id) {
        var caller = requireReporter();
        var report = visible(id);
        if (!report.hospital().equals(caller.organisationId())) {
            throw new RecordNotFoundException(RECORD_TYPE, id.value());
        }
        if (report.status() != ReportStatus.SUBMITTED) {
            throw InvalidInputException.of("status", "Submit the report before sending it to the authority.");
        }
        var copy = authorityCopy(id).orElseThrow(() -> InvalidInputException.of("authority",
                "Reports from your country are not sent to a competent authority through Vigil."));
        if (copy.sent()) {
            throw InvalidInputException.of("authority", "Report " + report.reference() + " was already sent to "
                    + copy.authorityName() + ".");
        }
        if (copy.authority() == null) {
            throw InvalidInputException.of("authority", "No competent authority of " + copy.country()
                    + " is registered in Vigil; send the report to it directly.");
        }
        sharing.share(ref(id), copy.authority());
        records.markSentToAuthority(id, copy.authority());
        audit.record(AuditedChange.changed("incident-report.sent-to-authority", ref(id), Map.of("authority", "none"),
                Map.of("authority", copy.authority().toString(), "authorityName", copy.authorityName(),
                        "reference", report.reference(), "legalSource", copy.legalSource())));
        return new AuthorityCopy(copy.country(), copy.required(), copy.legalSource(), copy.authority(),
                copy.authorityName(), true);
    }

    private static AuthorityReporting authorityReporting(Environment environment) {
        var entries = new java.util.LinkedHashMap<String, String>();
        var bundled = new java.util.Properties();
        try (var in = IncidentReports.class.getResourceAsStream("authority-reporting.properties")) {
            if (in != null) {
                bundled.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the bundled authority-reporting rules", e);
        }
        bundled.forEach((key, value) -> entries.put(key.toString(), value.toString()));
        // The operator's settings come last, so they override the bundled rule of a country.
        Binder.get(environment).bind("vigil.authority-reporting", Bindable.mapOf(String.class, String.class))
                .ifBound(entries::putAll);
        return AuthorityReporting.of(entries);
    }

    /** An attachment to download. */
    public record Download(AttachmentView attachment, byte[] content) {
    }

    private ReportContent matchRegisteredDevice(ReportContent content) {
        var device = content.device();
        if (device.manufacturer() != null || (device.udiDi() == null && device.scan() == null)) {
            return content;
        }
        var registered = devices.identify(device.udiDi(), device.scan());
        if (registered.isEmpty()) {
            return content;
        }
        var udi = registered.get();
        var matched = new ReportedDevice(device.scan(), udi.udiDi(), udi.owner(), device.manufacturerName(),
                device.deviceName() != null ? device.deviceName() : udi.tradeName(),
                device.model() != null ? device.model() : udi.model(),
                device.reference() != null ? device.reference() : udi.reference(), device.lot(),
                device.serial(), device.expiry(), device.softwareVersion());
        return content.withDevice(matched);
    }

    private Optional<String> codeProblem(char annexLetter, String code) {
        return terminology.whyNotSelectable(ImdrfAnnex.of(String.valueOf(annexLetter)).orElseThrow(), code);
    }

    private ReportContent withPseudonym(ReportContent content, String patientIdentifier, String saved) {
        String pseudonym = patientIdentifier != null && !patientIdentifier.isBlank()
                ? pseudonyms.pseudonymFor(patientIdentifier) : saved;
        return content.withPatientPseudonym(pseudonym);
    }

    private ReportView draftOfCaller(ReportId id) {
        requireReporter();
        var report = visible(id);
        if (report.status() != ReportStatus.DRAFT) {
            throw InvalidInputException.of("status", "Report " + report.reference() + " was submitted and cannot be "
                    + "changed; add information on its case instead.");
        }
        return report;
    }

    private ReportView visible(ReportId id) {
        var report = records.find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id.value()));
        var caller = Tenancy.principal();
        if (caller.isPresent() && !mayRead(report, caller.get())) {
            throw new RecordNotFoundException(RECORD_TYPE, id.value());
        }
        return report;
    }

    private static boolean mayRead(ReportView report, VigilPrincipal person) {
        if (report.status() == ReportStatus.SUBMITTED || !report.hospital().equals(person.organisationId())) {
            return true; // row-level security already limited what came back
        }
        return report.reporter().equals(person.userId()) || person.hasRole(Role.DEVICE_SAFETY_OFFICER);
    }

    private static VigilPrincipal requireReporter() {
        var person = Tenancy.principal().orElseThrow(() -> new IllegalStateException("Reports are written by people"));
        if (person.organisationKind() != OrganisationKind.HEALTHCARE_ORGANISATION
                || !person.hasAnyRole(REPORTING_ROLES)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Reports are written by reporters and device-safety officers of healthcare organisations");
        }
        return person;
    }

    private static String baseName(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    private static RecordRef ref(ReportId id) {
        return RecordRef.of(RECORD_TYPE, id.value());
    }
}
