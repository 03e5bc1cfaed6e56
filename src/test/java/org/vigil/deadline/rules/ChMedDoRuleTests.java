package org.vigil.deadline.rules;

import static org.vigil.deadline.Authority.SWISSMEDIC;
import static org.vigil.deadline.Classification.DEATH;
import static org.vigil.deadline.Classification.OTHER_REPORTABLE;
import static org.vigil.deadline.Classification.SERIOUS_PUBLIC_HEALTH_THREAT;
import static org.vigil.deadline.Classification.UNANTICIPATED_SERIOUS_DETERIORATION;
import static org.vigil.deadline.EventKind.FINAL_REPORT_ANNOUNCED;
import static org.vigil.deadline.EventKind.FOLLOW_UP_ANNOUNCED;
import static org.vigil.deadline.EventKind.FSCA;
import static org.vigil.deadline.EventKind.INCOMPLETE_INITIAL_REPORT;
import static org.vigil.deadline.EventKind.PERIODIC_SUMMARY_AGREED;
import static org.vigil.deadline.EventKind.TREND_IDENTIFIED;
import static org.vigil.deadline.Jurisdiction.CH;
import static org.vigil.deadline.ObligationKind.COMPLETE_REPORT;
import static org.vigil.deadline.ObligationKind.FINAL_REPORT;
import static org.vigil.deadline.ObligationKind.FOLLOW_UP;
import static org.vigil.deadline.ObligationKind.FSCA_NOTIFICATION;
import static org.vigil.deadline.ObligationKind.INITIAL_REPORT;
import static org.vigil.deadline.ObligationKind.PERIODIC_SUMMARY_REPORT;
import static org.vigil.deadline.ObligationKind.TREND_REPORT;
import static org.vigil.deadline.rules.RuleCases.BERLIN;
import static org.vigil.deadline.rules.RuleCases.ZURICH;
import static org.vigil.deadline.rules.RuleCases.assertThatObligation;
import static org.vigil.deadline.rules.RuleCases.at;
import static org.vigil.deadline.rules.RuleCases.incidentIn;
import static org.vigil.deadline.rules.RuleCases.obligationFrom;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pack {@code ch-meddo}: the Swiss Medical Devices Ordinance (MedDO, SR 812.213) Art. 66, which takes over the EU-MDR
 * periods; reports go to Swissmedic, through the Swiss authorised representative (CH-REP) when the manufacturer is
 * not Swiss. As the pack's notes state, the last day is kept even on a weekend or public holiday (never later than
 * the law allows). The manufacturer is in Zurich unless the test says otherwise; Zurich is UTC+1, UTC+2 from
 * 29 March to 25 October 2026.
 */
@ExtendWith(CoveredRuleCheck.class)
class ChMedDoRuleTests {

    private static final RuleCases.Case SWISS = incidentIn("CH", CH).madeBy("CH", ZURICH);

