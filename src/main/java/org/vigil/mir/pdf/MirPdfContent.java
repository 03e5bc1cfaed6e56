package org.vigil.mir.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vigil.deadline.Classification;
import org.vigil.mir.AdministrativeInformation;
import org.vigil.mir.Comments;
import org.vigil.mir.DeviceInformation;
import org.vigil.mir.IncidentInformation;
import org.vigil.mir.InitialReporter;
import org.vigil.mir.ManufacturerInvestigation;
import org.vigil.mir.MarketDistribution;
import org.vigil.mir.MirApproval;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.Party;
import org.vigil.mir.PatientInformation;
import org.vigil.mir.ReportReference;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.SimilarIncidents;
import org.vigil.mir.Submitter;
import org.vigil.mir.SubmitterRole;

/**
 * What the MIR PDF shows, section by section in the order and numbering of the MIR 7.3.1 form (MDCG 2023-3): every
 * component of {@link MirReport} has its row, and a value not given is printed as {@value #NOT_GIVEN} so that the
 * competent authority sees what the manufacturer did not state rather than a silently missing line. The template
 * {@code mir/pdf/mir-report.html} lays it out; all text reaches it as data and is escaped there.
 *
 * @param title the document title, also the PDF's title
 * @param headerLine the running header: form, report type and the manufacturer's reference
 * @param form the form's own data: version, language, creation time
 * @param sections §1 to §5
 * @param signature the electronic signature, when approved
 * @param draftProblems when not approved, what {@code MirReportRules} still finds wrong; empty otherwise
 */
