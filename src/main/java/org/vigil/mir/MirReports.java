package org.vigil.mir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.casework.CaseId;
import org.vigil.casework.CaseSide;
import org.vigil.casework.CaseView;
import org.vigil.casework.Cases;
import org.vigil.incident.IncidentReports;
import org.vigil.incident.ReportId;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.terminology.ImdrfAnnex;
import org.vigil.terminology.ImdrfTerminology;
import org.vigil.deadline.Authority;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.ObligationId;
import org.vigil.deadline.ObligationKind;
import org.vigil.deadline.ObligationView;
import org.vigil.mir.domain.FormFields;
import org.vigil.mir.domain.FormValues;
import org.vigil.mir.persistence.MirRecords;
import org.vigil.mir.prefill.MirPrefill;
import org.vigil.organisation.ElectronicSignature;
import org.vigil.organisation.Signatures;
import org.vigil.reportability.Reportability;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.Sha256;

/**
 * Manufacturer incident reports of a case, from the first draft to the authority's acknowledgement (MDR Art. 87, 89,
 * 92; IVDR Art. 82, 84; MDCG 2023-3; MIR form 7.3.1).
 *
 * <p>A report starts from what the case already holds ({@link MirPrefill}): an initial report from the case, the
 * device register and the signed reportability decision; a follow-up or final report from the previous report. Every
 * save is a new version, kept byte for byte as MIR form XML; drafts may be incomplete, the rules of the report type
 * ({@link MirReportRules}) apply when it is approved. Approval is an electronic signature over the SHA-256 of the
 * version's exact form XML (21 CFR 11.50, 11.70, 11.200: the password is re-entered; meaning
 * {@value #APPROVAL_MEANING}); where the organisation turned on four-eyes approval, the approver must not be the
 * version's author. Recording a submission to an authority closes the case's matching reporting obligations on the
 * deadline board, and the expected date of the next report (§1.2.f) starts the clock of the follow-up or final report.
 *
 * <p>Only the manufacturer's vigilance officers and PRRC work on reports; the hospital of a shared case never sees
 * them (the same answer as for an unknown case).
 */
@Service
public class MirReports {

    /** The audit record type of reports. */
    public static final String RECORD_TYPE = "mir-report";
    /** The meaning of the approval signature (21 CFR 11.50(a)(3)). */
    public static final String APPROVAL_MEANING = "approved for submission";
    /** Who writes, approves and submits reports. */
    public static final Set<Role> AUTHORS = Set.of(Role.VIGILANCE_OFFICER, Role.PRRC);
    /** Who turns four-eyes approval on or off. */
    public static final Set<Role> POLICY_OWNERS = Set.of(Role.PRRC, Role.ORGANISATION_ADMIN);

    private static final int MAX_NOTE = 2000;
    private static final int MAX_REFERENCE = 200;

    private final MirRecords records;
    private final MirPrefill prefill;
    private final Cases cases;
    private final Reportability reportability;
    private final Deadlines deadlines;
    private final Signatures signatures;
    private final AuditTrail audit;
    private final IncidentReports incidents;
    private final ImdrfTerminology imdrf;
    private final MirValidation validation;
    private final FormValues formValues = new FormValues(FormFields.mir731());

