package org.vigil.mir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.mir.model.MirReportExamples.complete;
import static org.vigil.mir.model.MirReportExamples.withAdmin;
import static org.vigil.mir.model.MirReportExamples.withDevice;
import static org.vigil.mir.model.MirReportExamples.withIncident;
import static org.vigil.mir.model.MirReportExamples.withInvestigation;
import static org.vigil.mir.model.Records.with;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.mir.MarketDistribution;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportRules;
import org.vigil.mir.MirReportType;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.SimilarIncidents;
import org.vigil.mir.Submitter;
import org.vigil.shared.InvalidInputException;

/**
 * {@link MirReportRules}: what each MIR 7.3.1 report type must carry (MDR Art. 87 and 89; MDCG 2023-3), lengths and
 * formats, each problem placed by the form element's path and its MIR section.
 */
class MirReportRulesTests {

    private static List<MirProblem> problems(MirReport report) {
        return MirReportRules.check(report);
    }

    private static List<String> paths(MirReport report) {
        return problems(report).stream().map(MirProblem::xpath).toList();
    }

    private static MirReport admin(MirReportType type, String component, Object value) {
        MirReport report = complete(type);
        return withAdmin(report, with(report.administrative(), component, value));
    }

    private static MirReport device(String component, Object value) {
        MirReport report = complete(MirReportType.INITIAL);
        return withDevice(report, with(report.device(), component, value));
    }

    private static MirReport investigation(MirReportType type, String component, Object value) {
        MirReport report = complete(type);
        return withInvestigation(report, with(report.investigation(), component, value));
    }

    @ParameterizedTest
    @EnumSource(MirReportType.class)
    void a_complete_report_of_each_type_has_no_problem(MirReportType type) {
        assertThat(problems(complete(type))).isEmpty();
        MirReportRules.requireValid(complete(type));
    }

    // ------------------------------------------------------------------------------------------------ §1

    @Test
    void every_report_states_its_type_section_1_2_e() {
        assertThat(problems(admin(MirReportType.INITIAL, "reportType", null))).anySatisfy(problem -> {
            assertThat(problem.xpath()).isEqualTo("/incident/admin_info/reportType");
            assertThat(problem.mirSection()).isEqualTo("§1 administrative information");
        });
    }

    @Test
    void a_reportable_incident_needs_the_date_of_awareness_of_reportability_section_1_2_d_a_non_reportable_one_not() {
        assertThat(paths(admin(MirReportType.INITIAL, "reportabilityAwareness", null)))
                .containsExactly("/incident/admin_info/mfrAwarenessReportDate");
        assertThat(paths(admin(MirReportType.FINAL_NON_REPORTABLE, "reportabilityAwareness", null))).isEmpty();
    }

    @Test
    void every_report_needs_the_date_of_awareness_of_the_incident_section_1_2_c() {
        assertThat(paths(admin(MirReportType.FINAL_NON_REPORTABLE, "awareness", null)))
                .containsExactly("/incident/admin_info/mfrAwarenessDate");
    }

    @Test
    void a_reportable_incident_is_classified_section_1_2_g_a_non_reportable_one_need_not_be() {
        assertThat(paths(admin(MirReportType.FOLLOW_UP, "classification", null)))
                .containsExactly("/incident/admin_info/eventClassification");
        assertThat(paths(admin(MirReportType.FINAL_NON_REPORTABLE, "classification", null))).isEmpty();
    }

    @Test
    void initial_and_follow_up_reports_give_the_expected_date_of_the_next_report_section_1_2_f_final_reports_none() {
        assertThat(paths(admin(MirReportType.INITIAL, "nextReportDate", null)))
                .containsExactly("/incident/admin_info/reportNextDate");
        assertThat(paths(admin(MirReportType.FOLLOW_UP, "nextReportDate", null)))
                .containsExactly("/incident/admin_info/reportNextDate");
        assertThat(problems(admin(MirReportType.FINAL_REPORTABLE, "nextReportDate", LocalDate.of(2026, 5, 1))))
                .singleElement().extracting(MirProblem::message).asString().contains("expects no next report");
    }

