package org.vigil.mir.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.vigil.mir.AdministrativeInformation;
import org.vigil.mir.DeviceInformation;
import org.vigil.mir.IncidentInformation;
import org.vigil.mir.ManufacturerInvestigation;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.Party;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.Submitter;
import org.vigil.mir.SubmitterRole;
import org.vigil.mir.validation.MirSections;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.BasicUdiDiCheck;
import org.vigil.udi.Gs1;
import org.vigil.udi.UdiResult;

/**
 * The rules a MIR 7.3.1 report must meet before it is sent, per report type (MDR Art. 87 and 89, IVDR Art. 82 and 84;
 * MDCG 2023-3 on what each report carries): what is required, how long a value may be, how dates, SRNs, UDI-DIs,
 * country and IMDRF codes are written, and that dates and counts agree with each other. Each problem names the form
 * element (its path in the MIR form XML), the MIR section and what to do, in plain words. Pure: no I/O, no clock.
 *
 * <p>Lengths are Vigil's limits, chosen so that every value fits the EUDAMED vigilance fields it is later copied into:
 * {@value #MAX_SHORT} characters for names, numbers and codes, {@value #MAX_TEXT} for narrative text.
 */
public final class MirReportCheck {

    /** Names, reference numbers, codes. */
    public static final int MAX_SHORT = 255;
    /** Descriptions, analyses, comments. */
    public static final int MAX_TEXT = 10_000;