    MirReports(MirRecords records, MirPrefill prefill, Cases cases, Reportability reportability, Deadlines deadlines,
            Signatures signatures, AuditTrail audit, IncidentReports incidents, ImdrfTerminology imdrf,
            MirValidation validation) {
        this.records = records;
        this.prefill = prefill;
        this.cases = cases;
        this.reportability = reportability;
        this.deadlines = deadlines;
        this.signatures = signatures;
        this.audit = audit;
        this.incidents = incidents;
        this.imdrf = imdrf;
        this.validation = validation;
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The case's reports, the first first. */
    @Transactional(readOnly = true)
    public List<MirReportView> forCase(CaseId caseId) {
        requireAuthor();
        manufacturerCase(caseId);
        return records.views(records.headers(caseId));
    }

    @Transactional(readOnly = true)
    public MirReportView find(MirReportId id) {
        requireAuthor();
        return records.view(header(id));
    }

    /**
     * One version's document, read back into the report with what the rules of its report type still miss.
     *
     * @throws RecordNotFoundException when the report or version does not exist
     */
    @Transactional(readOnly = true)
    public MirDocument document(MirReportId id, int version) {
        requireAuthor();
        header(id);
        byte[] xml = records.document(id, version)
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE + "-version", id.value()));
        return MirDocument.of(xml);
    }

    /**
     * What keeps a version from being approved: the rules of its report type ({@link MirReportRules}) and, for every
     * IMDRF code, that the current release of its annex holds it as a term that may be chosen for a new report
     * (IMDRF/AE WG N43: no retired or grouping terms), in the order of the form.
     */
    @Transactional(readOnly = true)
    public List<MirProblem> problems(MirDocument document) {
        var problems = new ArrayList<>(document.problems());
        var report = document.report();
        var patient = report.incident().patient();
        var investigation = report.investigation();
        codes(problems, "/incident/incident_info/clinical_event_info/imdrfCodeChoice", ImdrfAnnex.A,
                report.incident().deviceProblemCodes());
        codes(problems, "/incident/incident_info/patient_info/imdrfClinicalCodeChoice", ImdrfAnnex.E,
                patient.clinicalCodes());
        codes(problems, "/incident/incident_info/patient_info/imdrfHealthCodeChoice", ImdrfAnnex.F,
                patient.healthImpactCodes());
        codes(problems, "/incident/mfr_invest/imdrfInvestigationTypeCodeChoice", ImdrfAnnex.B,
                investigation.investigationTypeCodes());
        codes(problems, "/incident/mfr_invest/imdrfInvestigationFindingCodeChoice", ImdrfAnnex.C,
                investigation.investigationFindingCodes());
        codes(problems, "/incident/mfr_invest/imdrfInvestigationConclusionCodeChoice", ImdrfAnnex.D,
                investigation.investigationConclusionCodes());
        codes(problems, "/incident/mfr_invest/imdrfComponentCodeChoice", ImdrfAnnex.G, investigation.componentCodes());
        return problems;
    }

    private void codes(List<MirProblem> problems, String path, ImdrfAnnex annex, List<String> codes) {
        for (int index = 0; index < codes.size(); index++) {
            String code = codes.get(index);
            String at = path + (index + 1);
            // a malformed code is already named by the report rules; the release is asked only about real codes
            if (code.isEmpty() || code.charAt(0) != annex.name().charAt(0)
                    || problems.stream().anyMatch(problem -> problem.xpath().equals(at))) {
                continue;
            }
            imdrf.whyNotSelectable(annex, code).ifPresent(why -> problems.add(new MirProblem(at,
                    org.vigil.mir.validation.MirSections.of(at), 0, 0, why, "")));
        }
    }

    /** The editor's values of one version, keyed by the form's element paths (see {@link FormFields}). */
    public Map<String, String> values(MirDocument document) {
        return formValues.read(document.formXml());
    }

    /** The changes between two versions of a report, field by field in the form's order. */
    public record VersionChanges(int from, int to, List<FormValues.Change> changes) {
    }

    /**
     * What changed from version {@code from} to {@code to}; without {@code to} the latest version, without
     * {@code from} the one before {@code to}.
     */
    @Transactional(readOnly = true)
    public VersionChanges diff(MirReportId id, Integer from, Integer to) {
        int newer = to == null ? find(id).latest().version() : to;
        int older = from == null ? Math.max(1, newer - 1) : from;
        var before = document(id, older);
        var after = document(id, newer);
        return new VersionChanges(older, newer,
                formValues.diff(formValues.read(before.formXml()), formValues.read(after.formXml())));
    }

    /** The approval of the report's version as the PDF and the package print it; empty when it is not approved. */
    @Transactional(readOnly = true)
    public Optional<MirApproval> approval(MirReportView view, int version) {
        return view.versions().stream().filter(v -> v.version() == version && v.approved()).findFirst()
                .map(v -> approvalOf(view.caseId(), v.approval()));
    }

    /** The approval as printed: the time in the manufacturer's zone of the case's reportability decision. */
    public MirApproval approvalOf(CaseId caseId, ElectronicSignature signature) {
        return new MirApproval(signature.printedName(),
                signature.signedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(zone(caseId))
                        .toOffsetDateTime(), signature.meaning(),
                signature.contentHash());
    }

    /** Whether four-eyes approval is on for the caller's organisation. */
    @Transactional(readOnly = true)
    public boolean fourEyes() {
        return records.fourEyes();
    }

    // ------------------------------------------------------------------------------------------------ documents

    /** A document to download: the name it is saved under and its bytes. */
    public record MirFile(String fileName, byte[] content) {
    }

    /** The MIR form XML of a version, byte for byte as stored (and, once approved, as signed). */
    @Transactional(readOnly = true)
    public MirFile formXml(MirReportId id, int version) {
        var document = document(id, version);
        return new MirFile(fileBase(find(id), document.report(), version) + "-form.xml", document.formXml());
    }

    /**
     * The EUDAMED vigilance document of a version: a DTX 3.0.25 message carrying the {@code mir_2Type} dossier, valid
     * against the schemas shipped with Vigil (MDR Art. 92).
     *
     * @throws InvalidInputException naming what the dossier needs and the version lacks
     */
    @Transactional(readOnly = true)
    public MirFile eudamed(MirReportId id, int version) {
        var document = document(id, version);
        return new MirFile(fileBase(find(id), document.report(), version) + "-eudamed.xml",
                validEudamed(document.report()));
    }

    /** What the EUDAMED dossier needs and {@code document} lacks, in words; empty when it can be written. */
    public List<String> eudamedGaps(MirDocument document) {
        try {
            validEudamed(document.report());
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors().stream().map(InvalidInputException.FieldError::message).toList();
        }
    }

    /**
     * The EUDAMED document of {@code report}, checked against the DTX schemas before it leaves Vigil: the schemas set
     * limits (lengths, patterns) that the MIR rules do not, and a report beyond them is refused naming the element.
     */
    private static byte[] validEudamed(MirReport report) {
        byte[] document = MirEudamed.write(report);
        MirValidationReport checked;
        try {
            checked = EUDAMED_CHECK.validateGeneratedEudamed(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!checked.problems().isEmpty()) {
            throw new InvalidInputException(checked.problems().stream()
                    .map(problem -> new InvalidInputException.FieldError(problem.xpath(),
                            "EUDAMED's schema refuses it: " + problem.message()))
                    .toList());
        }
        return document;
    }

    private static final MirValidation EUDAMED_CHECK = MirValidation.withDefaults();

    /** The PDF of a version, laid out by MIR section, with its approval signature or marked as a draft. */
    @Transactional(readOnly = true)
    public MirFile pdf(MirReportId id, int version) {
        var view = find(id);
        var report = document(id, version).report();
        return new MirFile(fileBase(view, report, version) + ".pdf", MirPdf.render(report, approval(view, version)));
    }

    /**
     * What FDA's eMDR needs beyond the MIR that only the manufacturer knows (Form FDA 3500A; 21 CFR 803.52).
     *
     * @param registrationNumber the FDA registration number (CFN) or FEI
     * @param manufacturerReportNumber G9, e.g. {@code 3012345678-2026-00017}
     * @param premarketNumber G5, the 510(k), PMA, De Novo or HDE number
     * @param productCode D2, FDA's three-letter product code
     * @param eventType H1; {@code null} takes it from the MIR's classification (death, serious injury, else
     *        malfunction)
     * @param reportType G7; {@code null} is an initial report for the case's first MIR, a follow-up otherwise
     */
    public record UsDetails(String registrationNumber, String manufacturerReportNumber, String premarketNumber,
            String productCode, EmdrDetails.EventType eventType, EmdrDetails.ReportType reportType) {
    }

    /**
     * FDA's eMDR (HL7 ICSR, Form 3500A) of a version, for events reportable in the US (21 CFR 803.50): the MIR's
     * content with the US details; the MIR's IMDRF codes become FDA codes through FDA's CDRH–IMDRF crosswalk.
     *
     * @throws InvalidInputException naming each missing or malformed US detail
     */
    @Transactional(readOnly = true)
    public MirFile emdr(MirReportId id, int version, UsDetails us) {
        var view = find(id);
        var report = document(id, version).report();
        var classification = report.administrative().classification();
        var event = us.eventType() != null ? us.eventType()
                : classification == org.vigil.deadline.Classification.DEATH ? EmdrDetails.EventType.DEATH
                        : classification == org.vigil.deadline.Classification.UNANTICIPATED_SERIOUS_DETERIORATION
                                || classification == org.vigil.deadline.Classification.SERIOUS_PUBLIC_HEALTH_THREAT
                                        ? EmdrDetails.EventType.SERIOUS_INJURY : EmdrDetails.EventType.MALFUNCTION;
        var type = us.reportType() != null ? us.reportType()
                : view.sequence() == 1 ? EmdrDetails.ReportType.INITIAL : EmdrDetails.ReportType.FOLLOW_UP;
        var codes = FdaEventCodes.fromImdrf(report, code -> imdrf.crosswalkFromImdrf(code).stream()
                .map(entry -> entry.fdaCode()).findFirst());
        var reporter = report.incident().initialReporter();
        var sources = EnumSet.noneOf(EmdrDetails.ReportSource.class);
        if (reporter.facilityName() != null) {
            sources.add(EmdrDetails.ReportSource.HEALTH_PROFESSIONAL);
        }
        if (reporter.facilityCountry() != null && !"US".equals(reporter.facilityCountry())) {
            sources.add(EmdrDetails.ReportSource.FOREIGN);
        }
        var details = new EmdrDetails(blankToNull(us.manufacturerReportNumber()),
                blankToNull(us.registrationNumber()), null, type,
                type == EmdrDetails.ReportType.FOLLOW_UP ? Math.max(1, view.sequence() - 1) : null,
                type == EmdrDetails.ReportType.FOLLOW_UP ? Set.of(EmdrDetails.FollowUpType.ADDITIONAL_INFORMATION)
                        : Set.of(),
                event, event == EmdrDetails.EventType.DEATH ? Set.of(EmdrDetails.Outcome.DEATH) : Set.of(), null,
                null, null, event == EmdrDetails.EventType.MALFUNCTION, sources, blankToNull(us.premarketNumber()),
                blankToNull(us.productCode()), null, null, null, null, null, null, null, null, null, Set.of(), null,
                null, null, codes.deviceProblem(), codes.patientProblem(), codes.evaluationMethod(),
                codes.evaluationResult(), codes.evaluationConclusion(), office(report), null);
        return new MirFile(fileBase(view, report, version) + "-emdr.xml", Emdr.write(report, details));
    }

    /**
     * The submission package of an approved version, one zip: the MIR form XML that was signed, the EUDAMED XML, the
     * PDF with the signature, the list of the case's attachments (name, type, size, SHA-256) and a manifest with the
     * approval signature (printed name, time, meaning; 21 CFR 11.50) and the SHA-256 of every file.
     *
     * @throws InvalidInputException naming {@code version} when it is not approved
     */
    @Transactional(readOnly = true)
    public MirFile submissionPackage(MirReportId id, int version) {
        var view = find(id);
        var signed = view.versions().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE + "-version", id.value()));
        if (!signed.approved()) {
            throw InvalidInputException.of("version", "Version " + version + " is not approved: the package holds "
                    + "what was signed for submission.");
        }
        var document = document(id, version);
        var approval = approvalOf(view.caseId(), signed.approval());
        String base = fileBase(view, document.report(), version);
        var files = new LinkedHashMap<String, byte[]>();
        files.put(base + "-form.xml", document.formXml());
        String eudamedNote = null;
        try {
            files.put(base + "-eudamed.xml", validEudamed(document.report()));
        } catch (InvalidInputException e) {
            eudamedNote = "EUDAMED XML not included: " + e.getMessage();
        }
        files.put(base + ".pdf", MirPdf.render(document.report(), Optional.of(approval)));
        files.put("attachments.txt", attachmentList(view).getBytes(StandardCharsets.UTF_8));
        var manifest = new StringBuilder()
                .append("Manufacturer incident report (MIR 7.3.1) ").append(view.caseReference()).append(" #")
                .append(view.sequence()).append(", version ").append(version).append('\n')
                .append("Report type: ").append(document.report().administrative().reportType() == null ? "—"
                        : document.report().administrative().reportType().formText()).append('\n')
                .append("Approved for submission by ").append(approval.printedName()).append(" on ")
                .append(approval.signedAt()).append("; meaning: ").append(approval.meaning()).append('\n')
                .append("The signature is bound to the SHA-256 of ").append(base).append("-form.xml: ")
                .append(approval.contentHash()).append(" (21 CFR 11.50, 11.70)").append('\n');
        if (eudamedNote != null) {
            manifest.append(eudamedNote).append('\n');
        }
        manifest.append('\n').append("SHA-256  file").append('\n');
        files.forEach((name, bytes) -> manifest.append(Sha256.hex(bytes)).append("  ").append(name).append('\n'));
        files.put("manifest.txt", manifest.toString().getBytes(StandardCharsets.UTF_8));
        return new MirFile(base + ".zip", zip(files));
    }

    /** A file name for a version's documents: the manufacturer's reference (§1.1), else the case's, and the version. */
    private static String fileBase(MirReportView view, MirReport report, int version) {
        String reference = report.administrative().manufacturerReference() != null
                ? report.administrative().manufacturerReference() : view.caseReference() + "-" + view.sequence();
        return "MIR-" + reference.replaceAll("[^A-Za-z0-9._-]+", "_") + "-v" + version;
    }

    private String attachmentList(MirReportView view) {
        var lines = new StringBuilder("Attachments of the hospital's report on case " + view.caseReference()
                + " (name, type, bytes, SHA-256)\n");
        var opened = cases.find(view.caseId());
        if (opened.reportId() == null) {
            return lines.append("none: the case is a complaint\n").toString();
        }
        var attachments = incidents.find(new ReportId(opened.reportId())).attachments();
        if (attachments.isEmpty()) {
            lines.append("none\n");
        }
        attachments.forEach(a -> lines.append(a.fileName()).append('\t').append(a.mediaType()).append('\t')
                .append(a.sizeBytes()).append('\t').append(a.sha256()).append('\n'));
        return lines.toString();
    }

    private static EmdrDetails.Office office(MirReport report) {
        var submitter = report.administrative().submitter();
        var party = submitter == null ? null : submitter.manufacturer();
        if (party == null) {
            return null;
        }
        String street = party.street() == null ? null
                : party.street() + (party.streetNumber() == null ? "" : " " + party.streetNumber());
        return new EmdrDetails.Office(party.name(), party.contactFirstName(), party.contactFamilyName(),
                street == null ? List.of() : List.of(street), party.city(), null, party.postcode(), party.country(),
                party.phone(), party.email());
    }

    private static byte[] zip(Map<String, byte[]> files) {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ------------------------------------------------------------------------------------------------ writing

    /**
     * Starts the case's next report of {@code type}: an initial (or combined initial and final) report from the case,
     * the device register and the reportability decision; a follow-up or final report from the latest version of the
     * case's previous report.
     *
     * @throws InvalidInputException naming {@code type} when none is given or a follow-up is started without an
     *         earlier report
     */
    @Transactional
    public MirReportView start(CaseId caseId, MirReportType type) {
        requireAuthor();
        if (type == null) {
            throw InvalidInputException.of("type", "Choose the report type.");
        }
        var view = manufacturerCase(caseId);
        records.lockCase(caseId);
        var previous = records.headers(caseId).stream().reduce((first, second) -> second);
        MirReport report;
        MirVersion.Origin origin;
        if (previous.isPresent() && type != MirReportType.INITIAL && type != MirReportType.INITIAL_AND_FINAL) {
            var latest = records.versions(previous.get().id()).getFirst();
            var earlier = MirDocument.of(records.document(previous.get().id(), latest.version()).orElseThrow());
            report = prefill.continueFrom(caseId, earlier.report(), type);
            origin = MirVersion.Origin.CONTINUED;
        } else if (type == MirReportType.FOLLOW_UP) {
            throw InvalidInputException.of("type", "A follow-up report follows an earlier report: start with the "
                    + "initial report.");
        } else {
            report = prefill.prefill(caseId, type);
            origin = MirVersion.Origin.PREFILLED;
        }
        return create(view, type, report, origin, null);
    }

    /**
     * Imports a MIR 7.3.1 form file as a new report of the case. Elements Vigil does not know and values it cannot
     * read are listed in the result and left out; a hostile or malformed file saves nothing.
     *
     * @throws InvalidInputException naming {@code file} when it is not a MIR 7.3.1 form or names no report type
     * @throws InvalidInputException naming {@code file} also when it is hostile (a DTD, an entity) or too large or
     *         deep: it is refused before anything it refers to is read
     */
    @Transactional
    public MirImport importReport(CaseId caseId, InputStream file) throws IOException {
        requireAuthor();
        var view = manufacturerCase(caseId);
        var imported = readChecked(requireFile(file));
        var type = imported.report().administrative().reportType();
        if (type == null) {
            throw InvalidInputException.of("file", "The form names no report type (§1.2.e admin_info/reportType); "
                    + "Vigil cannot tell which report it is.");
        }
        records.lockCase(caseId);
        return new MirImport(create(view, type, imported.report(), MirVersion.Origin.IMPORTED, "Imported"),
                imported.problems());
    }

    /**
     * Imports a MIR 7.3.1 form file as the report's next version (the round trip of a report sent out for editing).
     *
     * @throws InvalidInputException naming {@code file} as {@link #importReport}, {@code state} when the report was
     *         submitted
     */
    @Transactional
    public MirImport importVersion(MirReportId id, InputStream file) throws IOException {
        requireAuthor();
        var header = header(id);
        var imported = readChecked(requireFile(file));
        records.lockCase(header.caseId());
        var view = records.view(header);
        requireOpen(view);
        var saved = addVersion(view, imported.report(), MirVersion.Origin.IMPORTED, "Imported from a file");
        return new MirImport(saved, imported.problems());
    }

    /**
     * Saves the editor's values as the report's next version. Drafts may be incomplete; what cannot be read (a date
     * that is not a date) is refused naming the field, and nothing is saved then.
     *
     * @param basedOn the version the editor showed: when someone saved a later one meanwhile, nothing is saved
     * @throws InvalidInputException naming each unreadable field by its form path, {@code version} when the report
     *         changed meanwhile, {@code values} when nothing changed, {@code state} when it was submitted
     */
    @Transactional
    public MirReportView save(MirReportId id, Map<String, String> values, int basedOn, String note) {
        requireAuthor();
        var header = header(id);
        records.lockCase(header.caseId());
        var view = records.view(header);
        requireOpen(view);
        if (basedOn != view.latest().version()) {
            throw InvalidInputException.of("version", "The report was saved as version " + view.latest().version()
                    + " by " + view.latest().savedByName() + " while you edited version " + basedOn
                    + ": open the latest version and make your change again.");
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > MAX_NOTE) {
            throw InvalidInputException.of("note", "Describe the change in at most " + MAX_NOTE + " characters.");
        }
        MirFormImport read;
        try {
            read = MirForm.read(new ByteArrayInputStream(formValues.write(values)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!read.problems().isEmpty()) {
            throw invalidFields(read.problems());
        }
        var current = MirDocument.of(records.document(id, view.latest().version()).orElseThrow()).report();
        var edited = new MirReport(read.report().formLanguage(), current.created(), read.report().administrative(),
                read.report().device(), read.report().incident(), read.report().investigation(),
                read.report().comments());
        if (edited.equals(current)) {
            throw InvalidInputException.of("values", "Nothing changed since version " + view.latest().version()
                    + ".");
        }
        return addVersion(view, edited, MirVersion.Origin.EDITED, why);
    }

    /**
     * Approves the latest version for submission by the caller's electronic signature over the SHA-256 of its exact
     * form XML (21 CFR 11.50, 11.70; the password is re-entered, 11.200(a)).
     *
     * @throws InvalidInputException naming {@code version} when it is not the latest or already approved, each
     *         missing or wrong field (by its form path) when the rules of the report type are not met,
     *         {@code approver} when four-eyes approval is on and the caller wrote the version, {@code password} when it
     *         is wrong; nothing is saved then
     */
    @Transactional
    public MirReportView approve(MirReportId id, int version, String password) {
        requireAuthor();
        var header = header(id);
        records.lockCase(header.caseId());
        var view = records.view(header);
        requireOpen(view);
        var latest = view.latest();
        if (version != latest.version()) {
            throw InvalidInputException.of("version", "Only the latest version (" + latest.version()
                    + ") can be approved.");
        }
        if (latest.approved()) {
            throw InvalidInputException.of("version", "Version " + version + " is already approved.");
        }
        byte[] xml = records.document(id, version).orElseThrow();
        var document = MirDocument.of(xml);
        var problems = new ArrayList<>(problems(document));
        if (validation.formSchemasConfigured()) {
            // what is approved is what is exported: it must pass the EC's XSD the operator configured
            try {
                problems.addAll(validation.validate(new ByteArrayInputStream(xml)).problems());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!problems.isEmpty()) {
            throw invalidFields(problems);
        }
        var me = Tenancy.requireActor();
        if (records.fourEyes() && me.userId().equals(latest.savedBy())) {
            throw InvalidInputException.of("approver", "Four-eyes approval is on: version " + version + " was saved "
                    + "by you, so another vigilance officer or the PRRC approves it.");
        }
        ElectronicSignature signature = signatures.sign(password, APPROVAL_MEANING,
                new String(xml, StandardCharsets.UTF_8), RECORD_TYPE, id.value());
        records.insertApproval(mine(), id, version, signature);
        var summary = new LinkedHashMap<String, Object>();
        summary.put("version", version);
        summary.put("contentSha256", signature.contentHash());
        summary.put("signer", signature.printedName());
        audit.record(AuditedChange.event("mir.approved", ref(id), summary).inOrganisation(mine()));
        return records.view(header);
    }

    /**
     * What a submission records.
     *
     * @param authority the authority sent to
     * @param country its country (ISO 3166-1 alpha-2, {@code XI} for Northern Ireland)
     * @param channel how it was sent
     * @param submittedAt when, in {@code zone}; {@code null} for now
     * @param zone the zone of {@code submittedAt}
     * @param authorityReference the authority's reference, when known
     * @param nextReport the kind of the next report, when the form announces one (§1.2.f): the clock of a
     *        {@link EventKind#FOLLOW_UP_ANNOUNCED} or {@link EventKind#FINAL_REPORT_ANNOUNCED} starts
     */
    public record SubmissionDraft(Authority authority, String country, SubmissionChannel channel,
            LocalDateTime submittedAt, String zone, String authorityReference, EventKind nextReport) {
    }

    /**
     * Records that the approved version went to an authority, and closes the case's pending obligations towards that
     * authority that this report type meets (an initial report meets the initial report's obligation, a final
     * report the final report's, …). When the form announces a next report (§1.2.f), its clock starts.
     *
     * @throws InvalidInputException naming {@code version} when no version is approved, {@code authority},
     *         {@code country}, {@code channel}, {@code submittedAt} or {@code authorityReference}
     */
    @Transactional
    public MirSubmission recordSubmission(MirReportId id, SubmissionDraft draft) {
        requireAuthor();
        var header = header(id);
        records.lockCase(header.caseId());
        var view = records.view(header);
        var approved = view.approvedVersion().orElseThrow(() -> InvalidInputException.of("version",
                "Approve the report before recording its submission."));
        if (view.latest().version() != approved.version()) {
            throw InvalidInputException.of("version", "Version " + view.latest().version() + " was saved after the "
                    + "approved version " + approved.version() + ": approve it, or submit what was approved.");
        }
        var problems = new ArrayList<InvalidInputException.FieldError>();
        if (draft == null || draft.authority() == null) {
            problems.add(new InvalidInputException.FieldError("authority", "Choose the authority."));
        }
        String country = draft == null || draft.country() == null ? "" : draft.country().strip()
                .toUpperCase(java.util.Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            problems.add(new InvalidInputException.FieldError("country",
                    "Give the authority's country as a two-letter ISO code (XI for Northern Ireland)."));
        }
        if (draft == null || draft.channel() == null) {
            problems.add(new InvalidInputException.FieldError("channel", "Choose how the report was sent."));
        }
        String reference = draft == null || draft.authorityReference() == null
                || draft.authorityReference().isBlank() ? null : draft.authorityReference().strip();
        if (reference != null && reference.length() > MAX_REFERENCE) {
            problems.add(new InvalidInputException.FieldError("authorityReference",
                    "Give the reference in at most " + MAX_REFERENCE + " characters."));
        }
        Instant now = Instant.now();
        Instant submittedAt = now;
        if (draft != null && draft.submittedAt() != null) {
            try {
                ZoneId zone = draft.zone() == null || draft.zone().isBlank() ? zone(header.caseId())
                        : ZoneId.of(draft.zone().strip());
                submittedAt = draft.submittedAt().atZone(zone).toInstant();
                if (submittedAt.isAfter(now.plusSeconds(60))) {
                    problems.add(new InvalidInputException.FieldError("submittedAt",
                            "The submission cannot be in the future."));
                }
            } catch (java.time.DateTimeException e) {
                problems.add(new InvalidInputException.FieldError("zone", "'" + draft.zone()
                        + "' is not a time zone."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var document = MirDocument.of(records.document(id, approved.version()).orElseThrow());
        var type = document.report().administrative().reportType();
        var closed = new ArrayList<ObligationId>();
        for (ObligationView obligation : deadlines.forCase(header.caseId().value())) {
            if (obligation.pending() && obligation.recipient().authority() == draft.authority()
                    && obligation.recipient().country().equals(country) && meets(type, obligation.kind())) {
                deadlines.markSubmitted(obligation.id(), reference);
                closed.add(obligation.id());
            }
        }
        var me = Tenancy.requireActor();
        var submission = new MirSubmission(UUID.randomUUID(), approved.version(), draft.authority(), country,
                draft.channel(), submittedAt, me.displayName(), reference, closed, null, null);
        records.insertSubmission(mine(), id, submission, me.userId(), now);
        var next = document.report().administrative().nextReportDate();
        if (next != null && draft.nextReport() != null && view.submissions().stream()
                .noneMatch(earlier -> earlier.version() == approved.version())) {
            startNextReportClock(header, draft.nextReport(), next, submittedAt);
        }
        var summary = new LinkedHashMap<String, Object>();
        summary.put("version", approved.version());
        summary.put("authority", draft.authority().name() + " " + country);
        summary.put("channel", draft.channel().name());
        summary.put("obligationsClosed", closed.size());
        audit.record(AuditedChange.event("mir.submitted", ref(id), summary).inOrganisation(mine()));
        return submission;
    }

    /**
     * Records the authority's acknowledgement of a submission, with its reference when it gives one now.
     *
     * @throws InvalidInputException naming {@code acknowledgement} when it says nothing, {@code authorityReference}
     *         when too long
     */
    @Transactional
    public MirSubmission acknowledge(MirReportId reportId, UUID submission, String authorityReference,
            String acknowledgement) {
        requireAuthor();
        requireSubmissionOf(reportId, submission);
        String text = acknowledgement == null ? "" : acknowledgement.strip();
        if (text.isEmpty()) {
            throw InvalidInputException.of("acknowledgement", "Say what the authority acknowledged.");
        }
        if (text.length() > MAX_NOTE) {
            throw InvalidInputException.of("acknowledgement", "Keep it to " + MAX_NOTE + " characters.");
        }
        String reference = authorityReference == null || authorityReference.isBlank() ? null
                : authorityReference.strip();
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw InvalidInputException.of("authorityReference", "Give the reference in at most " + MAX_REFERENCE
                    + " characters.");
        }
        records.acknowledge(submission, reference, Instant.now(), text, Tenancy.requireActor().displayName());
        audit.record(AuditedChange.event("mir.acknowledged", ref(reportId), Map.of("submission",
                submission.toString(), "acknowledgement", text)).inOrganisation(mine()));
        return records.submissions(reportId).stream().filter(s -> s.id().equals(submission)).findFirst()
                .orElseThrow();
    }

    /**
     * Records FDA's acknowledgement file of an eMDR submission (ACK2 "received" as text, ACK3 the load result as XML,
     * read hardened): the outcome, each report's result and FDA's reasons for a rejection become the submission's
     * acknowledgement. A rejected report is to be sent again; the obligation the submission closed is not reopened.
     *
     * @throws InvalidInputException naming {@code file} when it is missing, hostile or not an FDA acknowledgement
     */
    @Transactional
    public MirSubmission acknowledgeFromFda(MirReportId reportId, UUID submission, InputStream file)
            throws IOException {
        requireAuthor();
        requireSubmissionOf(reportId, submission);
        var ack = Emdr.readAcknowledgement(requireFile(file));
        var text = new StringBuilder("FDA ").append(ack.kind()).append(": ").append(switch (ack.outcome()) {
            case SUCCESS -> ack.kind() == EmdrAcknowledgement.Kind.ACK2 ? "received by CDRH" : "every report loaded";
            case PARTIAL -> "some reports loaded, some rejected";
            case FAILURE -> "rejected; correct and send again";
        });
        if (ack.coreId() != null) {
            text.append(" (core id ").append(ack.coreId()).append(')');
        }
        for (var report : ack.reports()) {
            text.append("; ").append(report.reportId()).append(report.passed() ? " passed" : " failed");
            for (var error : report.errors()) {
                text.append(" — ").append(error.section() == null ? "" : error.section() + ": ")
                        .append(error.message());
            }
        }
        String summary = text.length() > MAX_NOTE ? text.substring(0, MAX_NOTE - 1) + "…" : text.toString();
        String reference = ack.reports().size() == 1 && ack.reports().getFirst().passed()
                ? ack.reports().getFirst().reportId() : null;
        return acknowledge(reportId, submission, reference, summary);
    }

    /** Turns four-eyes approval on or off for the caller's organisation (PRRC or organisation administrator). */
    @Transactional
    public void setFourEyes(boolean on) {
        var person = Tenancy.principal();
        if (person.isEmpty() || !person.get().hasAnyRole(POLICY_OWNERS)) {
            throw new AccessDeniedException("Four-eyes approval is set by the PRRC or an organisation administrator");
        }
        boolean before = records.fourEyes();
        records.setFourEyes(mine(), on, Tenancy.requireActor().displayName(), Instant.now());
        audit.record(AuditedChange.changed("mir.four-eyes", RecordRef.of("mir-policy", mine().value()),
                Map.of("fourEyes", before), Map.of("fourEyes", on)).inOrganisation(mine()));
    }

    // ------------------------------------------------------------------------------------------------ internals

    /** Which report types meet which obligations (MDR Art. 87(1), 87(6), 89(5); MDCG 2023-3 §4.3). */
    static boolean meets(MirReportType type, ObligationKind kind) {
        if (type == null) {
            return false;
        }
        Set<ObligationKind> met = switch (type) {
            case INITIAL -> EnumSet.of(ObligationKind.INITIAL_REPORT, ObligationKind.COMPLETE_REPORT);
            case FOLLOW_UP -> EnumSet.of(ObligationKind.FOLLOW_UP, ObligationKind.COMPLETE_REPORT,
                    ObligationKind.DOCUMENT_RESPONSE);
            case INITIAL_AND_FINAL -> EnumSet.of(ObligationKind.INITIAL_REPORT, ObligationKind.COMPLETE_REPORT,
                    ObligationKind.FINAL_REPORT);
            case FINAL_REPORTABLE, FINAL_NON_REPORTABLE -> EnumSet.of(ObligationKind.FINAL_REPORT,
                    ObligationKind.FOLLOW_UP, ObligationKind.COMPLETE_REPORT);
        };
        return met.contains(kind);
    }

    private void startNextReportClock(MirRecords.Header header, EventKind kind, LocalDate next, Instant submittedAt) {
        if (kind != EventKind.FOLLOW_UP_ANNOUNCED && kind != EventKind.FINAL_REPORT_ANNOUNCED) {
            throw InvalidInputException.of("nextReport", "The next report is a follow-up or a final report.");
        }
        if (reportability.current(header.caseId()).isEmpty()) {
            // the clocks need the signed decision's awareness moments; without one there is nothing to start
            return;
        }
        ZoneId zone = zone(header.caseId());
        reportability.recordEvent(header.caseId(), kind, LocalDateTime.ofInstant(submittedAt, zone)
                .withSecond(0).withNano(0), zone.getId(), next, "Announced in the submitted report "
                        + header.caseReference() + " #" + header.sequence() + " (MIR §1.2.f)");
    }

    private MirReportView create(CaseView view, MirReportType type, MirReport report, MirVersion.Origin origin,
            String note) {
        var me = Tenancy.requireActor();
        var header = new MirRecords.Header(new MirReportId(UUID.randomUUID()), view.id(), view.reference(),
                records.nextSequence(view.id()), type, me.displayName(), Instant.now());
        records.insertReport(mine(), header, me.userId());
        var created = report.created() != null ? report
                : new MirReport(report.formLanguage(), OffsetDateTime.now(zone(view.id())),
                        report.administrative(), report.device(), report.incident(),
                        report.investigation(), report.comments());
        var summary = new LinkedHashMap<String, Object>();
        summary.put("case", view.id().value().toString());
        summary.put("sequence", header.sequence());
        summary.put("type", type.name());
        audit.record(AuditedChange.created("mir.started", ref(header.id()), summary).inOrganisation(mine()));
        return addVersion(records.view(header), created, origin, note);
    }

    private MirReportView addVersion(MirReportView view, MirReport report, MirVersion.Origin origin, String note) {
        var me = Tenancy.requireActor();
        byte[] xml = MirForm.write(report);
        int number = view.versions().isEmpty() ? 1 : view.latest().version() + 1;
        var version = new MirVersion(number, Sha256.hex(xml), origin, note,
                me.userId(), me.displayName(), Instant.now(), null);
        records.insertVersion(mine(), view.id(), version, xml);
        var summary = new LinkedHashMap<String, Object>();
        summary.put("version", number);
        summary.put("origin", origin.name());
        summary.put("contentSha256", version.contentHash());
        var change = AuditedChange.event("mir.version-saved", ref(view.id()), summary).inOrganisation(mine());
        audit.record(note == null ? change : change.because(note));
        return records.view(header(view.id()));
    }

    /**
     * Reads a form file; where the operator configured the EC's MIR XSDs, the file is also validated against the one
     * of its report type and what they refuse is listed with what was not imported.
     */
    private MirFormImport readChecked(InputStream file) throws IOException {
        if (!validation.formSchemasConfigured()) {
            return MirForm.read(file);
        }
        byte[] bytes = file.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, HardenedXml.DEFAULT_MAX_BYTES + 1));
        var imported = MirForm.read(new ByteArrayInputStream(bytes));
        var problems = new ArrayList<>(imported.problems());
        problems.addAll(validation.validate(new ByteArrayInputStream(bytes)).problems());
        return new MirFormImport(imported.report(), problems);
    }

    /** Refuses a submission that is not one of the report's, as if it did not exist. */
    private void requireSubmissionOf(MirReportId reportId, UUID submission) {
        header(reportId);
        records.reportOfSubmission(submission).filter(reportId::equals)
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE + "-submission", submission));
    }

    private static InputStream requireFile(InputStream file) {
        if (file == null) {
            throw InvalidInputException.of("file", "Choose a MIR 7.3.1 form XML file.");
        }
        return file;
    }

    private static void requireOpen(MirReportView view) {
        if (view.state() == MirReportView.State.SUBMITTED) {
            throw InvalidInputException.of("state", "The report was submitted and is not changed any more; start a "
                    + "follow-up or final report for what is new.");
        }
    }

    /** The problems as bad input of the editor's fields, each named by its field's key. */
    private static InvalidInputException invalidFields(List<MirProblem> problems) {
        return new InvalidInputException(problems.stream()
                .map(problem -> new InvalidInputException.FieldError(FormFields.mir731().forXpath(problem.xpath())
                        .map(FormFields.Field::path).map(path -> path.replace("[]", "[0]")).orElse(problem.xpath()),
                        problem.message()))
                .toList());
    }

    private MirRecords.Header header(MirReportId id) {
        var header = records.header(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id.value()));
        manufacturerCase(header.caseId());
        return header;
    }

    private CaseView manufacturerCase(CaseId caseId) {
        var view = cases.find(caseId);
        if (cases.sideOf(view) != CaseSide.MANUFACTURER) {
            throw new RecordNotFoundException(RECORD_TYPE, caseId.value());
        }
        return view;
    }

    /** The manufacturer's zone as its reportability decision on the case states it; UTC before a decision. */
    private ZoneId zone(CaseId caseId) {
        return reportability.current(caseId).<ZoneId>map(decision -> decision.manufacturerZone())
                .orElse(ZoneOffset.UTC);
    }

    private static void requireAuthor() {
        var person = Tenancy.principal();
        if (person.isEmpty() || !person.get().hasAnyRole(AUTHORS)) {
            throw new AccessDeniedException("Incident reports are written by vigilance officers and the PRRC");
        }
    }

    private static RecordRef ref(MirReportId id) {
        return RecordRef.of(RECORD_TYPE, id.value());
    }

    private static OrganisationId mine() {
        return Tenancy.requireActor().organisationId();
    }
}
