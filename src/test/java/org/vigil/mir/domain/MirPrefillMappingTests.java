package org.vigil.mir.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.deadline.Classification;
import org.vigil.device.BasicUdiDiData;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.device.UnitsPlaced;
import org.vigil.incident.AgeUnit;
import org.vigil.incident.DeviceAvailability;
import org.vigil.incident.PersonInvolved;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportKind;
import org.vigil.incident.ReportedDevice;
import org.vigil.incident.Sex;
import org.vigil.mir.ManufacturerInvestigation;
import org.vigil.mir.MirForm;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportRules;
import org.vigil.mir.MirReportType;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.SimilarIncidents;
import org.vigil.mir.SubmitterRole;
import org.vigil.udi.IssuingEntity;

/**
 * The MIR 7.3.1 prefill (MDR Art. 87 and 89; MDCG 2023-3), field group by field group: each section comes from the
 * source that knows it, and nothing a hospital kept back (the reporter's name, the patient's pseudonym) reaches the
 * report.
 */
class MirPrefillMappingTests {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 6);
    static final String GTIN = "09506000134352";
    static final String BASIC = "4050000VIGILPUMP3F";
    static final String PSEUDONYM = "PSN-7f3a9c1e55";

    static ReportContent content(ReportedDevice device) {
        return new ReportContent(ReportKind.INCIDENT, null, device, LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 2), "ICU", "The pump delivered ten times the programmed bolus.",
                List.of("A0401", "A050101"), PersonInvolved.PATIENT, List.of("E0604"), List.of("F1201"), 8,
                AgeUnit.MONTHS, Sex.FEMALE, new BigDecimal("7.4"), PSEUDONYM, DeviceAvailability.AVAILABLE,
                "Safety office, cupboard 2", false);
    }

    static ReportedDevice scanned() {
        return new ReportedDevice("(01)" + GTIN + "(11)250601(17)280601(10)LOT4711(21)SN000123", GTIN, null,
                null, "InfuStar 3", null, null, "LOT4711", "SN000123", LocalDate.of(2028, 6, 1), null);
    }

    static PrefillSources.RegisteredDevice registered() {
        var basic = new BasicUdiDiData(BASIC, "Insulin pump", "Continuous subcutaneous insulin infusion",
                Legislation.MDR, false, RiskClass.MDR_IIB, false, true, false, false,
                MedicinalSubstance.NONE, false, true, "0123", List.of("CE-0123-IS3-2024"), "DE-MF-000012345",
                null);
        var udi = new UdiDiData(BASIC, GTIN, IssuingEntity.GS1, "InfuStar 3", "IS3-200", "CAT-IS3-200-EU",
                "Z12030501", "3.2.1", "FW 1.9", List.of(),
                List.of(new MarketPlacement("DE", LocalDate.of(2024, 1, 1), null),
                        new MarketPlacement("XI", LocalDate.of(2024, 3, 1), null),
                        new MarketPlacement("US", LocalDate.of(2025, 1, 1), null),
                        new MarketPlacement("TR", LocalDate.of(2025, 1, 1), null)));
        return new PrefillSources.RegisteredDevice(basic, udi);
    }

    static PrefillSources.SubmitterFacts manufacturerSubmits() {
        return new PrefillSources.SubmitterFacts(new PrefillSources.Organisation("Vigil Demo Medical GmbH",
                "DE-MF-000012345", "DE"), false, null, "Anna Maria Berger", "anna.berger@demo-medical.example");
    }

    static PrefillSources sources(PrefillSources.RegisteredDevice device, ReportContent content) {
        return new PrefillSources(OffsetDateTime.parse("2026-05-06T09:30:00+02:00"), TODAY,
                new PrefillSources.CaseFacts("CASE-2026-00042", "InfuStar 3", null, null, null),
                new PrefillSources.HospitalReport("IR-2026-00017", "Charité Berlin", "DE", content), device,
                "Insulin infusion pumps",
                new PrefillSources.Decision(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 4),
                        Classification.UNANTICIPATED_SERIOUS_DETERIORATION, "DE"),
                "DE-CA-000000001", LocalDate.of(2026, 6, 30), null, manufacturerSubmits(),
                List.of(new PrefillSources.SimilarCase(LocalDate.of(2026, 5, 1), "DE")),
                monthlyUnits());
    }

    /** 400 units a month in Germany and 600 in the US from April 2025 to May 2026. */
    static List<UnitsPlaced> monthlyUnits() {
        var units = new java.util.ArrayList<UnitsPlaced>();
        for (var month = YearMonth.of(2025, 4); !month.isAfter(YearMonth.of(2026, 5)); month = month.plusMonths(1)) {
            units.add(new UnitsPlaced(GTIN, "DE", month, 400));
            units.add(new UnitsPlaced(GTIN, "US", month, 600));
        }
        return units;
    }

    static PrefillSources standard() {
        return sources(registered(), content(scanned()));
    }

    @Test
    void awareness_reportability_awareness_and_classification_come_from_the_signed_decision_MIR_1_2_c_d_g() {
        var admin = MirPrefillMapping.prefill(standard(), MirReportType.INITIAL).administrative();

        assertThat(admin.awareness()).isEqualTo(LocalDate.of(2026, 5, 2));
        assertThat(admin.reportabilityAwareness()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(admin.classification()).isEqualTo(Classification.UNANTICIPATED_SERIOUS_DETERIORATION);
    }

    @Test
    void before_a_decision_is_signed_awareness_and_classification_stay_empty_for_a_person_MIR_1_2_c_d_g() {
        var s = standard();
        var undecided = new PrefillSources(s.now(), s.today(), s.caseFacts(), s.hospitalReport(), s.device(),
                s.emdnTerm(), null, null, null, null, s.submitter(), s.similarCases(), s.unitsPlaced());
        var admin = MirPrefillMapping.prefill(undecided, MirReportType.INITIAL).administrative();

        assertThat(admin.awareness()).isNull();
        assertThat(admin.reportabilityAwareness()).isNull();
        assertThat(admin.classification()).isNull();
        assertThat(admin.competentAuthority()).isNull();
    }

    @Test
    void the_report_is_dated_today_in_the_manufacturers_zone_with_the_case_number_as_reference_MIR_1_1_and_1_2_a_b() {
        var report = MirPrefillMapping.prefill(standard(), MirReportType.INITIAL);
        var admin = report.administrative();

        assertThat(admin.reportDate()).isEqualTo(TODAY);
        assertThat(report.created()).isEqualTo(OffsetDateTime.parse("2026-05-06T09:30:00+02:00"));
        assertThat(admin.reportType()).isEqualTo(MirReportType.INITIAL);
        assertThat(admin.manufacturerReference()).isEqualTo("CASE-2026-00042");
        assertThat(admin.incidentFrom()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(admin.nextReportDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(report.formLanguage()).isEqualTo("en");
    }

    @Test
    void the_competent_authority_is_the_incident_countrys_and_an_initial_report_has_no_authority_reference_MIR_1_1() {
        var s = standard();
        var withReference = new PrefillSources(s.now(), s.today(), s.caseFacts(), s.hospitalReport(), s.device(),
                s.emdnTerm(), s.decision(), s.competentAuthority(), s.nextReportDue(), "BfArM-2026-0815",
                s.submitter(), s.similarCases(), s.unitsPlaced());

        var initial = MirPrefillMapping.prefill(withReference, MirReportType.INITIAL).administrative();
        var followUp = MirPrefillMapping.prefill(withReference, MirReportType.FOLLOW_UP).administrative();

        assertThat(initial.competentAuthority()).isEqualTo("DE-CA-000000001");
        assertThat(initial.ncaReportNumber()).isNull();
        assertThat(followUp.ncaReportNumber()).isEqualTo("BfArM-2026-0815");
    }

    @Test
    void a_final_report_expects_no_next_report_and_a_non_reportable_one_has_no_classification_MIR_1_2_f_g() {
        var nonReportable = MirPrefillMapping.prefill(standard(), MirReportType.FINAL_NON_REPORTABLE).administrative();
        var fin = MirPrefillMapping.prefill(standard(), MirReportType.FINAL_REPORTABLE).administrative();

        assertThat(nonReportable.classification()).isNull();
        assertThat(nonReportable.reportabilityAwareness()).isNull();
        assertThat(nonReportable.nextReportDate()).isNull();
        assertThat(fin.nextReportDate()).isNull();
        assertThat(fin.classification()).isEqualTo(Classification.UNANTICIPATED_SERIOUS_DETERIORATION);
    }

    @Test
    void the_manufacturer_submits_with_its_SRN_and_the_signed_in_user_as_contact_MIR_1_3() {
        var submitter = MirPrefillMapping.prefill(standard(), MirReportType.INITIAL).administrative().submitter();

        assertThat(submitter.role()).isEqualTo(SubmitterRole.MANUFACTURER);
        assertThat(submitter.authorisedRepresentative()).isNull();
        var manufacturer = submitter.manufacturer();
        assertThat(manufacturer.name()).isEqualTo("Vigil Demo Medical GmbH");
        assertThat(manufacturer.srn()).isEqualTo("DE-MF-000012345");
        assertThat(manufacturer.country()).isEqualTo("DE");
        assertThat(manufacturer.contactFirstName()).isEqualTo("Anna Maria");
        assertThat(manufacturer.contactFamilyName()).isEqualTo("Berger");
        assertThat(manufacturer.email()).isEqualTo("anna.berger@demo-medical.example");
    }

    @Test
    void an_authorised_representative_submits_for_the_manufacturer_it_names_MIR_1_3_and_MDR_Art_11_3_g() {
        var s = standard();
        var representative = new PrefillSources.SubmitterFacts(new PrefillSources.Organisation("EU Rep Services B.V.",
                "NL-AR-000000987", "NL"), true, new PrefillSources.Organisation("Pump Maker Inc.",
                "US-MF-000000042", "US"), "Jan de Vries", "rep@eurep.example");
        var sources = new PrefillSources(s.now(), s.today(), s.caseFacts(), s.hospitalReport(), s.device(),
                s.emdnTerm(), s.decision(), s.competentAuthority(), s.nextReportDue(), null, representative,
                s.similarCases(), s.unitsPlaced());

        var submitter = MirPrefillMapping.prefill(sources, MirReportType.INITIAL).administrative().submitter();

        assertThat(submitter.role()).isEqualTo(SubmitterRole.AUTHORISED_REPRESENTATIVE);
        assertThat(submitter.authorisedRepresentative().srn()).isEqualTo("NL-AR-000000987");
        assertThat(submitter.authorisedRepresentative().contactFamilyName()).isEqualTo("Vries");
        assertThat(submitter.manufacturer().srn()).isEqualTo("US-MF-000000042");
        assertThat(submitter.manufacturer().contactFamilyName()).isNull();
    }

    @Test
    void a_registered_device_is_described_from_the_register_and_the_scan_MIR_2_1_to_2_4() {
        var device = MirPrefillMapping.prefill(standard(), MirReportType.INITIAL).device();

        assertThat(device.udiDi()).isEqualTo(GTIN);
        assertThat(device.udiDiIssuingEntity()).isEqualTo("GS1");
        assertThat(device.udiPi()).isEqualTo("(11)250601(17)280601(10)LOT4711(21)SN000123");
        assertThat(device.basicUdiDi()).isEqualTo(BASIC);
        assertThat(device.basicUdiDiIssuingEntity()).isEqualTo("GS1");
        assertThat(device.nomenclatureSystem()).isEqualTo("EMDN");
        assertThat(device.nomenclatureCode()).isEqualTo("Z12030501");
        assertThat(device.nomenclatureText()).isEqualTo("Insulin infusion pumps");
        assertThat(device.deviceName()).isEqualTo("InfuStar 3");
        assertThat(device.intendedPurpose()).isEqualTo("Continuous subcutaneous insulin infusion");
        assertThat(device.modelNumber()).isEqualTo("IS3-200");
        assertThat(device.catalogueNumber()).isEqualTo("CAT-IS3-200-EU");
        assertThat(device.lotNumber()).isEqualTo("LOT4711");
        assertThat(device.serialNumber()).isEqualTo("SN000123");
        assertThat(device.manufacturingDate()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(device.expiryDate()).isEqualTo(LocalDate.of(2028, 6, 1));
        assertThat(device.softwareVersion()).isEqualTo("3.2.1");
        assertThat(device.firmwareVersion()).isEqualTo("FW 1.9");
        assertThat(device.legislation()).isEqualTo("MDR");
        assertThat(device.riskClass()).isEqualTo("IIb");
        assertThat(device.legacyDevice()).isFalse();
        assertThat(device.notifiedBody()).isEqualTo("0123");
        assertThat(device.certificateNumber()).isEqualTo("CE-0123-IS3-2024");
        assertThat(device.medicinalSubstance()).isFalse();
        assertThat(device.tissuesOrCells()).isTrue();
    }

    @Test
    void a_device_described_in_words_is_taken_from_the_hospitals_words_MIR_2_3() {
        var words = new ReportedDevice(null, null, null, "Acme Devices Ltd", "Acme infusion set", "IS-2", "REF-9",
                "L7", null, null, "1.0");
        var device = MirPrefillMapping.prefill(sources(null, content(words)), MirReportType.INITIAL).device();

        assertThat(device.udiDi()).isNull();
        assertThat(device.basicUdiDi()).isNull();
        assertThat(device.deviceName()).isEqualTo("Acme infusion set");
        assertThat(device.modelNumber()).isEqualTo("IS-2");
        assertThat(device.catalogueNumber()).isEqualTo("REF-9");
        assertThat(device.lotNumber()).isEqualTo("L7");
        assertThat(device.softwareVersion()).isEqualTo("1.0");
        assertThat(device.intendedPurpose()).isNull();
        assertThat(device.nomenclatureCode()).isNull();
        assertThat(device.distribution().eeaCountries()).isEmpty();
    }

    @Test
    void distribution_lists_the_EEA_Turkiye_and_Northern_Ireland_apart_from_the_other_countries_MIR_2_5() {
        var distribution = MirPrefillMapping.prefill(standard(), MirReportType.INITIAL).device().distribution();

        assertThat(distribution.eeaCountries()).containsExactly("DE", "TR", "XI");
        assertThat(distribution.otherCountries()).containsExactly("US");
        assertThat(distribution.allEea()).isFalse();
    }

    @Test
    void codes_patient_data_and_the_devices_whereabouts_come_from_the_hospitals_report_MIR_3_1_to_3_3() {
        var incident = MirPrefillMapping.prefill(standard(), MirReportType.INITIAL).incident();

        assertThat(incident.description()).isEqualTo("The pump delivered ten times the programmed bolus.");
        assertThat(incident.deviceProblemCodes()).containsExactly("A0401", "A050101");
        assertThat(incident.patient().clinicalCodes()).containsExactly("E0604");
        assertThat(incident.patient().healthImpactCodes()).containsExactly("F1201");
        assertThat(incident.patient().ageYears()).as("8 months is 0 years").isZero();
        assertThat(incident.patient().sex()).isEqualTo("Female");
        assertThat(incident.patient().weightKg()).isEqualByComparingTo("7.4");
        assertThat(incident.numberOfPatients()).isEqualTo(1);
        assertThat(incident.numberOfDevices()).isEqualTo(1);
        assertThat(incident.deviceLocation()).isEqualTo("At the healthcare facility: Safety office, cupboard 2");
    }

    @Test
    void the_initial_reporter_is_the_hospital_and_neither_the_reporter_nor_the_patient_pseudonym_appears_MIR_3_4() {
        var report = MirPrefillMapping.prefill(standard(), MirReportType.INITIAL);
        var reporter = report.incident().initialReporter();

        assertThat(reporter.role()).isEqualTo("Healthcare professional");
        assertThat(reporter.facilityName()).isEqualTo("Charité Berlin");
        assertThat(reporter.facilityNumber()).isEqualTo("IR-2026-00017");
        assertThat(reporter.facilityCountry()).isEqualTo("DE");
        assertThat(new String(MirForm.write(report), java.nio.charset.StandardCharsets.UTF_8)).contains("Charité Berlin")
                .doesNotContain(PSEUDONYM);
        assertThat(report.toString()).doesNotContain(PSEUDONYM);
    }

    @Test
    void the_case_root_cause_and_for_a_final_report_its_outcome_fill_the_investigation_MIR_4_2_and_4_5() {
        var s = standard();
        var closed = new PrefillSources(s.now(), s.today(), new PrefillSources.CaseFacts("CASE-2026-00042",
                "InfuStar 3", null, "Pump software corrected; no further events.", "Locale-dependent parsing."),
                s.hospitalReport(), s.device(), s.emdnTerm(), s.decision(), s.competentAuthority(), null, null,
                s.submitter(), s.similarCases(), s.unitsPlaced());

        var initial = MirPrefillMapping.prefill(closed, MirReportType.INITIAL).investigation();
        var fin = MirPrefillMapping.prefill(closed, MirReportType.FINAL_REPORTABLE).investigation();

        assertThat(initial.rootCause()).isEqualTo("Locale-dependent parsing.");
        assertThat(initial.finalComments()).isNull();
        assertThat(fin.finalComments()).isEqualTo("Pump software corrected; no further events.");
        assertThat(fin.preliminaryAnalysis()).as("only a person analyses").isNull();
        assertThat(fin.investigationTypeCodes()).isEmpty();
    }

    @Test
    void an_initial_report_of_a_registered_device_lacks_only_the_preliminary_analysis_MIR_4_1_and_MDCG_2023_3() {
        var report = MirPrefillMapping.prefill(standard(), MirReportType.INITIAL);

        assertThat(MirReportRules.check(report)).extracting(MirProblem::xpath)
                .containsExactly("/incident/mfr_invest/manufacturersPrelimAnalysis");
        var current = report.investigation().similarIncidents().periods().getLast();
        assertThat(current.incidentsEea()).isEqualTo(1);
        assertThat(current.unitsEea()).isEqualTo(800);
        assertThat(current.unitsWorldwide()).isEqualTo(2_000);
    }

    @Test
    void a_prefilled_report_is_written_as_MIR_form_7_3_1_and_reads_back_unchanged() throws Exception {
        var report = MirPrefillMapping.prefill(standard(), MirReportType.INITIAL);
        byte[] xml = MirForm.write(report);

        var read = MirForm.read(new java.io.ByteArrayInputStream(xml));
        assertThat(read.problems()).isEmpty();
        assertThat(read.report()).isEqualTo(report);
        var validated = org.vigil.mir.MirValidation.withDefaults().validate(new java.io.ByteArrayInputStream(xml));
        assertThat(validated.kind()).isEqualTo(org.vigil.mir.MirDocumentKind.MIR_FORM);
        assertThat(validated.problems()).as("a well-formed MIR 7.3.1 form").isEmpty();
    }

    @Test
    void a_combined_initial_and_final_report_lacks_only_what_the_investigation_adds_MIR_4_and_MDR_Art_89_5() {
        var problems = MirReportRules.check(MirPrefillMapping.prefill(standard(), MirReportType.INITIAL_AND_FINAL));

        assertThat(problems).extracting(MirProblem::xpath).containsExactly(
                "/incident/mfr_invest/manufacturersPrelimAnalysis", "/incident/mfr_invest/rootCause",
                "/incident/mfr_invest/imdrfInvestigationTypeCodeChoice1",
                "/incident/mfr_invest/imdrfInvestigationFindingCodeChoice1",
                "/incident/mfr_invest/imdrfInvestigationConclusionCodeChoice1",
                "/incident/mfr_invest/riskAssessmentReviewed", "/incident/mfr_invest/manufacturersFinalComments");
    }

    @Test
    void a_complaint_without_a_hospital_report_still_prefills_its_description_and_device_name_MDR_Art_87() {
        var s = standard();
        var complaint = new PrefillSources(s.now(), s.today(), new PrefillSources.CaseFacts("CMP-2026-00003",
                "Acme infusion set", "Caller reports a leaking set.", null, null), null, null, null, s.decision(),
                s.competentAuthority(), null, null, s.submitter(), List.of(), List.of());

        var report = MirPrefillMapping.prefill(complaint, MirReportType.INITIAL);

        assertThat(report.device().deviceName()).isEqualTo("Acme infusion set");
        assertThat(report.incident().description()).isEqualTo("Caller reports a leaking set.");
        assertThat(report.incident().initialReporter().facilityName()).isNull();
        assertThat(report.investigation().similarIncidents().periods()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ continuation

    static MirReport submittedInitial() {
        var initial = MirPrefillMapping.prefill(standard(), MirReportType.INITIAL);
        var a = initial.administrative();
        var admin = new org.vigil.mir.AdministrativeInformation(a.competentAuthority(), "BfArM-2026-0815",
                "MIR-EU-2026-000123", "VDM-MIR-2026-017", a.reportDate(), a.incidentFrom(), a.incidentTo(),
                a.awareness(), a.reportabilityAwareness(), a.reportType(), a.nextReportDate(), a.classification(),
                a.submitter(), a.otherMirs(), a.fscaReferences(), a.psrIds(), a.pmcfPmpfInvestigation(),
                a.pmcfPmpfIds());
        var m = initial.investigation();
        var investigation = new ManufacturerInvestigation("Bolus calculator suspected.", m.initialActions(),
                "Log analysis ongoing.", List.of("B17"), List.of("C0402"), List.of(), List.of("G04001"),
                m.rootCause(), null, null, null, null, null, null, null, m.similarIncidents());
        return new MirReport(initial.formLanguage(), initial.created(), admin, initial.device(), initial.incident(),
                investigation, initial.comments());
    }

    static PrefillSources later(String outcome, String rootCause, Classification classification) {
        var s = standard();
        return new PrefillSources(OffsetDateTime.parse("2026-07-01T11:00:00+02:00"), LocalDate.of(2026, 7, 1),
                new PrefillSources.CaseFacts("CASE-2026-00042", "InfuStar 3", null, outcome, rootCause),
                s.hospitalReport(), s.device(), s.emdnTerm(), new PrefillSources.Decision(LocalDate.of(2026, 5, 2),
                        LocalDate.of(2026, 5, 4), classification, "DE"), "DE-CA-000000001", null, "BfArM-other",
                s.submitter(), List.of(new PrefillSources.SimilarCase(LocalDate.of(2026, 5, 1), "DE"),
                        new PrefillSources.SimilarCase(LocalDate.of(2026, 6, 20), "US")),
                s.unitsPlaced());
    }

    @Test
    void a_follow_up_keeps_the_references_and_edits_of_the_previous_version_and_takes_the_new_type_and_date_MDR_Art_89_1() {
        var followUp = MirPrefillMapping.continueFrom(submittedInitial(), MirReportType.FOLLOW_UP,
                later(null, null, Classification.UNANTICIPATED_SERIOUS_DETERIORATION));
        var admin = followUp.administrative();

        assertThat(admin.reportType()).isEqualTo(MirReportType.FOLLOW_UP);
        assertThat(admin.reportDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(admin.ncaReportNumber()).isEqualTo("BfArM-2026-0815");
        assertThat(admin.eudamedReportNumber()).isEqualTo("MIR-EU-2026-000123");
        assertThat(admin.manufacturerReference()).isEqualTo("VDM-MIR-2026-017");
        assertThat(admin.nextReportDate()).as("the previous expectation lies in the past").isNull();
        assertThat(followUp.investigation().preliminaryAnalysis()).isEqualTo("Bolus calculator suspected.");
        assertThat(followUp.investigation().investigationTypeCodes()).containsExactly("B17");
        assertThat(followUp.investigation().componentCodes()).containsExactly("G04001");
        assertThat(followUp.created()).isEqualTo(OffsetDateTime.parse("2026-07-01T11:00:00+02:00"));
    }

    @Test
    void a_final_report_takes_the_outcome_root_cause_and_classification_the_case_now_has_MDR_Art_89_5() {
        var fin = MirPrefillMapping.continueFrom(submittedInitial(), MirReportType.FINAL_REPORTABLE,
                later("Software corrected in 3.2.2.", "Locale-dependent number parsing.", Classification.DEATH));

        assertThat(fin.administrative().reportType()).isEqualTo(MirReportType.FINAL_REPORTABLE);
        assertThat(fin.administrative().nextReportDate()).isNull();
        assertThat(fin.administrative().classification()).isEqualTo(Classification.DEATH);
        assertThat(fin.investigation().rootCause()).isEqualTo("Locale-dependent number parsing.");
        assertThat(fin.investigation().finalComments()).isEqualTo("Software corrected in 3.2.2.");
        assertThat(fin.investigation().investigationFindingCodes()).containsExactly("C0402");
    }

    @Test
    void a_continuation_fills_an_authority_reference_the_previous_version_lacked_MIR_1_1() {
        var initial = MirPrefillMapping.prefill(standard(), MirReportType.INITIAL);
        var followUp = MirPrefillMapping.continueFrom(initial, MirReportType.FOLLOW_UP,
                later(null, null, Classification.UNANTICIPATED_SERIOUS_DETERIORATION));

        assertThat(followUp.administrative().ncaReportNumber()).isEqualTo("BfArM-other");
        assertThat(followUp.administrative().manufacturerReference()).isEqualTo("CASE-2026-00042");
    }

    @Test
    void a_continuation_recounts_similar_incidents_but_keeps_a_code_basis_a_person_replaced_MIR_4_3() {
        var recounted = MirPrefillMapping.continueFrom(submittedInitial(), MirReportType.FINAL_REPORTABLE,
                later("Done.", "Cause.", Classification.UNANTICIPATED_SERIOUS_DETERIORATION));
        long worldwide = recounted.investigation().similarIncidents().periods().stream()
                .mapToLong(SimilarIncidentPeriod::incidentsWorldwide).sum();
        assertThat(worldwide).isEqualTo(2);

        var previous = submittedInitial();
        var m = previous.investigation();
        var own = new SimilarIncidents("Own complaint coding: PUMP-OVERDOSE",
                List.of(new SimilarIncidentPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 3L, 100L,
                        5L, 200L)));
        var edited = new MirReport(previous.formLanguage(), previous.created(), previous.administrative(),
                previous.device(), previous.incident(), new ManufacturerInvestigation(m.preliminaryAnalysis(),
                        m.initialActions(), m.furtherInvestigations(), m.investigationTypeCodes(),
                        m.investigationFindingCodes(), m.investigationConclusionCodes(), m.componentCodes(),
                        m.rootCause(), null, null, null, null, null, null, null, own), previous.comments());
        var kept = MirPrefillMapping.continueFrom(edited, MirReportType.FOLLOW_UP,
                later(null, null, Classification.UNANTICIPATED_SERIOUS_DETERIORATION));
        assertThat(kept.investigation().similarIncidents()).isEqualTo(own);
    }
}
