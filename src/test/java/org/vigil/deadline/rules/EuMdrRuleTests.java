package org.vigil.deadline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.deadline.Authority.MHRA;
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
import static org.vigil.deadline.Jurisdiction.GB;
import static org.vigil.deadline.Jurisdiction.XI;
import static org.vigil.deadline.ObligationKind.COMPLETE_REPORT;
import static org.vigil.deadline.ObligationKind.FINAL_REPORT;
import static org.vigil.deadline.ObligationKind.FOLLOW_UP;
import static org.vigil.deadline.ObligationKind.FSCA_NOTIFICATION;
import static org.vigil.deadline.ObligationKind.INITIAL_REPORT;
import static org.vigil.deadline.ObligationKind.PERIODIC_SUMMARY_REPORT;
import static org.vigil.deadline.ObligationKind.TREND_REPORT;
import static org.vigil.deadline.rules.RuleCases.BERLIN;
import static org.vigil.deadline.rules.RuleCases.LONDON;
import static org.vigil.deadline.rules.RuleCases.assertThatObligation;
import static org.vigil.deadline.rules.RuleCases.at;
import static org.vigil.deadline.rules.RuleCases.incidentIn;
import static org.vigil.deadline.rules.RuleCases.obligationFrom;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vigil.deadline.Due;

/**
 * Pack {@code eu-mdr}: Regulation (EU) 2017/745 Art. 87–89, for incidents in an EU/EEA state (its national competent
 * authority) and in Northern Ireland (MHRA under the EU rules). The incident is in Germany and the manufacturer in
 * Berlin unless the test says otherwise. Periods are counted as the pack's notes state: day 0 is the awareness date,
 * the period ends at the end of its last day, and under Regulation 1182/71 Art. 3(4) and (5) a last day on a
 * Saturday, Sunday or public holiday of the authority's state moves to the next working day and a period of two
 * days or more holds two working days (German common holidays; Berlin is UTC+1, UTC+2 from 29 March to 25 October
 * 2026).
 */
@ExtendWith(CoveredRuleCheck.class)
class EuMdrRuleTests {

    private static final RuleCases.Case GERMANY = incidentIn("DE", EU).madeBy("DE", BERLIN);

