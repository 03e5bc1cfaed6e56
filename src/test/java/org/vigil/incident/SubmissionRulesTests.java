package org.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigil.incident.domain.ReportProblem;
import org.vigil.incident.domain.SubmissionRules;

/**
 * What a report must hold before it is submitted (MDR Art. 87, MIR 7.3.1 sections 2–4), and that a draft is never
 * blocked from being described in words when the device is not in the register (MDR Art. 87(10)–(11)).
 */
class SubmissionRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final SubmissionRules.CodeCheck KNOWN_CODES = (annex, code) -> switch (code) {
        case "A0401", "A0902", "E0123", "F02", "F26", "F27", "F1905" -> Optional.empty();
        case "A01" -> Optional.of("A01 is not selectable for new coding (IMDRF Annex A); choose a term below it.");
        default -> Optional.of(code + " is not a code of IMDRF Annex " + annex + ".");
    };

    static ReportContent complete() {
        return new ReportContent(ReportKind.INCIDENT, null,
                new ReportedDevice(null, null, null, "Acme Medical", "Infusion pump X", "X-2", null, "LOT42", null,
                        null, null),
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20), "ICU", "The pump stopped without alarm.",
                List.of("A0401"), PersonInvolved.PATIENT, List.of("E0123"), List.of("F1905"), 64, AgeUnit.YEARS,
                Sex.FEMALE, new BigDecimal("71.5"), null, DeviceAvailability.AVAILABLE, "Safety office cupboard 2",
                false);
    }

    static List<String> fields(List<ReportProblem> problems) {
        return problems.stream().map(ReportProblem::field).toList();
    }

    @Test
    void a_complete_report_of_a_device_described_in_words_can_be_submitted_per_mdr_art_87() {
        assertThat(SubmissionRules.check(complete(), TODAY, KNOWN_CODES)).isEmpty();
    }

    @Test
    void an_empty_draft_names_every_missing_field_of_mir_731() {
        var problems = SubmissionRules.check(ReportContent.blank(ReportKind.INCIDENT), TODAY, KNOWN_CODES);
        assertThat(fields(problems)).containsExactlyInAnyOrder("device.manufacturerName", "device.deviceName",
                "occurredOn", "description", "deviceProblemCodes", "personInvolved", "deviceAvailability");
    }

    @Test
    void a_scanned_registered_device_needs_no_description_in_words() {
        var report = complete();
        var scanned = new ReportContent(report.kind(), null, new ReportedDevice("(01)09506000134352", "09506000134352",
                org.vigil.shared.OrganisationId.random(), null, null, null, null, null, null, null, null),
                report.occurredOn(), null, report.department(), report.description(), report.deviceProblemCodes(),
                report.personInvolved(), report.signsAndSymptomsCodes(), report.healthImpactCodes(), report.age(),
                report.ageUnit(), report.sex(), report.weightKg(), null, report.deviceAvailability(),
                report.deviceLocation(), false);
        assertThat(SubmissionRules.check(scanned, TODAY, KNOWN_CODES)).isEmpty();
    }

    @Test
    void future_dates_and_awareness_before_the_event_are_refused() {
        var report = complete();
        var wrong = new ReportContent(report.kind(), null, report.device(), TODAY.plusDays(1), TODAY.minusDays(3),
                report.department(), report.description(), report.deviceProblemCodes(), report.personInvolved(),
                report.signsAndSymptomsCodes(), report.healthImpactCodes(), report.age(), report.ageUnit(),
                report.sex(), report.weightKg(), null, report.deviceAvailability(), report.deviceLocation(), false);
        assertThat(fields(SubmissionRules.check(wrong, TODAY, KNOWN_CODES)))
                .containsExactlyInAnyOrder("occurredOn", "becameAwareOn");
    }

    @Test
    void unknown_duplicate_and_not_selectable_imdrf_codes_are_refused_with_the_annex() {
        var report = complete();
        var wrong = new ReportContent(report.kind(), null, report.device(), report.occurredOn(), null,
                report.department(), report.description(), List.of("A01", "A0401", "A0401"), report.personInvolved(),
                List.of("E9999"), report.healthImpactCodes(), report.age(), report.ageUnit(), report.sex(),
                report.weightKg(), null, report.deviceAvailability(), report.deviceLocation(), false);
        var problems = SubmissionRules.check(wrong, TODAY, KNOWN_CODES);
        assertThat(problems).extracting(ReportProblem::message).containsExactlyInAnyOrder(
                "A01 is not selectable for new coding (IMDRF Annex A); choose a term below it.",
                "Code A0401 is given twice.", "E9999 is not a code of IMDRF Annex E.");
    }

    @Test
    void an_incident_involving_a_patient_needs_the_health_impact_of_imdrf_annex_f() {
        var report = complete();
        var wrong = new ReportContent(report.kind(), null, report.device(), report.occurredOn(), null,
                report.department(), report.description(), report.deviceProblemCodes(), PersonInvolved.PATIENT,
                List.of(), List.of(), null, null, null, null, null, report.deviceAvailability(),
                report.deviceLocation(), false);
        assertThat(fields(SubmissionRules.check(wrong, TODAY, KNOWN_CODES))).containsExactly("healthImpactCodes");
    }

    @Test
    void a_near_miss_involving_nobody_needs_no_health_impact_and_may_not_carry_harm() {
        var report = complete();
        var nearMiss = new ReportContent(ReportKind.NEAR_MISS, null, report.device(), report.occurredOn(), null,
                report.department(), "Noticed a cracked housing before use.", List.of("A0902"), PersonInvolved.NONE,
                List.of(), List.of(), null, null, null, null, null, DeviceAvailability.NOT_AVAILABLE, null, false);
        assertThat(SubmissionRules.check(nearMiss, TODAY, KNOWN_CODES)).isEmpty();
        var contradictory = new ReportContent(ReportKind.NEAR_MISS, null, report.device(), report.occurredOn(), null,
                report.department(), "Noticed a cracked housing before use.", List.of("A0902"), PersonInvolved.NONE,
                List.of(), List.of("F02"), null, null, null, null, null, DeviceAvailability.NOT_AVAILABLE, null,
                false);
        assertThat(fields(SubmissionRules.check(contradictory, TODAY, KNOWN_CODES))).containsExactly("healthImpactCodes");
    }

    @Test
    void a_cybersecurity_event_says_what_was_observed_per_mdcg_2019_16() {
        var report = complete();
        var cyber = new ReportContent(ReportKind.CYBERSECURITY_EVENT, null, report.device(), report.occurredOn(),
                null, report.department(), "Pump rebooted after the 4.2 update.", report.deviceProblemCodes(),
                PersonInvolved.NONE, List.of(), List.of(), null, null, null, null, null,
                DeviceAvailability.AVAILABLE, "Biomedical engineering", false);
        assertThat(fields(SubmissionRules.check(cyber, TODAY, KNOWN_CODES))).containsExactly("cybersecurityEventType");
    }

    @Test
    void implausible_age_weight_and_a_device_kept_nowhere_are_refused() {
        var report = complete();
        var wrong = new ReportContent(report.kind(), null, report.device(), report.occurredOn(), null,
                report.department(), report.description(), report.deviceProblemCodes(), report.personInvolved(),
                report.signsAndSymptomsCodes(), report.healthImpactCodes(), 400, AgeUnit.MONTHS, Sex.MALE,
                new BigDecimal("-3"), null, DeviceAvailability.AVAILABLE, " ", false);
        assertThat(fields(SubmissionRules.check(wrong, TODAY, KNOWN_CODES)))
                .containsExactlyInAnyOrder("age", "weightKg", "deviceLocation");
        var neonate = new ReportContent(report.kind(), null, report.device(), report.occurredOn(), null,
                report.department(), report.description(), report.deviceProblemCodes(), report.personInvolved(),
                report.signsAndSymptomsCodes(), report.healthImpactCodes(), 12, AgeUnit.DAYS, Sex.MALE,
                new BigDecimal("3.4"), null, DeviceAvailability.NOT_AVAILABLE, null, false);
        assertThat(SubmissionRules.check(neonate, TODAY, KNOWN_CODES)).isEmpty();
    }
}
