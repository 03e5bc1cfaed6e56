package org.vigil.deadline.rules;

import static org.vigil.deadline.Authority.TITCK;
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
import static org.vigil.deadline.Jurisdiction.TR;
import static org.vigil.deadline.ObligationKind.COMPLETE_REPORT;
import static org.vigil.deadline.ObligationKind.FINAL_REPORT;
import static org.vigil.deadline.ObligationKind.FOLLOW_UP;
import static org.vigil.deadline.ObligationKind.FSCA_NOTIFICATION;
import static org.vigil.deadline.ObligationKind.INITIAL_REPORT;
import static org.vigil.deadline.ObligationKind.PERIODIC_SUMMARY_REPORT;
import static org.vigil.deadline.ObligationKind.TREND_REPORT;
import static org.vigil.deadline.rules.RuleCases.BERLIN;
import static org.vigil.deadline.rules.RuleCases.ISTANBUL;
import static org.vigil.deadline.rules.RuleCases.assertThatObligation;
import static org.vigil.deadline.rules.RuleCases.at;
import static org.vigil.deadline.rules.RuleCases.incidentIn;
import static org.vigil.deadline.rules.RuleCases.obligationFrom;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pack {@code tr-tcy}: the Turkish Medical Device Regulation (Tıbbi Cihaz Yönetmeliği), which mirrors MDR Art. 87–89
 * article by article; reports go to TITCK. The last day is kept even on a weekend or public holiday, as the pack's
 * notes state. The manufacturer is in Istanbul unless the test says otherwise; Istanbul is UTC+3 all year, so a day
 * there ends at 21:00 UTC.
 */
@ExtendWith(CoveredRuleCheck.class)
class TrTcyRuleTests {

    private static final RuleCases.Case TURKISH = incidentIn("TR", TR).madeBy("TR", ISTANBUL);

    @Test
    @Covers("tr-tcy-87-spht")
    void threat_known_on_Friday_30_October_2026_is_due_on_Sunday_1_November_not_later_Madde_87_4() {
        var facts = TURKISH.classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2026-10-30T20:00", ISTANBUL));

        assertThatObligation(obligationFrom(facts, "tr-tcy-87-spht"))
                .citing("Tıbbi Cihaz Yönetmeliği Madde 87(4)").obliging(INITIAL_REPORT)
                .to(TR, TITCK, "TR")
                .dueBy(LocalDate.of(2026, 11, 1), ISTANBUL, "2026-11-01T21:00:00Z");
    }

    @Test
    @Covers("tr-tcy-87-death")
    void death_known_on_10_April_2026_is_due_20_April_Madde_87_5() {
        var facts = TURKISH.classified(DEATH, at("2026-04-10T12:00", ISTANBUL));

        assertThatObligation(obligationFrom(facts, "tr-tcy-87-death"))
                .citing("Tıbbi Cihaz Yönetmeliği Madde 87(5)").obliging(INITIAL_REPORT)
                .to(TR, TITCK, "TR")
                .dueBy(LocalDate.of(2026, 4, 20), ISTANBUL, "2026-04-20T21:00:00Z");
    }