public record MirPdfContent(String title, String headerLine, List<Field> form, List<Section> sections,
        Optional<Signature> signature, List<String> draftProblems) {

    /** Printed for every value the report does not give. */
    static final String NOT_GIVEN = "—";

    private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'xxx");

    /** Whether the report is approved; otherwise the PDF is marked as a draft on every page. */
    public boolean approved() {
        return signature.isPresent();
    }

    /**
     * One field of the form.
     *
     * @param number the form's number, e.g. {@code 1.2.c}; empty for the form's own data
     * @param label the field's label
     * @param value the value as printed, {@value #NOT_GIVEN} when not given
     * @param code whether the value is a code or identifier, set in a fixed-width font
     */
    public record Field(String number, String label, String value, boolean code) {
    }

    /**
     * A table inside a group, such as the similar incidents per period.
     *
     * @param caption what the table lists
     * @param headers the column headings
     * @param rows the rows, each as wide as {@code headers}; a single row of {@value #NOT_GIVEN} when none given
     * @param unbroken whether cells keep their values on one line (dates, counts and codes, which a line break
     *        would make misreadable)
     */
    public record Table(String caption, List<String> headers, List<List<String>> rows, boolean unbroken) {
    }

    /**
     * A numbered part of a section, e.g. 1.3 Submitter.
     *
     * @param number e.g. {@code 1.3}
     * @param title e.g. {@code Submitter}
     * @param fields its fields in form order
     * @param tables its tables, after the fields
     */
    public record Group(String number, String title, List<Field> fields, List<Table> tables) {
    }

    /**
     * A section of the form.
     *
     * @param number {@code 1} to {@code 5}
     * @param title e.g. {@code Administrative information}
     * @param groups its numbered parts
     */
    public record Section(String number, String title, List<Group> groups) {
    }

    /**
     * The signature block (21 CFR 11.50 and 11.70).
     *
     * @param printedName the signer's printed name
     * @param signedAt date and time with the offset from UTC
     * @param meaning the signature's meaning
     * @param contentHash SHA-256 of the submitted XML
     */
    public record Signature(String printedName, String signedAt, String meaning, String contentHash) {
    }

    /** The content of the PDF of {@code report}, signed by {@code approval} when present. */
    static MirPdfContent of(MirReport report, Optional<MirApproval> approval, List<MirProblem> problems) {
        AdministrativeInformation admin = report.administrative();
        String type = admin.reportType() == null ? "report type not given" : admin.reportType().formText();
        String reference = text(admin.manufacturerReference());
        String title = "MIR 7.3.1 " + type + " report " + reference;
        String header = "Manufacturer Incident Report (MIR 7.3.1) · " + type + " · Manufacturer reference "
                + reference;
        List<Field> form = List.of(
                new Field("", "Form version", "7.3.1", true),
                new Field("", "Form language", text(report.formLanguage()), true),
                new Field("", "Form created", report.created() == null ? NOT_GIVEN
                        : report.created().format(SIGNED_AT), false));
        List<Section> sections = List.of(administrative(admin), device(report.device()),
                incident(report.incident()), investigation(report.investigation()), comments(report.comments()));
        Optional<Signature> signature = approval.map(signed -> new Signature(signed.printedName(),
                signed.signedAt().format(SIGNED_AT), signed.meaning(), signed.contentHash()));
        List<String> draftProblems = signature.isPresent() ? List.of()
                : problems.stream().map(problem -> (problem.mirSection().isEmpty() ? "" : problem.mirSection() + ": ")
                        + problem.message() + " (" + problem.xpath() + ")").toList();
        return new MirPdfContent(title, header, form, sections, signature, draftProblems);
    }

    // ------------------------------------------------------------------------------------------------ §1

    private static Section administrative(AdministrativeInformation admin) {
        var references = new Group("1.1", "Recipient and reference numbers", List.of(
                code("1.1", "Competent authority (NCA) the report is sent to", admin.competentAuthority()),
                code("1.1", "NCA report reference number", admin.ncaReportNumber()),
                code("1.1", "EUDAMED reference number", admin.eudamedReportNumber()),
                code("1.1", "Manufacturer's reference number", admin.manufacturerReference())), List.of());
        MirReportType type = admin.reportType();
        Classification classification = admin.classification();
        var dates = new Group("1.2", "Type of report and dates", List.of(
                field("1.2.a", "Date of this report", date(admin.reportDate())),
                field("1.2.b", "Incident date (or first day of the period)", date(admin.incidentFrom())),
                field("1.2.b", "Incident date, last day of the period", date(admin.incidentTo())),
                field("1.2.c", "Manufacturer awareness date", date(admin.awareness())),
                field("1.2.d", "Date the manufacturer became aware that the incident is reportable",
                        date(admin.reportabilityAwareness())),
                field("1.2.e", "Type of report", type == null ? null : type.formText()),
                field("1.2.f", "Expected date of the next report", date(admin.nextReportDate())),
                field("1.2.g", "Classification of the incident",
                        classification == null ? null : classification.label())), List.of());
        Submitter submitter = admin.submitter() == null ? new Submitter(null, null, null, null, null)
                : admin.submitter();
        SubmitterRole role = submitter.role();
        List<Field> submitterFields = new ArrayList<>();
        submitterFields.add(field("1.3", "Status of the submitter", role == null ? null : role.formText()));
        submitterFields.add(field("1.3", "Status of the other submitter", submitter.otherRole()));
        submitterFields.addAll(party("1.3", "Manufacturer", submitter.manufacturer()));
        submitterFields.addAll(party("1.3", "Authorised representative", submitter.authorisedRepresentative()));
        submitterFields.addAll(party("1.3", "Other submitter", submitter.other()));
        var submitterGroup = new Group("1.3", "Submitter", submitterFields, List.of());
        List<String> referenceHeaders = List.of("NCA reference", "EUDAMED reference", "Manufacturer reference");
        var related = new Group("1.4", "Related reports", List.of(
                code("1.4", "Periodic summary report (PSR) IDs", list(admin.psrIds())),
                field("1.4", "Incident arose in a PMCF/PMPF investigation", yesNo(admin.pmcfPmpfInvestigation())),
                code("1.4", "PMCF/PMPF investigation IDs", list(admin.pmcfPmpfIds()))),
                List.of(new Table("1.4 Other MIRs of this incident (several devices involved)", referenceHeaders,
                        rows(admin.otherMirs().stream().map(MirPdfContent::reference).toList(), 3), false),
                        new Table("1.4 Related field safety corrective actions (FSCA)", referenceHeaders,
                                rows(admin.fscaReferences().stream().map(MirPdfContent::reference).toList(), 3),
                                false)));
        return new Section("1", "Administrative information", List.of(references, dates, submitterGroup, related));
    }

    private static List<Field> party(String number, String role, Party party) {
        Party given = party == null ? new Party(null, null, null, null, null, null, null, null, null, null, null)
                : party;
        return List.of(
                field(number, role + ": name", given.name()),
                code(number, role + ": single registration number (SRN)", given.srn()),
                field(number, role + ": contact person, first name", given.contactFirstName()),
                field(number, role + ": contact person, family name", given.contactFamilyName()),
                field(number, role + ": street", given.street()),
                field(number, role + ": street number", given.streetNumber()),
                field(number, role + ": postcode", given.postcode()),
                field(number, role + ": city", given.city()),
                code(number, role + ": country", given.country()),
                field(number, role + ": telephone", given.phone()),
                field(number, role + ": e-mail", given.email()));
    }

    private static List<String> reference(ReportReference reference) {
        return List.of(text(reference.nca()), text(reference.eudamed()), text(reference.manufacturer()));
    }

    // ------------------------------------------------------------------------------------------------ §2

    private static Section device(DeviceInformation device) {
        var udi = new Group("2.1", "Unique device identification (UDI)", List.of(
                code("2.1", "UDI-DI", device.udiDi()),
                field("2.1", "UDI-DI issuing entity", device.udiDiIssuingEntity()),
                code("2.1", "UDI-PI", device.udiPi()),
                code("2.1", "Basic UDI-DI", device.basicUdiDi()),
                field("2.1", "Basic UDI-DI issuing entity", device.basicUdiDiIssuingEntity())), List.of());
        var nomenclature = new Group("2.2", "Nomenclature", List.of(
                field("2.2", "Nomenclature system", device.nomenclatureSystem()),
                code("2.2", "Nomenclature code", device.nomenclatureCode()),
                field("2.2", "Nomenclature term", device.nomenclatureText())), List.of());
        var details = new Group("2.3", "Device details", List.of(
                field("2.3.a", "Name of the device (brand or trade name)", device.deviceName()),
                field("2.3.b", "Intended purpose", device.intendedPurpose()),
                field("2.3", "Description of the device", device.description()),
                code("2.3.c", "Model number", device.modelNumber()),
                code("2.3.c", "Catalogue number", device.catalogueNumber()),
                code("2.3.d", "Serial number", device.serialNumber()),
                code("2.3.d", "Lot or batch number", device.lotNumber()),
                code("2.3.e", "Software version", device.softwareVersion()),
                code("2.3.e", "Firmware version", device.firmwareVersion()),
                field("2.3.f", "Date of manufacture", date(device.manufacturingDate())),
                field("2.3.f", "Expiry date", date(device.expiryDate())),
                field("2.3.g", "Implant date (or first day of the period)", date(device.implantedFrom())),
                field("2.3.g", "Implant date, last day of the period", date(device.implantedTo())),
                field("2.3.g", "Explant date (or first day of the period)", date(device.explantedFrom())),
                field("2.3.g", "Explant date, last day of the period", date(device.explantedTo())),
                field("2.3.g", "Facility that implanted the device", device.implantFacility()),
                field("2.3.g", "Facility that explanted the device", device.explantFacility())), List.of());
        var status = new Group("2.4", "Regulatory status", List.of(
                field("2.4.a", "Legislation the device is placed on the market under", device.legislation()),
                field("2.4.b", "Risk class", device.riskClass()),
                field("2.4.c", "Legacy device (MDR Art. 120(3))", yesNo(device.legacyDevice())),
                code("2.4.d", "Notified body number", device.notifiedBody()),
                code("2.4.d", "Notified body certificate number", device.certificateNumber()),
                field("2.4.e", "Incorporates a medicinal substance", yesNo(device.medicinalSubstance())),
                field("2.4.f", "Incorporates tissues or cells of human or animal origin",
                        yesNo(device.tissuesOrCells()))), List.of());
        MarketDistribution distribution = device.distribution();
        var market = new Group("2.5", "Market distribution", List.of(
                field("2.5", "Distributed in all EEA countries, Türkiye and Northern Ireland",
                        yesNo(distribution.allEea())),
                code("2.5", "EEA countries, TR and XI where distributed", list(distribution.eeaCountries())),
                code("2.5", "Other countries where distributed", list(distribution.otherCountries()))), List.of());
        var accessories = new Group("2.6", "Accessories and associated devices", List.of(
                field("2.6", "Accessories used with the device", device.accessories()),
                field("2.6", "Other devices used with the device", device.associatedDevices())), List.of());
        return new Section("2", "Medical device information",
                List.of(udi, nomenclature, details, status, market, accessories));
    }

    // ------------------------------------------------------------------------------------------------ §3

    private static Section incident(IncidentInformation incident) {
        var event = new Group("3.1", "Incident description", List.of(
                field("3.1", "Description of the incident", incident.description()),
                field("3.1", "Current location of the device", incident.deviceLocation()),
                field("3.1", "Operator of the device at the time of the incident", incident.operator()),
                field("3.1", "Usage of the device", incident.usage())), List.of());
        var problems = new Group("3.2", "Medical device problem", List.of(), List.of(
                codes("3.2 IMDRF Annex A: medical device problem codes", incident.deviceProblemCodes())));
        PatientInformation patient = incident.patient();
        var patientGroup = new Group("3.3", "Patient information", List.of(
                field("3.3", "Number of patients involved", number(incident.numberOfPatients())),
                field("3.3", "Number of medical devices involved", number(incident.numberOfDevices())),
                field("3.3", "Patient age at the time of the incident (years)", number(patient.ageYears())),
                field("3.3", "Patient sex", patient.sex()),
                field("3.3", "Patient weight (kg)", decimal(patient.weightKg())),
                field("3.3", "Patient height (cm)", decimal(patient.heightCm())),
                field("3.3", "Patient's prior medication and health conditions", patient.priorConditions())),
                List.of(codes("3.3 IMDRF Annex E: clinical signs, symptoms and conditions codes",
                        patient.clinicalCodes()),
                        codes("3.3 IMDRF Annex F: health impact codes", patient.healthImpactCodes())));
        InitialReporter reporter = incident.initialReporter();
        var reporterGroup = new Group("3.4", "Initial reporter", List.of(
                field("3.4", "Role of the initial reporter", reporter.role()),
                field("3.4", "Role of the initial reporter, when other", reporter.otherRole()),
                field("3.4", "Name of the healthcare facility", reporter.facilityName()),
                code("3.4", "Healthcare facility's reference number", reporter.facilityNumber()),
                code("3.4", "Country of the healthcare facility", reporter.facilityCountry())), List.of());
        return new Section("3", "Incident information", List.of(event, problems, patientGroup, reporterGroup));
    }

    // ------------------------------------------------------------------------------------------------ §4

    private static Section investigation(ManufacturerInvestigation investigation) {
        var preliminary = new Group("4.1", "Manufacturer's preliminary analysis and initial actions", List.of(
                field("4.1", "Manufacturer's preliminary analysis", investigation.preliminaryAnalysis()),
                field("4.1", "Initial actions taken by the manufacturer", investigation.initialActions()),
                field("4.1", "Further investigations", investigation.furtherInvestigations())), List.of());
        var results = new Group("4.2", "Results of the investigation", List.of(
                field("4.2", "Root cause", investigation.rootCause()),
                field("4.2", "Risk assessment reviewed", yesNo(investigation.riskAssessmentReviewed())),
                field("4.2", "Risk assessment remains adequate", yesNo(investigation.riskAssessmentAdequate()))),
                List.of(codes("4.2 IMDRF Annex B: type of investigation codes",
                        investigation.investigationTypeCodes()),
                        codes("4.2 IMDRF Annex C: investigation findings codes",
                                investigation.investigationFindingCodes()),
                        codes("4.2 IMDRF Annex D: investigation conclusions codes",
                                investigation.investigationConclusionCodes()),
                        codes("4.2 IMDRF Annex G: medical device component codes",
                                investigation.componentCodes())));
        SimilarIncidents similar = investigation.similarIncidents();
        List<List<String>> periods = similar.periods().stream().map(MirPdfContent::period).toList();
        var similarGroup = new Group("4.3", "Similar incidents", List.of(
                code("4.3", "IMDRF codes (or own coding) the similar incidents were found by", similar.codeBasis())),
                List.of(new Table("4.3 Similar incidents and units placed on the market per period",
                        List.of("From", "To", "Incidents EEA, TR, XI", "Units EEA, TR, XI", "Rate EEA, TR, XI",
                                "Incidents worldwide", "Units worldwide", "Rate worldwide"),
                        rows(periods, 8), true)));
        var actions = new Group("4.4", "Remedial, corrective and preventive actions", List.of(
                field("4.4", "Remedial actions", investigation.remedialActions()),
                field("4.4", "Corrective actions", investigation.correctiveActions()),
                field("4.4", "Preventive actions", investigation.preventiveActions()),
                field("4.4", "Field safety corrective action (FSCA) undertaken",
                        yesNo(investigation.fscaUndertaken()))), List.of());
        var conclusions = new Group("4.5", "Final comments", List.of(
                field("4.5", "Manufacturer's final comments and conclusions", investigation.finalComments())),
                List.of());
        return new Section("4", "Manufacturer's investigation",
                List.of(preliminary, results, similarGroup, actions, conclusions));
    }

    private static List<String> period(SimilarIncidentPeriod period) {
        return List.of(date(period.from()), date(period.to()), number(period.incidentsEea()),
                number(period.unitsEea()), percent(period.rateEea()), number(period.incidentsWorldwide()),
                number(period.unitsWorldwide()), percent(period.rateWorldwide()));
    }

    // ------------------------------------------------------------------------------------------------ §5

    private static Section comments(Comments comments) {
        return new Section("5", "Comments", List.of(new Group("5", "General comments and distribution", List.of(
                field("5", "General comments", comments.comments()),
                code("5", "Report also sent to these competent authorities", list(comments.distribution()))),
                List.of())));
    }

    // ------------------------------------------------------------------------------------------------ values

    private static Field field(String number, String label, String value) {
        return new Field(number, label, text(value), false);
    }

    private static Field code(String number, String label, String value) {
        return new Field(number, label, text(value), true);
    }

    /** IMDRF codes, one row each: the code value exactly as submitted. */
    private static Table codes(String caption, List<String> codes) {
        return new Table(caption, List.of("#", "Code"), codes.isEmpty() ? List.of(List.of(NOT_GIVEN, NOT_GIVEN))
                : java.util.stream.IntStream.range(0, codes.size())
                        .mapToObj(index -> List.of(String.valueOf(index + 1), text(codes.get(index)))).toList(),
                true);
    }

    private static List<List<String>> rows(List<List<String>> rows, int width) {
        return rows.isEmpty() ? List.of(java.util.Collections.nCopies(width, NOT_GIVEN)) : rows;
    }

    static String text(String value) {
        return value == null || value.isBlank() ? NOT_GIVEN : value;
    }

    private static String date(LocalDate date) {
        return date == null ? NOT_GIVEN : date.toString();
    }

    private static String yesNo(Boolean value) {
        return value == null ? NOT_GIVEN : value ? "Yes" : "No";
    }

    private static String number(Number value) {
        return value == null ? NOT_GIVEN : value.toString();
    }

    private static String decimal(BigDecimal value) {
        return value == null ? NOT_GIVEN : value.toPlainString();
    }

    private static String percent(BigDecimal rate) {
        return rate == null ? NOT_GIVEN : rate.toPlainString() + " %";
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? NOT_GIVEN : String.join(", ", values);
    }

    /** How the PDF states a point in time: {@code 2026-03-20 10:15:00 UTC+01:00}. */
    static String instant(OffsetDateTime time) {
        return time.format(SIGNED_AT);
    }
}
