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
import static org.vigil.deadline.rules.RuleCases.PARIS;
import static org.vigil.deadline.rules.RuleCases.ZURICH;
import static org.vigil.deadline.rules.RuleCases.assertThatObligation;
import static org.vigil.deadline.rules.RuleCases.at;
import static org.vigil.deadline.rules.RuleCases.incidentIn;
import static org.vigil.deadline.rules.RuleCases.obligationFrom;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pack {@code ch-ivdo}: the Swiss In Vitro Diagnostic Medical Devices Ordinance (IvDO, SR 812.219) Art. 59, which
 * takes over the EU-IVDR periods; reports go to Swissmedic, through the CH-REP for a manufacturer outside Switzerland.
 * The last day is kept even on a weekend or public holiday, as the pack's notes state. The manufacturer is in Zurich
 * unless the test says otherwise (UTC+1, UTC+2 from 29 March to 25 October 2026).
 */
@ExtendWith(CoveredRuleCheck.class)
class ChIvDoRuleTests {

    private static final RuleCases.Case SWISS = incidentIn("CH", CH).madeBy("CH", ZURICH).ivd();

    @Test
    @Covers("ivdo-59-spht")
    void threat_known_on_Swiss_National_Day_Saturday_1_August_2026_is_due_Monday_3_August_IvDO_59_and_IVDR_82_4() {
        var facts = SWISS.classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2026-08-01T09:00", ZURICH));

        assertThatObligation(obligationFrom(facts, "ivdo-59-spht"))
                .citing("IvDO Art. 59(1)(a) and (2) with EU-IVDR Art. 82(4)").obliging(INITIAL_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2026, 8, 3), ZURICH, "2026-08-03T22:00:00Z");
    }

    @Test
    @Covers("ivdo-59-death")
    void death_known_on_15_May_2026_is_due_on_Whit_Monday_25_May_as_Swiss_periods_are_not_moved_IvDO_59_and_IVDR_82_5() {
        var facts = SWISS.classified(DEATH, at("2026-05-15T10:00", ZURICH));

        assertThatObligation(obligationFrom(facts, "ivdo-59-death"))
                .citing("IvDO Art. 59(1)(a) and (2) with EU-IVDR Art. 82(5)").obliging(INITIAL_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2026, 5, 25), ZURICH, "2026-05-25T22:00:00Z");
    }

    @Test
    @Covers("ivdo-59-death")
    void unanticipated_serious_deterioration_known_by_a_French_manufacturer_on_12_October_2026_goes_through_its_CH_REP_by_22_October_IvDO_59_3_and_IVDR_82_5() {
        var facts = incidentIn("CH", CH).madeBy("FR", PARIS).ivd()
                .classified(UNANTICIPATED_SERIOUS_DETERIORATION, at("2026-10-12T11:00", PARIS));

        assertThatObligation(obligationFrom(facts, "ivdo-59-death"))
                .citing("IvDO Art. 59(1)(a) and (2) with EU-IVDR Art. 82(5)")
                .to(CH, SWISSMEDIC, "CH", "CH-REP")
                .dueBy(LocalDate.of(2026, 10, 22), PARIS, "2026-10-22T22:00:00Z");
    }

    @Test
    @Covers("ivdo-59-other")
    void other_serious_incident_known_on_7_December_2026_is_due_22_December_IvDO_59_and_IVDR_82_3() {
        var facts = SWISS.classified(OTHER_REPORTABLE, at("2026-12-07T16:00", ZURICH));

        assertThatObligation(obligationFrom(facts, "ivdo-59-other"))
                .citing("IvDO Art. 59(1)(a) and (2) with EU-IVDR Art. 82(3)").obliging(INITIAL_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2026, 12, 22), ZURICH, "2026-12-22T23:00:00Z");
    }

    @Test
    @Covers("ivdo-59-complete")
    void complete_report_announced_for_5_January_2027_is_due_that_day_IvDO_59_2_and_IVDR_82_6() {
        var facts = SWISS.event(INCOMPLETE_INITIAL_REPORT, at("2026-12-18T10:00", ZURICH), LocalDate.of(2027, 1, 5));

        assertThatObligation(obligationFrom(facts, "ivdo-59-complete"))
                .citing("IvDO Art. 59(2) with EU-IVDR Art. 82(6)").obliging(COMPLETE_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2027, 1, 5), ZURICH, "2027-01-05T23:00:00Z");
    }

    @Test
    @Covers("ivdo-59-fsca")
    void field_safety_corrective_action_planned_for_8_June_2026_is_reported_before_that_day_begins_IvDO_59_1_b_and_IVDR_82_8() {
        var facts = SWISS.event(FSCA, at("2026-05-27T10:00", ZURICH), LocalDate.of(2026, 6, 8));

        assertThatObligation(obligationFrom(facts, "ivdo-59-fsca"))
                .citing("IvDO Art. 59(1)(b) and (2) with EU-IVDR Art. 82(8)").obliging(FSCA_NOTIFICATION)
                .to(CH, SWISSMEDIC, "CH")
                .dueBeforeUndertaken("2026-06-07T22:00:00Z");
    }

    @Test
    @Covers("ivdo-59-follow-up")
    void follow_up_report_announced_for_14_September_2026_is_due_that_day_IvDO_59_2_and_IVDR_84() {
        var facts = SWISS.event(FOLLOW_UP_ANNOUNCED, at("2026-08-14T10:00", ZURICH), LocalDate.of(2026, 9, 14));

        assertThatObligation(obligationFrom(facts, "ivdo-59-follow-up"))
                .citing("IvDO Art. 59(2) with EU-IVDR Art. 84").obliging(FOLLOW_UP)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2026, 9, 14), ZURICH, "2026-09-14T22:00:00Z");
    }

    @Test
    @Covers("ivdo-59-final")
    void final_report_announced_for_1_February_2027_is_due_that_day_IvDO_59_3_and_IVDR_84_5() {
        var facts = SWISS.event(FINAL_REPORT_ANNOUNCED, at("2027-01-04T10:00", ZURICH), LocalDate.of(2027, 2, 1));

        assertThatObligation(obligationFrom(facts, "ivdo-59-final"))
                .citing("IvDO Art. 59(3) with EU-IVDR Art. 84(5)").obliging(FINAL_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2027, 2, 1), ZURICH, "2027-02-01T23:00:00Z");
    }

    @Test
    @Covers("ivdo-59-psr")
    void periodic_summary_report_agreed_for_30_September_2027_is_due_that_day_IvDO_59_2_and_IVDR_82_9() {
        var facts = SWISS.event(PERIODIC_SUMMARY_AGREED, at("2027-03-01T10:00", ZURICH), LocalDate.of(2027, 9, 30));

        assertThatObligation(obligationFrom(facts, "ivdo-59-psr"))
                .citing("IvDO Art. 59(2) with EU-IVDR Art. 82(9)").obliging(PERIODIC_SUMMARY_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2027, 9, 30), ZURICH, "2027-09-30T22:00:00Z");
    }

    @Test
    @Covers("ivdo-59-trend")
    void trend_identified_on_11_November_2026_at_16_00_is_due_from_that_moment_IvDO_59_and_IVDR_83() {
        var facts = SWISS.event(TREND_IDENTIFIED, at("2026-11-11T16:00", ZURICH));

        assertThatObligation(obligationFrom(facts, "ivdo-59-trend"))
                .citing("IvDO Art. 59(2) and (3) with EU-IVDR Art. 83").obliging(TREND_REPORT)
                .to(CH, SWISSMEDIC, "CH")
                .dueWithoutDelayFrom("2026-11-11T15:00:00Z");
    }
}
