package org.vigil.deadline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.deadline.Authority.NATIONAL_COMPETENT_AUTHORITY;
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
import static org.vigil.deadline.Jurisdiction.EU;
import static org.vigil.deadline.ObligationKind.COMPLETE_REPORT;
import static org.vigil.deadline.ObligationKind.FINAL_REPORT;
import static org.vigil.deadline.ObligationKind.FOLLOW_UP;
import static org.vigil.deadline.ObligationKind.FSCA_NOTIFICATION;
import static org.vigil.deadline.ObligationKind.INITIAL_REPORT;
import static org.vigil.deadline.ObligationKind.PERIODIC_SUMMARY_REPORT;
import static org.vigil.deadline.ObligationKind.TREND_REPORT;
import static org.vigil.deadline.rules.RuleCases.BERLIN;
import static org.vigil.deadline.rules.RuleCases.PARIS;
import static org.vigil.deadline.rules.RuleCases.ROME;
import static org.vigil.deadline.rules.RuleCases.assertThatObligation;
import static org.vigil.deadline.rules.RuleCases.at;
import static org.vigil.deadline.rules.RuleCases.incidentIn;
import static org.vigil.deadline.rules.RuleCases.obligationFrom;
import static org.vigil.deadline.rules.RuleCases.ruleIds;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pack {@code eu-ivdr}: Regulation (EU) 2017/746 Art. 82–84, counted like the MDR (Regulation 1182/71 Art. 3 as
 * MDCG 2023-3 Rev. 2 Q14 applies it). The incident is in Italy and the manufacturer in Rome unless the test says
 * otherwise; Vigil has no Italian or French holiday calendar, so there only Saturdays and Sundays move a last day
 * (never later than the law allows). Rome, Paris and Berlin are UTC+1, UTC+2 from 29 March to 25 October 2026.
 */
@ExtendWith(CoveredRuleCheck.class)
class EuIvdrRuleTests {

    private static final RuleCases.Case ITALY = incidentIn("IT", EU).madeBy("IT", ROME).ivd();

    @Test
    @Covers("ivdr-82-spht")
    void threat_in_France_known_on_Friday_6_November_2026_is_due_Tuesday_10_November_with_two_working_days_IVDR_82_4() {
        // Day 2 is Sunday 8 November, which moves to Monday 9 (Art. 3(4)); Saturday to Monday holds one working
        // day, so the period runs to Tuesday 10 (Art. 3(5)).
        var facts = incidentIn("FR", EU).madeBy("FR", PARIS).ivd()
                .classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2026-11-06T17:00", PARIS));

        assertThatObligation(obligationFrom(facts, "ivdr-82-spht"))
                .citing("IVDR Art. 82(4)").obliging(INITIAL_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "FR")
                .dueBy(LocalDate.of(2026, 11, 10), PARIS, "2026-11-10T23:00:00Z");
    }