    @Test
    @Covers("mdr-87-spht")
    void threat_known_on_Tuesday_10_February_2026_is_due_Thursday_12_February_MDR_87_4() {
        var facts = GERMANY.classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2026-02-10T16:45", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-spht"))
                .citing("MDR Art. 87(4)").obliging(INITIAL_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .clockStartedAt(at("2026-02-10T16:45", BERLIN))
                .dueBy(LocalDate.of(2026, 2, 12), BERLIN, "2026-02-12T23:00:00Z");
    }

    @Test
    @Covers("mdr-87-spht")
    void threat_known_on_Maundy_Thursday_2026_is_due_Wednesday_8_April_after_Easter_MDR_87_4_and_Regulation_1182_71_3_4_and_3_5() {
        // Day 2 is Saturday 4 April; Sunday 5 and Easter Monday 6 are not working days either, so the period runs to
        // Tuesday 7 (Art. 3(4)). Good Friday to Tuesday then holds one working day, not two: Wednesday 8 (Art. 3(5)).
        var facts = GERMANY.classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2026-04-02T11:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-spht"))
                .citing("MDR Art. 87(4)")
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBy(LocalDate.of(2026, 4, 8), BERLIN, "2026-04-08T22:00:00Z");
    }

    @Test
    @Covers("mdr-87-death")
    void death_known_on_29_March_in_Berlin_is_due_8_April_MDR_87_5() {
        var facts = GERMANY.classified(DEATH, at("2026-03-29T10:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .citing("MDR Art. 87(5)").obliging(INITIAL_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBy(LocalDate.of(2026, 4, 8), BERLIN, "2026-04-08T22:00:00Z");
    }

    @Test
    @Covers("mdr-87-death")
    void unanticipated_serious_deterioration_known_on_7_September_2026_is_due_17_September_MDR_87_5() {
        var facts = GERMANY.classified(UNANTICIPATED_SERIOUS_DETERIORATION, at("2026-09-07T08:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .citing("MDR Art. 87(5)").obliging(INITIAL_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBy(LocalDate.of(2026, 9, 17), BERLIN, "2026-09-17T22:00:00Z");
    }

    @Test
    @Covers("mdr-87-death")
    void death_shown_reportable_by_new_information_on_10_September_runs_from_that_day_and_is_due_Monday_21_September_MDR_87_5_and_MDCG_2023_3_Q15() {
        // Known on 1 September and first judged not reportable; new information on 10 September showed it was.
        // Day 10 from 10 September is Sunday 20 September, which moves to Monday 21.
        var facts = GERMANY.classified(DEATH, at("2026-09-01T09:00", BERLIN), at("2026-09-10T15:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .clockStartedAt(at("2026-09-10T15:00", BERLIN))
                .dueBy(LocalDate.of(2026, 9, 21), BERLIN, "2026-09-21T22:00:00Z");
    }

    @Test
    @Covers("mdr-87-death")
    void death_in_Northern_Ireland_known_on_15_May_2026_goes_to_MHRA_by_Tuesday_26_May_after_the_spring_bank_holiday_MDR_87_5() {
        // Day 10 is Monday 25 May, a bank holiday where MHRA sits: the EU rule on periods moves it to Tuesday 26.
        var facts = incidentIn("XI", XI, GB).madeBy("GB", LONDON).classified(DEATH, at("2026-05-15T12:00", LONDON));

        assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .citing("MDR Art. 87(5)")
                .to(XI, MHRA, "XI")
                .dueBy(LocalDate.of(2026, 5, 26), LONDON, "2026-05-26T23:00:00Z");
    }

    @Test
    @Covers("mdr-87-other")
    void other_serious_incident_known_on_18_September_2026_is_due_Monday_5_October_as_day_15_is_German_Unity_Day_MDR_87_3() {
        // Day 15 is Saturday 3 October, also Tag der Deutschen Einheit; Sunday follows: Monday 5 October.
        var facts = GERMANY.classified(OTHER_REPORTABLE, at("2026-09-18T14:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-other"))
                .citing("MDR Art. 87(3)").obliging(INITIAL_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBy(LocalDate.of(2026, 10, 5), BERLIN, "2026-10-05T22:00:00Z");
    }

    @Test
    @Covers("mdr-87-complete")
    void complete_report_announced_in_the_incomplete_initial_report_for_24_June_2026_is_due_that_day_MDR_87_6() {
        var sent = at("2026-06-10T09:00", BERLIN);
        var facts = GERMANY.event(INCOMPLETE_INITIAL_REPORT, sent, LocalDate.of(2026, 6, 24));

        assertThatObligation(obligationFrom(facts, "mdr-87-complete"))
                .citing("MDR Art. 87(6)").obliging(COMPLETE_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .clockStartedAt(sent)
                .dueBy(LocalDate.of(2026, 6, 24), BERLIN, "2026-06-24T22:00:00Z");
    }

    @Test
    @Covers("mdr-87-fsca")
    void field_safety_corrective_action_planned_for_15_July_2026_is_reported_before_that_day_begins_MDR_87_8() {
        var facts = GERMANY.event(FSCA, at("2026-07-01T10:00", BERLIN), LocalDate.of(2026, 7, 15));

        assertThatObligation(obligationFrom(facts, "mdr-87-fsca"))
                .citing("MDR Art. 87(8)").obliging(FSCA_NOTIFICATION)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBeforeUndertaken("2026-07-14T22:00:00Z");
    }

    @Test
    @Covers("mdr-87-fsca")
    void field_safety_corrective_action_without_a_planned_start_is_still_owed_before_it_is_undertaken_MDR_87_8() {
        var facts = GERMANY.event(FSCA, at("2026-07-01T10:00", BERLIN));

        var notification = obligationFrom(facts, "mdr-87-fsca");

        assertThat(notification.due()).isEqualTo(new Due.BeforeUndertaken(null));
        assertThat(notification.due().deadline()).isNull();
    }

    @Test
    @Covers("mdr-87-follow-up")
    void follow_up_report_announced_for_31_August_2026_is_due_that_day_MDR_89_1_and_89_5() {
        var facts = GERMANY.event(FOLLOW_UP_ANNOUNCED, at("2026-08-03T10:00", BERLIN), LocalDate.of(2026, 8, 31));

        assertThatObligation(obligationFrom(facts, "mdr-87-follow-up"))
                .citing("MDR Art. 89(1) and 89(5); MIR 7.3.1 §1.2.f").obliging(FOLLOW_UP)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBy(LocalDate.of(2026, 8, 31), BERLIN, "2026-08-31T22:00:00Z");
    }

    @Test
    @Covers("mdr-87-final")
    void final_report_announced_for_30_November_2026_is_due_by_its_end_in_winter_time_MDR_89_5() {
        var facts = GERMANY.event(FINAL_REPORT_ANNOUNCED, at("2026-11-02T10:00", BERLIN), LocalDate.of(2026, 11, 30));

        assertThatObligation(obligationFrom(facts, "mdr-87-final"))
                .citing("MDR Art. 89(5)").obliging(FINAL_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBy(LocalDate.of(2026, 11, 30), BERLIN, "2026-11-30T23:00:00Z");
    }

    @Test
    @Covers("mdr-87-psr")
    void periodic_summary_report_agreed_for_15_January_2027_is_due_that_day_MDR_87_9() {
        var facts = GERMANY.event(PERIODIC_SUMMARY_AGREED, at("2026-12-14T10:00", BERLIN), LocalDate.of(2027, 1, 15));

        assertThatObligation(obligationFrom(facts, "mdr-87-psr"))
                .citing("MDR Art. 87(9)").obliging(PERIODIC_SUMMARY_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBy(LocalDate.of(2027, 1, 15), BERLIN, "2027-01-15T23:00:00Z");
    }

    @Test
    @Covers("mdr-87-trend")
    void trend_identified_on_3_June_2026_at_14_20_is_due_from_that_moment_as_the_law_sets_no_period_MDR_88_1() {
        var facts = GERMANY.event(TREND_IDENTIFIED, at("2026-06-03T14:20", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-trend"))
                .citing("MDR Art. 88(1)").obliging(TREND_REPORT)
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueWithoutDelayFrom("2026-06-03T12:20:00Z");
    }
}