    @Test
    @Covers("tr-tcy-87-death")
    void unanticipated_serious_deterioration_known_by_a_Berlin_manufacturer_on_16_June_2026_is_due_26_June_Berlin_time_Madde_87_5() {
        var facts = incidentIn("TR", TR).madeBy("DE", BERLIN)
                .classified(UNANTICIPATED_SERIOUS_DETERIORATION, at("2026-06-16T10:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "tr-tcy-87-death"))
                .citing("Tıbbi Cihaz Yönetmeliği Madde 87(5)")
                .to(TR, TITCK, "TR")
                .dueBy(LocalDate.of(2026, 6, 26), BERLIN, "2026-06-26T22:00:00Z");
    }

    @Test
    @Covers("tr-tcy-87-other")
    void other_serious_incident_known_on_20_December_2026_is_due_4_January_2027_Madde_87_3() {
        var facts = TURKISH.classified(OTHER_REPORTABLE, at("2026-12-20T09:00", ISTANBUL));

        assertThatObligation(obligationFrom(facts, "tr-tcy-87-other"))
                .citing("Tıbbi Cihaz Yönetmeliği Madde 87(3)").obliging(INITIAL_REPORT)
                .to(TR, TITCK, "TR")
                .dueBy(LocalDate.of(2027, 1, 4), ISTANBUL, "2027-01-04T21:00:00Z");
    }

    @Test
    @Covers("tr-tcy-87-complete")
    void complete_report_announced_for_12_March_2026_is_due_that_day_Madde_87_6() {
        var facts = TURKISH.event(INCOMPLETE_INITIAL_REPORT, at("2026-02-26T10:00", ISTANBUL),
                LocalDate.of(2026, 3, 12));

        assertThatObligation(obligationFrom(facts, "tr-tcy-87-complete"))
                .citing("Tıbbi Cihaz Yönetmeliği Madde 87(6)").obliging(COMPLETE_REPORT)
                .to(TR, TITCK, "TR")
                .dueBy(LocalDate.of(2026, 3, 12), ISTANBUL, "2026-03-12T21:00:00Z");
    }

    @Test
    @Covers("tr-tcy-87-fsca")
    void field_safety_corrective_action_planned_for_20_July_2026_is_reported_before_that_day_begins_Madde_87_8() {
        var facts = TURKISH.event(FSCA, at("2026-07-06T10:00", ISTANBUL), LocalDate.of(2026, 7, 20));

        assertThatObligation(obligationFrom(facts, "tr-tcy-87-fsca"))
                .citing("Tıbbi Cihaz Yönetmeliği Madde 87(8)").obliging(FSCA_NOTIFICATION)
                .to(TR, TITCK, "TR")
                .dueBeforeUndertaken("2026-07-19T21:00:00Z");
    }

    @Test
    @Covers("tr-tcy-87-follow-up")
    void follow_up_report_announced_for_1_September_2026_is_due_that_day_Madde_89() {
        var facts = TURKISH.event(FOLLOW_UP_ANNOUNCED, at("2026-08-03T10:00", ISTANBUL), LocalDate.of(2026, 9, 1));

        assertThatObligation(obligationFrom(facts, "tr-tcy-87-follow-up"))
                .citing("Tıbbi Cihaz Yönetmeliği Madde 89").obliging(FOLLOW_UP)
                .to(TR, TITCK, "TR")
                .dueBy(LocalDate.of(2026, 9, 1), ISTANBUL, "2026-09-01T21:00:00Z");
    }

    @Test
    @Covers("tr-tcy-87-final")
    void final_report_announced_for_29_January_2027_is_due_that_day_Madde_89_5() {
        var facts = TURKISH.event(FINAL_REPORT_ANNOUNCED, at("2026-12-29T10:00", ISTANBUL), LocalDate.of(2027, 1, 29));

        assertThatObligation(obligationFrom(facts, "tr-tcy-87-final"))
                .citing("Tıbbi Cihaz Yönetmeliği Madde 89(5)").obliging(FINAL_REPORT)
                .to(TR, TITCK, "TR")
                .dueBy(LocalDate.of(2027, 1, 29), ISTANBUL, "2027-01-29T21:00:00Z");
    }

    @Test
    @Covers("tr-tcy-87-psr")
    void periodic_summary_report_agreed_for_31_December_2026_is_due_that_day_Madde_87_9() {
        var facts = TURKISH.event(PERIODIC_SUMMARY_AGREED, at("2026-07-01T10:00", ISTANBUL),
                LocalDate.of(2026, 12, 31));

        assertThatObligation(obligationFrom(facts, "tr-tcy-87-psr"))
                .citing("Tıbbi Cihaz Yönetmeliği Madde 87(9)").obliging(PERIODIC_SUMMARY_REPORT)
                .to(TR, TITCK, "TR")
                .dueBy(LocalDate.of(2026, 12, 31), ISTANBUL, "2026-12-31T21:00:00Z");
    }

    @Test
    @Covers("tr-tcy-87-trend")
    void trend_identified_on_19_May_2026_at_13_00_is_due_from_that_moment_Madde_88() {
        var facts = TURKISH.event(TREND_IDENTIFIED, at("2026-05-19T13:00", ISTANBUL));

        assertThatObligation(obligationFrom(facts, "tr-tcy-87-trend"))
                .citing("Tıbbi Cihaz Yönetmeliği Madde 88").obliging(TREND_REPORT)
                .to(TR, TITCK, "TR")
                .dueWithoutDelayFrom("2026-05-19T10:00:00Z");
    }
}