    @Test
    void a_follow_up_refers_to_the_earlier_report_by_the_authoritys_or_eudamed_number_section_1_1() {
        assertThat(paths(admin(MirReportType.FOLLOW_UP, "ncaReportNumber", null)))
                .containsExactly("/incident/admin_info/ncaReportNo");
        MirReport byEudamed = admin(MirReportType.FOLLOW_UP, "ncaReportNumber", null);
        byEudamed = withAdmin(byEudamed, with(byEudamed.administrative(), "eudamedReportNumber", "MIR-0001"));
        assertThat(problems(byEudamed)).isEmpty();
    }

    @Test
    void awareness_of_reportability_cannot_come_before_awareness_of_the_incident_section_1_2_c_d() {
        assertThat(problems(admin(MirReportType.INITIAL, "reportabilityAwareness", LocalDate.of(2026, 3, 3))))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.xpath()).isEqualTo("/incident/admin_info/mfrAwarenessReportDate");
                    assertThat(problem.message()).contains("§1.2.d", "§1.2.c");
                });
    }

    @Test
    void the_manufacturers_srn_follows_the_pattern_country_mf_nine_digits_section_1_3_mdr_article_31() {
        MirReport report = complete(MirReportType.INITIAL);
        Submitter submitter = report.administrative().submitter();
        var wrongFormat = with(submitter, "manufacturer", with(submitter.manufacturer(), "srn", "DE-MF-12345"));
        assertThat(problems(withAdmin(report, with(report.administrative(), "submitter", wrongFormat))))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.xpath()).isEqualTo("/incident/admin_info/contact_info/reporterMfr/mfrDetails/"
                            + "mfrSRN");
                    assertThat(problem.mirSection()).isEqualTo("§1 administrative information");
                    assertThat(problem.message()).contains("DE-MF-12345", "nine digits");
                });
        var wrongActor = with(submitter, "manufacturer", with(submitter.manufacturer(), "srn", "DE-AR-000012345"));
        assertThat(problems(withAdmin(report, with(report.administrative(), "submitter", wrongActor))))
                .singleElement().extracting(MirProblem::message).asString().contains("not the SRN of a manufacturer");
    }

    @Test
    void an_authorised_representative_who_submits_is_named_section_1_3() {
        MirReport report = complete(MirReportType.INITIAL);
        var submitter = new Submitter(org.vigil.mir.SubmitterRole.AUTHORISED_REPRESENTATIVE,
                MirReportExamples.MANUFACTURER, null, null, null);
        assertThat(paths(withAdmin(report, with(report.administrative(), "submitter", submitter))))
                .containsExactly("/incident/admin_info/contact_info/reporterAR/arDetails/ARName");
    }

    // ------------------------------------------------------------------------------------------------ §2

    @Test
    void the_device_name_and_its_intended_purpose_are_required_separately_section_2_3_a_and_b() {
        assertThat(paths(device("deviceName", null))).containsExactly("/incident/device_info/brandName");
        assertThat(paths(device("intendedPurpose", " "))).containsExactly(
                "/incident/device_info/deviceIntendedPurpose");
    }

    @Test
    void a_gs1_udi_di_with_a_wrong_check_digit_is_refused_by_the_udi_parser_section_2_1() {
        assertThat(problems(device("udiDi", "09506000134353"))).singleElement().satisfies(problem -> {
            assertThat(problem.xpath()).isEqualTo("/incident/device_info/udiDI");
            assertThat(problem.mirSection()).isEqualTo("§2 device");
            assertThat(problem.message()).startsWith("'09506000134353' is not a valid GS1 UDI-DI");
        });
        assertThat(paths(device("udiDi", "222221085074846"))).containsExactly("/incident/device_info/udiDI");
    }

    @Test
    void a_basic_udi_di_with_wrong_check_characters_is_refused_section_2_1_mdr_annex_vi() {
        assertThat(paths(device("basicUdiDi", "4050000VIGILPUMP3G"))).containsExactly(
                "/incident/device_info/udiDIBasic");
    }

    @Test
    void a_device_without_udi_di_basic_udi_di_model_or_catalogue_number_cannot_be_identified_section_2_1() {
        MirReport report = complete(MirReportType.INITIAL);
        var device = with(with(with(with(report.device(), "udiDi", null), "basicUdiDi", null), "modelNumber", null),
                "catalogueNumber", null);
        assertThat(paths(withDevice(report, device))).containsExactly("/incident/device_info/udiDI");
    }

    @Test
    void northern_ireland_counts_with_the_eea_for_distribution_but_switzerland_does_not_section_2_5() {
        assertThat(problems(device("distribution", new MarketDistribution(false, List.of("XI", "TR", "IE"),
                List.of())))).isEmpty();
        assertThat(problems(device("distribution", new MarketDistribution(false, List.of("CH"), List.of()))))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.xpath()).isEqualTo("/incident/device_info/distribution/distributionEEA");
                    assertThat(problem.message()).contains("'CH'", "other countries");
                });
    }

    @Test
    void a_legacy_device_is_not_placed_on_the_market_under_the_mdr_section_2_4_c_mdr_article_120() {
        assertThat(paths(device("legacyDevice", true))).containsExactly("/incident/device_info/legacyDevice");
    }

    @Test
    void the_expiry_date_cannot_precede_the_manufacturing_date_section_2_3_f() {
        assertThat(paths(device("expiryDate", LocalDate.of(2025, 5, 31)))).containsExactly(
                "/incident/device_info/deviceExpiryDate");
    }

    @Test
    void a_name_longer_than_255_characters_is_refused_with_its_length() {
        assertThat(problems(device("modelNumber", "M".repeat(256)))).singleElement().satisfies(problem -> {
            assertThat(problem.xpath()).isEqualTo("/incident/device_info/modelNum");
            assertThat(problem.message()).isEqualTo("The text is 256 characters long; at most 255 are allowed.");
        });
        assertThat(problems(device("modelNumber", "M".repeat(255)))).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ §3

    @Test
    void a_reportable_incident_is_coded_with_at_least_one_imdrf_annex_a_code_section_3_2() {
        MirReport report = complete(MirReportType.INITIAL);
        assertThat(paths(withIncident(report, with(report.incident(), "deviceProblemCodes", List.of()))))
                .containsExactly("/incident/incident_info/clinical_event_info/imdrfCodeChoice1");
    }

    @Test
    void a_code_of_another_imdrf_annex_is_refused_where_annex_a_is_expected_section_3_2() {
        MirReport report = complete(MirReportType.INITIAL);
        var incident = with(report.incident(), "deviceProblemCodes", List.of("A0401", "E0101"));
        assertThat(problems(withIncident(report, incident))).singleElement().satisfies(problem -> {
            assertThat(problem.xpath()).isEqualTo("/incident/incident_info/clinical_event_info/imdrfCodeChoice2");
            assertThat(problem.mirSection()).isEqualTo("§3 incident");
            assertThat(problem.message()).contains("IMDRF Annex A");
        });
    }

    @Test
    void every_report_describes_the_incident_section_3_1() {
        MirReport report = complete(MirReportType.FINAL_NON_REPORTABLE);
        assertThat(paths(withIncident(report, with(report.incident(), "description", null))))
                .containsExactly("/incident/incident_info/clinical_event_info/eventDescription");
    }

    @Test
    void a_patient_weight_of_zero_is_refused_section_3_3() {
        MirReport report = complete(MirReportType.INITIAL);
        var patient = with(report.incident().patient(), "weightKg", BigDecimal.ZERO);
        assertThat(paths(withIncident(report, with(report.incident(), "patient", patient))))
                .containsExactly("/incident/incident_info/patient_info/massKG");
    }

    // ------------------------------------------------------------------------------------------------ §4

    @Test
    void every_report_gives_the_preliminary_analysis_section_4_1() {
        assertThat(paths(investigation(MirReportType.INITIAL, "preliminaryAnalysis", null)))
                .containsExactly("/incident/mfr_invest/manufacturersPrelimAnalysis");
    }

    @ParameterizedTest
    @EnumSource(value = MirReportType.class, names = { "INITIAL_AND_FINAL", "FINAL_REPORTABLE",
            "FINAL_NON_REPORTABLE" })
    void a_final_report_states_the_root_cause_section_4_2_mdr_article_89_5(MirReportType type) {
        assertThat(paths(investigation(type, "rootCause", null))).containsExactly("/incident/mfr_invest/rootCause");
    }

    @Test
    void an_initial_report_need_not_state_a_root_cause_yet_section_4_2() {
        assertThat(problems(investigation(MirReportType.INITIAL, "rootCause", null))).isEmpty();
    }

    @Test
    void a_final_report_codes_type_findings_and_conclusion_with_imdrf_annexes_b_c_d_section_4_2() {
        MirReport report = complete(MirReportType.FINAL_REPORTABLE);
        var investigation = with(with(with(report.investigation(), "investigationTypeCodes", List.of()),
                "investigationFindingCodes", List.of()), "investigationConclusionCodes", List.of());
        assertThat(paths(withInvestigation(report, investigation))).containsExactly(
                "/incident/mfr_invest/imdrfInvestigationTypeCodeChoice1",
                "/incident/mfr_invest/imdrfInvestigationFindingCodeChoice1",
                "/incident/mfr_invest/imdrfInvestigationConclusionCodeChoice1");
    }

    @Test
    void a_final_report_says_whether_the_risk_assessment_was_reviewed_and_remains_adequate_section_4_2() {
        assertThat(paths(investigation(MirReportType.FINAL_REPORTABLE, "riskAssessmentAdequate", null)))
                .containsExactly("/incident/mfr_invest/riskAssessmentAdequate");
        MirReport notReviewed = investigation(MirReportType.FINAL_REPORTABLE, "riskAssessmentReviewed", false);
        assertThat(problems(notReviewed)).singleElement().extracting(MirProblem::message).asString()
                .contains("not reviewed");
    }

    @Test
    void a_final_report_gives_the_manufacturers_final_comments_section_4_5() {
        assertThat(paths(investigation(MirReportType.INITIAL_AND_FINAL, "finalComments", null)))
                .containsExactly("/incident/mfr_invest/manufacturersFinalComments");
    }

    @Test
    void a_final_report_of_a_reportable_incident_counts_similar_incidents_section_4_3_a_non_reportable_one_need_not() {
        assertThat(paths(investigation(MirReportType.FINAL_REPORTABLE, "similarIncidents", SimilarIncidents.none())))
                .containsExactly("/incident/mfr_invest/similarIncidents");
        assertThat(problems(investigation(MirReportType.FINAL_NON_REPORTABLE, "similarIncidents",
                SimilarIncidents.none()))).isEmpty();
    }

    @Test
    void worldwide_similar_incidents_cannot_be_fewer_than_in_the_eea_turkiye_and_northern_ireland_section_4_3() {
        var period = new SimilarIncidentPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 5L, 10_000L, 4L,
                25_000L);
        assertThat(paths(investigation(MirReportType.FINAL_REPORTABLE, "similarIncidents",
                new SimilarIncidents("A0401", List.of(period)))))
                .containsExactly("/incident/mfr_invest/similarIncidents/similarIncidentsPeriod/incidentsWorldwide");
    }

    @Test
    void the_second_period_without_units_on_the_market_is_named_by_its_position_section_4_3() {
        var first = new SimilarIncidentPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 1L, 100L, 1L,
                100L);
        var second = new SimilarIncidentPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 1L, 0L, 1L, 10L);
        assertThat(paths(investigation(MirReportType.FINAL_REPORTABLE, "similarIncidents",
                new SimilarIncidents("A0401", List.of(first, second)))))
                .containsExactly("/incident/mfr_invest/similarIncidents/similarIncidentsPeriod[2]/unitsEEA");
    }

    @Test
    void the_rate_of_similar_incidents_is_incidents_per_units_placed_on_the_market_in_per_cent_section_4_3() {
        var period = new SimilarIncidentPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 2L, 10_000L, 3L,
                7L);
        assertThat(period.rateEea()).isEqualByComparingTo("0.02");
        assertThat(period.rateWorldwide()).isEqualByComparingTo("42.8571");
        assertThat(new SimilarIncidentPeriod(null, null, 1L, 0L, null, 5L).rateEea()).isNull();
    }

    // ------------------------------------------------------------------------------------------------ use

    @Test
    void a_report_that_may_not_be_sent_is_refused_with_one_field_error_per_problem_named_by_its_path() {
        MirReport report = admin(MirReportType.INITIAL, "reportDate", null);
        assertThatThrownBy(() -> MirReportRules.requireValid(report)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("/incident/admin_info/reportDate");
                    assertThat(error.message()).contains("§1.2.a");
                }));
    }
}