    @Test
    @Covers("meddo-66-spht")
    void threat_known_on_Christmas_Eve_2026_is_due_on_St_Stephens_Day_Saturday_26_December_not_later_MedDO_66_and_MDR_87_4() {
        var facts = SWISS.classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2026-12-24T09:00", ZURICH));

        assertThatObligation(obligationFrom(facts, "meddo-66-spht"))
                .citing("MedDO Art. 66(1)(a) and (2) with EU-MDR Art. 87(4)").obliging(INITIAL_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2026, 12, 26), ZURICH, "2026-12-26T23:00:00Z");
    }

    @Test
    @Covers("meddo-66-death")
    void death_known_on_Swiss_National_Day_2026_by_a_German_manufacturer_goes_through_its_CH_REP_by_11_August_MedDO_66_2bis_and_MDR_87_5() {
        var facts = incidentIn("CH", CH).madeBy("DE", BERLIN).classified(DEATH, at("2026-08-01T18:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "meddo-66-death"))
                .citing("MedDO Art. 66(1)(a) and (2) with EU-MDR Art. 87(5)").obliging(INITIAL_REPORT)
                .to(CH, SWISSMEDIC, "CH", "CH-REP")
                .dueBy(LocalDate.of(2026, 8, 11), BERLIN, "2026-08-11T22:00:00Z");
    }

    @Test
    @Covers("meddo-66-death")
    void unanticipated_serious_deterioration_known_on_22_April_2026_is_due_on_Saturday_2_May_MedDO_66_and_MDR_87_5() {
        var facts = SWISS.classified(UNANTICIPATED_SERIOUS_DETERIORATION, at("2026-04-22T07:30", ZURICH));

        assertThatObligation(obligationFrom(facts, "meddo-66-death"))
                .citing("MedDO Art. 66(1)(a) and (2) with EU-MDR Art. 87(5)")
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2026, 5, 2), ZURICH, "2026-05-02T22:00:00Z");
    }

    @Test
    @Covers("meddo-66-other")
    void other_serious_incident_known_on_10_March_2026_is_due_25_March_in_winter_time_MedDO_66_and_MDR_87_3() {
        var facts = SWISS.classified(OTHER_REPORTABLE, at("2026-03-10T13:00", ZURICH));

        assertThatObligation(obligationFrom(facts, "meddo-66-other"))
                .citing("MedDO Art. 66(1)(a) and (2) with EU-MDR Art. 87(3)").obliging(INITIAL_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2026, 3, 25), ZURICH, "2026-03-25T23:00:00Z");
    }

    @Test
    @Covers("meddo-66-complete")
    void complete_report_announced_for_17_March_2026_is_due_that_day_MedDO_66_2_and_MDR_87_6() {
        var facts = SWISS.event(INCOMPLETE_INITIAL_REPORT, at("2026-03-03T10:00", ZURICH), LocalDate.of(2026, 3, 17));

        assertThatObligation(obligationFrom(facts, "meddo-66-complete"))
                .citing("MedDO Art. 66(2) with EU-MDR Art. 87(6)").obliging(COMPLETE_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2026, 3, 17), ZURICH, "2026-03-17T23:00:00Z");
    }

    @Test
    @Covers("meddo-66-fsca")
    void field_safety_corrective_action_planned_for_1_September_2026_is_reported_before_that_day_begins_MedDO_66_1_b_and_MDR_87_8() {
        var facts = SWISS.event(FSCA, at("2026-08-17T10:00", ZURICH), LocalDate.of(2026, 9, 1));

        assertThatObligation(obligationFrom(facts, "meddo-66-fsca"))
                .citing("MedDO Art. 66(1)(b) and (2) with EU-MDR Art. 87(8)").obliging(FSCA_NOTIFICATION)
                .to(CH, SWISSMEDIC, "CH")
                .dueBeforeUndertaken("2026-08-31T22:00:00Z");
    }

    @Test
    @Covers("meddo-66-follow-up")
    void follow_up_report_announced_for_2_October_2026_is_due_that_day_MedDO_66_2_and_MDR_89() {
        var facts = SWISS.event(FOLLOW_UP_ANNOUNCED, at("2026-09-02T10:00", ZURICH), LocalDate.of(2026, 10, 2));

        assertThatObligation(obligationFrom(facts, "meddo-66-follow-up"))
                .citing("MedDO Art. 66(2) with EU-MDR Art. 89").obliging(FOLLOW_UP)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2026, 10, 2), ZURICH, "2026-10-02T22:00:00Z");
    }

    @Test
    @Covers("meddo-66-final")
    void final_report_announced_for_15_December_2026_is_due_that_day_MedDO_66_2bis_and_MDR_89_5() {
        var facts = SWISS.event(FINAL_REPORT_ANNOUNCED, at("2026-11-16T10:00", ZURICH), LocalDate.of(2026, 12, 15));

        assertThatObligation(obligationFrom(facts, "meddo-66-final"))
                .citing("MedDO Art. 66(2bis) with EU-MDR Art. 89(5)").obliging(FINAL_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2026, 12, 15), ZURICH, "2026-12-15T23:00:00Z");
    }

    @Test
    @Covers("meddo-66-psr")
    void periodic_summary_report_agreed_for_31_March_2027_ends_at_midnight_summer_time_MedDO_66_2_and_MDR_87_9() {
        // Zurich moves to summer time on Sunday 28 March 2027: the end of 31 March is 22:00 UTC.
        var facts = SWISS.event(PERIODIC_SUMMARY_AGREED, at("2027-01-11T10:00", ZURICH), LocalDate.of(2027, 3, 31));

        assertThatObligation(obligationFrom(facts, "meddo-66-psr"))
                .citing("MedDO Art. 66(2) with EU-MDR Art. 87(9)").obliging(PERIODIC_SUMMARY_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2027, 3, 31), ZURICH, "2027-03-31T22:00:00Z");
    }

    @Test
    @Covers("meddo-66-trend")
    void trend_identified_on_7_July_2026_at_08_15_is_due_from_that_moment_MedDO_66_2_and_MDR_88() {
        var facts = SWISS.event(TREND_IDENTIFIED, at("2026-07-07T08:15", ZURICH));

        assertThatObligation(obligationFrom(facts, "meddo-66-trend"))
                .citing("MedDO Art. 66(2) and (2bis) with EU-MDR Art. 88").obliging(TREND_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueWithoutDelayFrom("2026-07-07T06:15:00Z");
    }
}