    @Test
    @Covers("ivdr-82-death")
    void death_in_Germany_known_on_15_May_2026_is_due_Tuesday_26_May_as_day_10_is_Whit_Monday_IVDR_82_5() {
        var facts = incidentIn("DE", EU).madeBy("DE", BERLIN).ivd().classified(DEATH, at("2026-05-15T10:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "ivdr-82-death"))
                .citing("IVDR Art. 82(5)").obliging(INITIAL_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBy(LocalDate.of(2026, 5, 26), BERLIN, "2026-05-26T22:00:00Z");
        assertThat(ruleIds(facts)).as("an IVD follows the IVDR pack, not the MDR pack").containsExactly("ivdr-82-death");
    }

    @Test
    @Covers("ivdr-82-death")
    void unanticipated_serious_deterioration_in_Italy_known_on_12_May_2026_is_due_22_May_IVDR_82_5() {
        var facts = ITALY.classified(UNANTICIPATED_SERIOUS_DETERIORATION, at("2026-05-12T15:30", ROME));

        assertThatObligation(obligationFrom(facts, "ivdr-82-death"))
                .citing("IVDR Art. 82(5)")
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "IT")
                .dueBy(LocalDate.of(2026, 5, 22), ROME, "2026-05-22T22:00:00Z");
    }

    @Test
    @Covers("ivdr-82-other")
    void other_serious_incident_in_Italy_known_on_1_July_2026_is_due_16_July_IVDR_82_3() {
        var facts = ITALY.classified(OTHER_REPORTABLE, at("2026-07-01T09:00", ROME));

        assertThatObligation(obligationFrom(facts, "ivdr-82-other"))
                .citing("IVDR Art. 82(3)").obliging(INITIAL_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "IT")
                .dueBy(LocalDate.of(2026, 7, 16), ROME, "2026-07-16T22:00:00Z");
    }

    @Test
    @Covers("ivdr-82-complete")
    void complete_report_announced_for_16_February_2026_is_due_that_day_IVDR_82_6() {
        var facts = ITALY.event(INCOMPLETE_INITIAL_REPORT, at("2026-02-02T10:00", ROME), LocalDate.of(2026, 2, 16));

        assertThatObligation(obligationFrom(facts, "ivdr-82-complete"))
                .citing("IVDR Art. 82(6)").obliging(COMPLETE_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "IT")
                .dueBy(LocalDate.of(2026, 2, 16), ROME, "2026-02-16T23:00:00Z");
    }

    @Test
    @Covers("ivdr-82-fsca")
    void field_safety_corrective_action_planned_for_2_November_2026_is_reported_before_that_day_begins_IVDR_82_8() {
        var facts = ITALY.event(FSCA, at("2026-10-05T10:00", ROME), LocalDate.of(2026, 11, 2));

        assertThatObligation(obligationFrom(facts, "ivdr-82-fsca"))
                .citing("IVDR Art. 82(8)").obliging(FSCA_NOTIFICATION)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "IT")
                .dueBeforeUndertaken("2026-11-01T23:00:00Z");
    }

    @Test
    @Covers("ivdr-82-follow-up")
    void follow_up_report_announced_for_30_April_2026_is_due_that_day_IVDR_84_1_and_84_5() {
        var facts = ITALY.event(FOLLOW_UP_ANNOUNCED, at("2026-04-01T10:00", ROME), LocalDate.of(2026, 4, 30));

        assertThatObligation(obligationFrom(facts, "ivdr-82-follow-up"))
                .citing("IVDR Art. 84(1) and 84(5); MIR 7.3.1 §1.2.f").obliging(FOLLOW_UP)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "IT")
                .dueBy(LocalDate.of(2026, 4, 30), ROME, "2026-04-30T22:00:00Z");
    }

    @Test
    @Covers("ivdr-82-final")
    void final_report_announced_for_the_Monday_after_the_clocks_go_back_is_due_by_its_end_in_winter_time_IVDR_84_5() {
        var facts = ITALY.event(FINAL_REPORT_ANNOUNCED, at("2026-10-01T10:00", ROME), LocalDate.of(2026, 10, 26));

        assertThatObligation(obligationFrom(facts, "ivdr-82-final"))
                .citing("IVDR Art. 84(5)").obliging(FINAL_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "IT")
                .dueBy(LocalDate.of(2026, 10, 26), ROME, "2026-10-26T23:00:00Z");
    }

    @Test
    @Covers("ivdr-82-psr")
    void periodic_summary_report_agreed_for_30_June_2027_is_due_that_day_IVDR_82_9() {
        var facts = ITALY.event(PERIODIC_SUMMARY_AGREED, at("2026-12-01T10:00", ROME), LocalDate.of(2027, 6, 30));

        assertThatObligation(obligationFrom(facts, "ivdr-82-psr"))
                .citing("IVDR Art. 82(9)").obliging(PERIODIC_SUMMARY_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "IT")
                .dueBy(LocalDate.of(2027, 6, 30), ROME, "2027-06-30T22:00:00Z");
    }

    @Test
    @Covers("ivdr-82-trend")
    void trend_identified_on_20_January_2026_at_09_30_is_due_from_that_moment_IVDR_83_1() {
        var facts = ITALY.event(TREND_IDENTIFIED, at("2026-01-20T09:30", ROME));

        assertThatObligation(obligationFrom(facts, "ivdr-82-trend"))
                .citing("IVDR Art. 83(1)").obliging(TREND_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "IT")
                .dueWithoutDelayFrom("2026-01-20T08:30:00Z");
    }
}
