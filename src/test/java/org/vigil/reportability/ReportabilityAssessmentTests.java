package org.vigil.reportability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigil.deadline.Classification;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.reportability.domain.Assessment;
import org.vigil.shared.InvalidInputException.FieldError;

class ReportabilityAssessmentTests {

    private static Assessment.Outcome conclude(boolean incident, Set<SeriousOutcome> outcomes, boolean threat,
            boolean anticipated, Causality causality, boolean expected, UseContext use) {
        return Assessment.conclude(incident, outcomes, threat, anticipated, causality, expected, use);
    }

    @Test
    void what_is_not_an_incident_is_not_reportable_MDR_2_64() {
        var outcome = conclude(false, Set.of(SeriousOutcome.DEATH), true, false, Causality.ESTABLISHED, false,
                UseContext.NORMAL_USE);
        assertThat(outcome.conclusion()).isEqualTo(Conclusion.NOT_REPORTABLE);
        assertThat(outcome.classification()).isNull();
        assertThat(outcome.because()).contains("Art. 2(64)");
    }

    @Test
    void a_death_whose_link_to_the_device_cannot_be_excluded_is_reported_within_10_days_MDR_87_5_and_87_7() {
        var outcome = conclude(true, Set.of(SeriousOutcome.DEATH), false, false, Causality.CANNOT_BE_EXCLUDED, false,
                UseContext.NORMAL_USE);
        assertThat(outcome.conclusion()).isEqualTo(Conclusion.REPORTABLE);
        assertThat(outcome.classification()).isEqualTo(Classification.DEATH);
    }

    @Test
    void an_excluded_causal_relationship_takes_a_death_out_of_vigilance_reporting_MDCG_2023_3_QA_4() {
        var outcome = conclude(true, Set.of(SeriousOutcome.DEATH), false, false, Causality.EXCLUDED, false,
                UseContext.NORMAL_USE);
        assertThat(outcome.conclusion()).isEqualTo(Conclusion.NOT_REPORTABLE);
    }

    @Test
    void a_serious_public_health_threat_is_classified_as_such_even_when_also_expected_MDR_2_66_and_87_4() {
        var outcome = conclude(true, Set.of(), true, true, Causality.REASONABLY_POSSIBLE, true,
                UseContext.NORMAL_USE);
        assertThat(outcome.classification()).isEqualTo(Classification.SERIOUS_PUBLIC_HEALTH_THREAT);
    }

    @Test
    void an_unanticipated_hospitalisation_is_an_unanticipated_serious_deterioration_MIR_1_2_g_MDR_87_5() {
        var outcome = conclude(true, Set.of(SeriousOutcome.HOSPITALISATION), false, false, Causality.ESTABLISHED,
                false, UseContext.NORMAL_USE);
        assertThat(outcome.classification()).isEqualTo(Classification.UNANTICIPATED_SERIOUS_DETERIORATION);
    }

    @Test
    void an_anticipated_serious_deterioration_is_one_of_all_other_reportable_incidents_MDR_87_3() {
        var outcome = conclude(true, Set.of(SeriousOutcome.INTERVENTION), false, true, Causality.ESTABLISHED,
                false, UseContext.USE_ERROR);
        assertThat(outcome.classification()).isEqualTo(Classification.OTHER_REPORTABLE);
    }

    @Test
    void a_use_error_is_assessed_like_any_incident_and_abnormal_use_is_not_a_vigilance_matter_MDCG_2023_3_QA_7_8() {
        assertThat(conclude(true, Set.of(SeriousOutcome.PERMANENT_IMPAIRMENT), false, false, Causality.ESTABLISHED,
                false, UseContext.USE_ERROR).conclusion()).isEqualTo(Conclusion.REPORTABLE);
        assertThat(conclude(true, Set.of(SeriousOutcome.PERMANENT_IMPAIRMENT), false, false, Causality.ESTABLISHED,
                false, UseContext.ABNORMAL_USE).conclusion()).isEqualTo(Conclusion.NOT_REPORTABLE);
    }

    @Test
    void a_documented_and_quantified_expected_side_effect_goes_to_trend_reporting_MDR_87_1_a_and_88() {
        var outcome = conclude(true, Set.of(SeriousOutcome.HOSPITALISATION), false, true, Causality.ESTABLISHED,
                true, UseContext.NORMAL_USE);
        assertThat(outcome.conclusion()).isEqualTo(Conclusion.TREND_REPORTING);
        assertThat(outcome.because()).contains("Art. 88");
    }