    /** EUDAMED single registration number (MDR Art. 31): country, actor type, nine digits, e.g. DE-MF-000012345. */
    static final Pattern SRN = Pattern.compile("[A-Z]{2}-(MF|AR|IM|PR)-\\d{9}");
    /** An IMDRF adverse event code: the annex letter and two to eight digits, e.g. A0401 or E0101. */
    static final Pattern IMDRF = Pattern.compile("[A-G]\\d{2,8}");
    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** The EEA states, Türkiye and Northern Ireland: §2.5 and §4.3 count them together. */
    static final Set<String> EEA_TR_XI = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI",
            "NO", "TR", "XI");
    static final Set<String> LEGISLATIONS = Set.of("MDR", "IVDR", "AIMDD", "MDD", "IVDD");

    private static final String ADMIN = "/incident/admin_info/";
    private static final String CONTACT = ADMIN + "contact_info/";
    private static final String DEVICE = "/incident/device_info/";
    private static final String EVENT = "/incident/incident_info/clinical_event_info/";
    private static final String PATIENT = "/incident/incident_info/patient_info/";
    private static final String REPORTER = "/incident/incident_info/initial_reporter_info/";
    private static final String INVEST = "/incident/mfr_invest/";

    private final List<MirProblem> problems = new ArrayList<>();

    private MirReportCheck() {
    }

    /** Every problem of {@code report}, in the order of the form; empty when it may be sent. */
    public static List<MirProblem> check(MirReport report) {
        var check = new MirReportCheck();
        MirReportType type = report.administrative().reportType();
        check.administrative(report.administrative(), type);
        check.device(report.device());
        check.incident(report.incident(), type);
        check.investigation(report.investigation(), type);
        check.text("/incident/comments/generalComments", report.comments().comments(), MAX_TEXT);
        for (String authority : report.comments().distribution()) {
            check.text("/incident/comments/distributionNCA", authority, MAX_SHORT);
        }
        return List.copyOf(check.problems);
    }

    // ------------------------------------------------------------------------------------------------ §1

    private void administrative(AdministrativeInformation a, MirReportType type) {
        if (type == null) {
            problem(ADMIN + "reportType", "Choose the report type (§1.2.e): initial, follow-up, combined initial and "
                    + "final, final for a reportable incident or final for a non-reportable incident.");
        }
        required(ADMIN + "ncaName", a.competentAuthority(), "Name the competent authority the report goes to (§1.1).");
        required(ADMIN + "mfrRef", a.manufacturerReference(), "Give the manufacturer's reference number (§1.1).");
        text(ADMIN + "ncaReportNo", a.ncaReportNumber(), MAX_SHORT);
        text(ADMIN + "refNumEudamed", a.eudamedReportNumber(), MAX_SHORT);
        required(ADMIN + "reportDate", a.reportDate(), "Give the date of this report (§1.2.a).");
        required(ADMIN + "mfrAwarenessDate", a.awareness(), "Give the date the manufacturer became aware of the "
                + "incident (§1.2.c).");
        if (type != MirReportType.FINAL_NON_REPORTABLE) {
            required(ADMIN + "mfrAwarenessReportDate", a.reportabilityAwareness(), "Give the date the manufacturer "
                    + "became aware that the incident is reportable (§1.2.d); the reporting period runs from it "
                    + "(MDR Art. 87(3)).");
            required(ADMIN + "eventClassification", a.classification(), "Classify the incident (§1.2.g): serious "
                    + "public health threat, death, unanticipated serious deterioration in state of health, or all "
                    + "other reportable incidents.");
        }
        if (type == MirReportType.INITIAL || type == MirReportType.FOLLOW_UP) {
            required(ADMIN + "reportNextDate", a.nextReportDate(), "Give the expected date of the next report "
                    + "(§1.2.f); a " + type.formText().toLowerCase(Locale.ROOT) + " report is followed by another.");
        } else if (type != null && a.nextReportDate() != null) {
            problem(ADMIN + "reportNextDate", "A final report expects no next report (§1.2.f); remove the date.");
        }
        if (type == MirReportType.FOLLOW_UP || type == MirReportType.FINAL_REPORTABLE) {
            if (blank(a.ncaReportNumber()) && blank(a.eudamedReportNumber())) {
                problem(ADMIN + "ncaReportNo", "A follow-up or final report refers to the earlier report: give the "
                        + "competent authority's or the EUDAMED reference number (§1.1).");
            }
        }
        order(ADMIN + "adverseEventDateTo", a.incidentFrom(), a.incidentTo(), "The incident's last day (§1.2.b) is "
                + "before its first day.");
        order(ADMIN + "mfrAwarenessDate", a.incidentFrom(), a.awareness(), "The manufacturer cannot have become "
                + "aware of the incident (§1.2.c) before it began (§1.2.b).");
        order(ADMIN + "mfrAwarenessReportDate", a.awareness(), a.reportabilityAwareness(), "Awareness that the "
                + "incident is reportable (§1.2.d) cannot come before awareness of the incident (§1.2.c).");
        order(ADMIN + "reportDate", a.awareness(), a.reportDate(), "The report (§1.2.a) cannot be dated before the "
                + "manufacturer became aware of the incident (§1.2.c).");
        order(ADMIN + "reportNextDate", a.reportDate(), a.nextReportDate(), "The next report (§1.2.f) cannot be due "
                + "before this report's date (§1.2.a).");
        submitter(a.submitter());
        for (var reference : a.otherMirs()) {
            text(ADMIN + "otherMirReferences/otherMir/ncaRefMultiDev", reference.nca(), MAX_SHORT);
            text(ADMIN + "otherMirReferences/otherMir/mfrRefMultiDev", reference.manufacturer(), MAX_SHORT);
        }
        for (var reference : a.fscaReferences()) {
            text(ADMIN + "fscaReferences/fsca/ncaRefFSCA", reference.nca(), MAX_SHORT);
            text(ADMIN + "fscaReferences/fsca/mfrRefFSCA", reference.manufacturer(), MAX_SHORT);
        }
        if (Boolean.TRUE.equals(a.pmcfPmpfInvestigation()) && a.pmcfPmpfIds().isEmpty()) {
            problem(ADMIN + "pmcfpmpfId", "The incident arose in a PMCF/PMPF investigation: give its id (§1.4).");
        }
    }

    private void submitter(Submitter submitter) {
        if (submitter == null || submitter.manufacturer() == null) {
            problem(CONTACT + "reporterMfr/mfrDetails/mfrName", "Name the manufacturer with its SRN and contact "
                    + "person (§1.3).");
            if (submitter == null) {
                return;
            }
        }
        required(CONTACT + "reporterMfr/statusReporter", submitter.role(), "Say who submits the report: the "
                + "manufacturer, its authorised representative or another party (§1.3).");
        party(CONTACT + "reporterMfr/mfrDetails/mfr", submitter.manufacturer(), "MF");
        if (submitter.role() == SubmitterRole.AUTHORISED_REPRESENTATIVE && submitter.authorisedRepresentative() == null) {
            problem(CONTACT + "reporterAR/arDetails/ARName", "The authorised representative submits the report: "
                    + "name it with its SRN and contact person (§1.3).");
        }
        party(CONTACT + "reporterAR/arDetails/AR", submitter.authorisedRepresentative(), "AR");
        if (submitter.role() == SubmitterRole.OTHER) {
            if (submitter.other() == null) {
                problem(CONTACT + "reporterOther/otherDetails/otherName", "Another party submits the report: name it "
                        + "and its contact person (§1.3).");
            }
            required(CONTACT + "reporterMfr/statusReporterOther", submitter.otherRole(), "Say what the other "
                    + "submitter is, for example CH-REP (§1.3).");
        }
        party(CONTACT + "reporterOther/otherDetails/other", submitter.other(), null);
    }

    /** {@code prefix} is the element path up to the party's prefix, e.g. {@code …/mfrDetails/mfr}. */
    private void party(String prefix, Party party, String actorType) {
        if (party == null) {
            return;
        }
        required(prefix + "Name", party.name(), "Give the name (§1.3).");
        text(prefix + "Name", party.name(), MAX_SHORT);
        if (actorType != null) {
            required(prefix + "SRN", party.srn(), "Give the single registration number, e.g. DE-" + actorType
                    + "-000012345 (§1.3; MDR Art. 31).");
        }
        if (!blank(party.srn())) {
            if (!SRN.matcher(party.srn()).matches()) {
                problem(prefix + "SRN", "'" + party.srn() + "' is not a single registration number: two letters of "
                        + "the country, the actor type and nine digits, e.g. DE-" + (actorType == null ? "MF"
                                : actorType) + "-000012345 (§1.3; MDR Art. 31).");
            } else if (actorType != null && !party.srn().substring(3, 5).equals(actorType)) {
                problem(prefix + "SRN", "'" + party.srn() + "' is not the SRN of "
                        + ("MF".equals(actorType) ? "a manufacturer (XX-MF-…)" : "an authorised representative "
                                + "(XX-AR-…)") + " (§1.3).");
            }
        }
        required(prefix + "ContactPersonSecondName", party.contactFamilyName(), "Name the contact person (§1.3).");
        text(prefix + "ContactPersonFirstName", party.contactFirstName(), MAX_SHORT);
        text(prefix + "ContactPersonSecondName", party.contactFamilyName(), MAX_SHORT);
        text(prefix + "City", party.city(), MAX_SHORT);
        text(prefix + "Street", party.street(), MAX_SHORT);
        country(prefix + "Country", party.country());
        if (blank(party.email()) && blank(party.phone())) {
            problem(prefix + "EmailAddress", "Give an e-mail address or telephone number for the contact (§1.3).");
        }
        if (!blank(party.email()) && !EMAIL.matcher(party.email().strip()).matches()) {
            problem(prefix + "EmailAddress", "'" + party.email() + "' is not an e-mail address (§1.3).");
        }
    }

    // ------------------------------------------------------------------------------------------------ §2

    private void device(DeviceInformation d) {
        if (blank(d.udiDi()) && blank(d.basicUdiDi()) && blank(d.modelNumber()) && blank(d.catalogueNumber())) {
            problem(DEVICE + "udiDI", "Identify the device: give its UDI-DI, Basic UDI-DI, model or catalogue number "
                    + "(§2.1, §2.3.c).");
        }
        udiDi(d.udiDi(), d.udiDiIssuingEntity());
        if (!blank(d.basicUdiDi())) {
            BasicUdiDiCheck basic = BasicUdiDi.check(d.basicUdiDi().strip());
            if (!basic.valid()) {
                problem(DEVICE + "udiDIBasic", "'" + d.basicUdiDi() + "' is not a valid Basic UDI-DI: "
                        + basic.problems().getFirst().message() + " (§2.1; MDR Annex VI Part C 3.4).");
            }
        }
        required(DEVICE + "brandName", d.deviceName(), "Give the device's name (§2.3.a).");
        required(DEVICE + "deviceIntendedPurpose", d.intendedPurpose(), "State the device's intended purpose "
                + "(§2.3.b), separately from its name.");
        required(DEVICE + "nomenclatureCode", d.nomenclatureCode(), "Give the device's nomenclature code, "
                + "EMDN under the MDR (§2.2; MDR Art. 26).");
        text(DEVICE + "brandName", d.deviceName(), MAX_SHORT);
        text(DEVICE + "deviceIntendedPurpose", d.intendedPurpose(), MAX_TEXT);
        text(DEVICE + "deviceDescription", d.description(), MAX_TEXT);
        text(DEVICE + "deviceNomenclature", d.nomenclatureText(), MAX_SHORT);
        text(DEVICE + "udiPI", d.udiPi(), MAX_SHORT);
        text(DEVICE + "modelNum", d.modelNumber(), MAX_SHORT);
        text(DEVICE + "catalogNum", d.catalogueNumber(), MAX_SHORT);
        text(DEVICE + "serialNum", d.serialNumber(), MAX_SHORT);
        text(DEVICE + "batchNum", d.lotNumber(), MAX_SHORT);
        text(DEVICE + "deviceSoftwareVer", d.softwareVersion(), MAX_SHORT);
        text(DEVICE + "deviceFirmwareVer", d.firmwareVersion(), MAX_SHORT);
        order(DEVICE + "deviceExpiryDate", d.manufacturingDate(), d.expiryDate(), "The device cannot expire "
                + "(§2.3.f) before it was made.");
        order(DEVICE + "ImplantedDateTo", d.implantedFrom(), d.implantedTo(), "The implant date range (§2.3.g) ends "
                + "before it begins.");
        order(DEVICE + "ExplantedDateTo", d.explantedFrom(), d.explantedTo(), "The explant date range (§2.3.g) ends "
                + "before it begins.");
        order(DEVICE + "ExplantedDateFrom", d.implantedFrom(), d.explantedFrom(), "The device cannot be explanted "
                + "before it was implanted (§2.3.g).");
        if (!blank(d.legislation()) && !LEGISLATIONS.contains(d.legislation())) {
            problem(DEVICE + "AppLegislation", "'" + d.legislation() + "' is not a legislation of §2.4.a; choose "
                    + "MDR, IVDR, AIMDD, MDD or IVDD.");
        }
        if (Boolean.TRUE.equals(d.legacyDevice()) && ("MDR".equals(d.legislation()) || "IVDR".equals(d.legislation()))) {
            problem(DEVICE + "legacyDevice", "A legacy device is placed on the market under the directives "
                    + "(MDR Art. 120(3)), not under the " + d.legislation() + " (§2.4.a, §2.4.c).");
        }
        if (!blank(d.certificateNumber()) && blank(d.notifiedBody())) {
            problem(DEVICE + "nbIdNum", "A certificate is named: give the notified body's number that issued it "
                    + "(§2.4.d).");
        }
        if (!blank(d.notifiedBody()) && !d.notifiedBody().strip().matches("\\d{4}")) {
            problem(DEVICE + "nbIdNum", "'" + d.notifiedBody() + "' is not a notified body number: four digits, "
                    + "e.g. 0123 (§2.4.d).");
        }
        for (String country : d.distribution().eeaCountries()) {
            if (!EEA_TR_XI.contains(country)) {
                problem(DEVICE + "distribution/distributionEEA", "'" + country + "' is not an EEA country, Türkiye "
                        + "(TR) or Northern Ireland (XI); list it among the other countries (§2.5).");
            }
        }
        for (String country : d.distribution().otherCountries()) {
            country(DEVICE + "distribution/otherCountriesLI", country);
        }
    }

    private void udiDi(String udiDi, String issuingEntity) {
        if (blank(udiDi)) {
            return;
        }
        String di = udiDi.strip();
        boolean gs1 = issuingEntity == null ? di.chars().allMatch(Character::isDigit)
                : "GS1".equalsIgnoreCase(issuingEntity.strip());
        if (!gs1) {
            text(DEVICE + "udiDI", di, MAX_SHORT);
            return;
        }
        if (!di.matches("\\d{8}|\\d{12,14}")) {
            problem(DEVICE + "udiDI", "'" + di + "' is not a GS1 UDI-DI: a GTIN has 8, 12, 13 or 14 digits (§2.1).");
            return;
        }
        UdiResult parsed = Gs1.parseBracketed("(01)" + "0".repeat(14 - di.length()) + di);
        if (!parsed.valid()) {
            problem(DEVICE + "udiDI", "'" + di + "' is not a valid GS1 UDI-DI: "
                    + parsed.problems().getFirst().message() + " (§2.1).");
        }
    }

    // ------------------------------------------------------------------------------------------------ §3

    private void incident(IncidentInformation i, MirReportType type) {
        required(EVENT + "eventDescription", i.description(), "Describe the incident (§3.1).");
        text(EVENT + "eventDescription", i.description(), MAX_TEXT);
        if (type != MirReportType.FINAL_NON_REPORTABLE && i.deviceProblemCodes().isEmpty()) {
            problem(EVENT + "imdrfCodeChoice1", "Code the device problem with at least one IMDRF Annex A code "
                    + "(§3.2).");
        }
        codes(EVENT + "imdrfCodeChoice", i.deviceProblemCodes(), 'A', "§3.2");
        codes(PATIENT + "imdrfClinicalCodeChoice", i.patient().clinicalCodes(), 'E', "§3.3");
        codes(PATIENT + "imdrfHealthCodeChoice", i.patient().healthImpactCodes(), 'F', "§3.3");
        atLeast(EVENT + "numberOfPatients", i.numberOfPatients(), 0, "The number of patients involved (§3.3)");
        atLeast(EVENT + "numberOfDevices", i.numberOfDevices(), 1, "The number of devices involved (§3.3)");
        Integer age = i.patient().ageYears();
        if (age != null && (age < 0 || age > 150)) {
            problem(PATIENT + "patientAge", "The patient's age (§3.3) must lie between 0 and 150 years.");
        }
        range(PATIENT + "massKG", i.patient().weightKg(), 700, "The patient's weight in kg (§3.3)");
        range(PATIENT + "heightCM", i.patient().heightCm(), 300, "The patient's height in cm (§3.3)");
        if (i.patient().sex() != null
                && !Set.of("Male", "Female", "Other", "Unknown").contains(i.patient().sex())) {
            problem(PATIENT + "Gender", "'" + i.patient().sex() + "' is not one of Male, Female, Other, Unknown "
                    + "(§3.3).");
        }
        text(PATIENT + "patientPriorMedication", i.patient().priorConditions(), MAX_TEXT);
        if ("Other".equalsIgnoreCase(i.initialReporter().role()) && blank(i.initialReporter().otherRole())) {
            problem(REPORTER + "initialReporterRoleOther", "The initial reporter's role is Other: say what it is "
                    + "(§3.4).");
        }
        text(REPORTER + "healthcareFacilityName", i.initialReporter().facilityName(), MAX_SHORT);
        country(REPORTER + "healthcareFacilityCountry", i.initialReporter().facilityCountry());
    }

    // ------------------------------------------------------------------------------------------------ §4

    private void investigation(ManufacturerInvestigation m, MirReportType type) {
        required(INVEST + "manufacturersPrelimAnalysis", m.preliminaryAnalysis(), "Give the manufacturer's "
                + "preliminary analysis (§4.1).");
        text(INVEST + "manufacturersPrelimAnalysis", m.preliminaryAnalysis(), MAX_TEXT);
        text(INVEST + "manufacturersInitialCorrecAction", m.initialActions(), MAX_TEXT);
        text(INVEST + "furtherInvestigations", m.furtherInvestigations(), MAX_TEXT);
        codes(INVEST + "imdrfInvestigationTypeCodeChoice", m.investigationTypeCodes(), 'B', "§4.2");
        codes(INVEST + "imdrfInvestigationFindingCodeChoice", m.investigationFindingCodes(), 'C', "§4.2");
        codes(INVEST + "imdrfInvestigationConclusionCodeChoice", m.investigationConclusionCodes(), 'D', "§4.2");
        codes(INVEST + "imdrfComponentCodeChoice", m.componentCodes(), 'G', "§4.2");
        if (type != null && type.isFinal()) {
            required(INVEST + "rootCause", m.rootCause(), "A final report states the root cause the investigation "
                    + "found (§4.2; MDR Art. 89(5)).");
            if (m.investigationTypeCodes().isEmpty()) {
                problem(INVEST + "imdrfInvestigationTypeCodeChoice1", "A final report codes the type of "
                        + "investigation with at least one IMDRF Annex B code (§4.2).");
            }
            if (m.investigationFindingCodes().isEmpty()) {
                problem(INVEST + "imdrfInvestigationFindingCodeChoice1", "A final report codes the investigation's "
                        + "findings with at least one IMDRF Annex C code (§4.2).");
            }
            if (m.investigationConclusionCodes().isEmpty()) {
                problem(INVEST + "imdrfInvestigationConclusionCodeChoice1", "A final report codes the "
                        + "investigation's conclusion with at least one IMDRF Annex D code (§4.2).");
            }
            required(INVEST + "riskAssessmentReviewed", m.riskAssessmentReviewed(), "A final report says whether "
                    + "the risk assessment was reviewed (§4.2).");
            if (Boolean.TRUE.equals(m.riskAssessmentReviewed())) {
                required(INVEST + "riskAssessmentAdequate", m.riskAssessmentAdequate(), "Say whether the reviewed "
                        + "risk assessment remains adequate (§4.2).");
            }
            required(INVEST + "manufacturersFinalComments", m.finalComments(), "A final report gives the "
                    + "manufacturer's final comments and conclusions (§4.5).");
            if (type != MirReportType.FINAL_NON_REPORTABLE && m.similarIncidents().periods().isEmpty()) {
                problem(INVEST + "similarIncidents", "A final report of a reportable incident counts similar "
                        + "incidents per period, in the EEA, Türkiye and Northern Ireland and worldwide (§4.3).");
            }
        }
        if (Boolean.FALSE.equals(m.riskAssessmentReviewed()) && m.riskAssessmentAdequate() != null) {
            problem(INVEST + "riskAssessmentAdequate", "The risk assessment was not reviewed, so whether it remains "
                    + "adequate cannot be stated (§4.2).");
        }
        text(INVEST + "rootCause", m.rootCause(), MAX_TEXT);
        text(INVEST + "remedialActions", m.remedialActions(), MAX_TEXT);
        text(INVEST + "correctiveActions", m.correctiveActions(), MAX_TEXT);
        text(INVEST + "preventiveActions", m.preventiveActions(), MAX_TEXT);
        text(INVEST + "manufacturersFinalComments", m.finalComments(), MAX_TEXT);
        if (!m.similarIncidents().periods().isEmpty()) {
            required(INVEST + "similarIncidents/similarIncidentsBasis", m.similarIncidents().codeBasis(), "Say on "
                    + "which IMDRF codes similar incidents were counted (§4.3).");
        }
        int index = 0;
        for (SimilarIncidentPeriod period : m.similarIncidents().periods()) {
            index++;
            String path = INVEST + "similarIncidents/similarIncidentsPeriod" + (index == 1 ? "" : "[" + index + "]")
                    + "/";
            required(path + "periodFrom", period.from(), "Give the first day of the period (§4.3).");
            required(path + "periodTo", period.to(), "Give the last day of the period (§4.3).");
            order(path + "periodTo", period.from(), period.to(), "The period (§4.3) ends before it begins.");
            counts(path, "EEA", period.incidentsEea(), period.unitsEea());
            counts(path, "Worldwide", period.incidentsWorldwide(), period.unitsWorldwide());
            if (period.incidentsEea() != null && period.incidentsWorldwide() != null
                    && period.incidentsWorldwide() < period.incidentsEea()) {
                problem(path + "incidentsWorldwide", "The world includes the EEA, Türkiye and Northern Ireland: "
                        + "worldwide incidents cannot be fewer than there (§4.3).");
            }
            if (period.unitsEea() != null && period.unitsWorldwide() != null
                    && period.unitsWorldwide() < period.unitsEea()) {
                problem(path + "unitsWorldwide", "Units placed on the market worldwide cannot be fewer than in the "
                        + "EEA, Türkiye and Northern Ireland (§4.3).");
            }
        }
    }

    private void counts(String path, String area, Long incidents, Long units) {
        required(path + "incidents" + area, incidents, "Count the similar incidents (§4.3).");
        required(path + "units" + area, units, "Give the units placed on the market in the period (§4.3), from the "
                + "device register.");
        if (incidents != null && incidents < 0) {
            problem(path + "incidents" + area, "A count of incidents cannot be negative (§4.3).");
        }
        if (units != null && units <= 0) {
            problem(path + "units" + area, "With no unit on the market there is no rate; give the units placed on "
                    + "the market in the period (§4.3).");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void codes(String prefix, List<String> codes, char annex, String section) {
        for (int index = 0; index < codes.size(); index++) {
            String code = codes.get(index);
            if (!IMDRF.matcher(code).matches() || code.charAt(0) != annex) {
                problem(prefix + (index + 1), "'" + code + "' is not an IMDRF Annex " + annex + " code: the letter "
                        + annex + " and its digits, e.g. " + annex + "0101 (" + section + ").");
            }
        }
    }

    private void country(String path, String country) {
        if (!blank(country) && !COUNTRY.matcher(country).matches()) {
            problem(path, "'" + country + "' is not a country code: two capital letters, ISO 3166-1 (XI for "
                    + "Northern Ireland).");
        }
    }

    private void atLeast(String path, Integer value, int minimum, String what) {
        if (value != null && value < minimum) {
            problem(path, what + " must be at least " + minimum + ".");
        }
    }

    private void range(String path, BigDecimal value, int maximum, String what) {
        if (value != null && (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(maximum)) > 0)) {
            problem(path, what + " must be above 0 and at most " + maximum + ".");
        }
    }

    private void order(String path, LocalDate first, LocalDate second, String message) {
        if (first != null && second != null && second.isBefore(first)) {
            problem(path, message);
        }
    }

    private void required(String path, Object value, String message) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problem(path, message);
        }
    }

    private void text(String path, String value, int maximum) {
        if (value != null && value.length() > maximum) {
            problem(path, "The text is " + value.length() + " characters long; at most " + maximum
                    + " are allowed.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private void problem(String path, String message) {
        problems.add(new MirProblem(path, MirSections.of(path), 0, 0, message, ""));
    }
}