    @Test
    void an_incident_that_is_not_serious_goes_to_trend_reporting_MDR_88() {
        assertThat(conclude(true, Set.of(), false, false, Causality.ESTABLISHED, false, UseContext.NORMAL_USE)
                .conclusion()).isEqualTo(Conclusion.TREND_REPORTING);
    }

    @Test
    void a_near_miss_that_might_have_led_to_a_death_is_a_reportable_serious_incident_MDR_2_65() {
        // Near misses answer what the incident "might have led to": the same question, the same classification.
        assertThat(conclude(true, Set.of(SeriousOutcome.DEATH), false, false, Causality.REASONABLY_POSSIBLE, false,
                UseContext.NORMAL_USE).classification()).isEqualTo(Classification.DEATH);
    }

    @Test
    void more_serious_answers_never_lead_to_a_less_severe_classification_seeded_MDR_87() {
        var random = new Random(20261122L);
        var all = SeriousOutcome.values();
        for (int i = 0; i < 5_000; i++) {
            var outcomes = EnumSet.noneOf(SeriousOutcome.class);
            for (var outcome : all) {
                if (random.nextInt(4) == 0) {
                    outcomes.add(outcome);
                }
            }
            var causality = Causality.values()[random.nextInt(3)];
            var use = random.nextBoolean() ? UseContext.NORMAL_USE : UseContext.USE_ERROR;
            boolean anticipated = random.nextBoolean();
            var before = conclude(true, outcomes, false, anticipated, causality, false, use);
            var worse = EnumSet.copyOf(outcomes.isEmpty() ? EnumSet.of(all[random.nextInt(all.length)]) : outcomes);
            worse.add(all[random.nextInt(all.length)]);
            var after = conclude(true, worse, random.nextInt(5) == 0, anticipated && random.nextBoolean(), causality,
                    false, use);
            assertThat(after.conclusion()).as("%s → %s", outcomes, worse).isEqualTo(Conclusion.REPORTABLE);
            if (before.classification() != null) {
                assertThat(after.classification().atLeastAsSevereAs(before.classification()))
                        .as("%s → %s", before, after).isTrue();
            }
        }
    }

    @Test
    void a_later_awareness_of_reportability_needs_an_explanation_MDCG_2023_3_QA_15() {
        var draft = complete(LocalDateTime.parse("2026-03-29T10:00"), LocalDateTime.parse("2026-04-02T09:00"), null);
        assertThat(Assessment.problems(draft, true)).extracting(FieldError::field)
                .containsExactly("lateAwarenessExplanation");
        assertThat(Assessment.problems(complete(LocalDateTime.parse("2026-03-29T10:00"),
                LocalDateTime.parse("2026-04-02T09:00"), "The explant analysis of 2 April showed the link."), true))
                .isEmpty();
    }

    @Test
    void awareness_of_reportability_cannot_precede_awareness_of_the_incident_MIR_1_2_c_and_1_2_d() {
        var draft = complete(LocalDateTime.parse("2026-03-29T10:00"), LocalDateTime.parse("2026-03-28T10:00"), "x");
        assertThat(Assessment.problems(draft, true)).extracting(FieldError::field)
                .containsExactly("reportabilityAwareAt");
    }

    @Test
    void a_changed_decision_needs_a_reason_and_every_missing_answer_is_named() {
        var empty = new DecisionDraft(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertThat(Assessment.problems(empty, false)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "incident", "rationale", "incidentAwareAt", "incidentAwareZone", "incidentCountry", "deviceKind",
                "manufacturerZone", "changeReason");
        var incident = complete(LocalDateTime.parse("2026-03-29T10:00"), null, null);
        var unanswered = new DecisionDraft(true, Set.of(SeriousOutcome.HOSPITALISATION), null, null, null, null,
                null, "r", incident.incidentAwareAt(), "Europe/Berlin", null, null, null, "UK", DeviceKind.MEDICAL_DEVICE,
                Set.of(), "Mars/Olympus", null);
        assertThat(Assessment.problems(unanswered, true)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "publicHealthThreat", "causality", "useContext", "deteriorationAnticipated", "expectedSideEffect",
                "incidentCountry", "manufacturerZone");
    }

    private static DecisionDraft complete(LocalDateTime incidentAware, LocalDateTime reportabilityAware,
            String explanation) {
        return new DecisionDraft(true, Set.of(SeriousOutcome.DEATH), false, false, Causality.REASONABLY_POSSIBLE,
                false, UseContext.NORMAL_USE, "Patient died after the pump stopped.", incidentAware, "Europe/Berlin",
                reportabilityAware, reportabilityAware == null ? null : "Europe/Berlin", explanation, "DE",
                DeviceKind.MEDICAL_DEVICE, Set.of(Jurisdiction.EU), "Europe/Berlin", null);
    }
}
