package org.vigil.deadline.rules;

import static org.vigil.deadline.Classification.DEATH;
import static org.vigil.deadline.Classification.SERIOUS_PUBLIC_HEALTH_THREAT;
import static org.vigil.deadline.EventKind.AUTHORITY_DOCUMENT_REQUEST;
import static org.vigil.deadline.EventKind.REMEDIAL_ACTION_NEEDED;
import static org.vigil.deadline.EventKind.USER_FACILITY_DEATH;
import static org.vigil.deadline.Jurisdiction.CH;
import static org.vigil.deadline.Jurisdiction.EU;
import static org.vigil.deadline.Jurisdiction.GB;
import static org.vigil.deadline.Jurisdiction.US;
import static org.vigil.deadline.rules.RuleCases.BERLIN;
import static org.vigil.deadline.rules.RuleCases.LONDON;
import static org.vigil.deadline.rules.RuleCases.NEW_YORK;
import static org.vigil.deadline.rules.RuleCases.ZURICH;
import static org.vigil.deadline.rules.RuleCases.assertThatObligation;
import static org.vigil.deadline.rules.RuleCases.at;
import static org.vigil.deadline.rules.RuleCases.incidentIn;
import static org.vigil.deadline.rules.RuleCases.obligationFrom;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Year ends: Christmas, Boxing Day / Stephanstag / 2. Weihnachtstag and New Year's Day on working-day rules and on
 * the EU rule that moves a last day off a holiday, with the substitute and observed days of 2026–2028 (Boxing Day
 * 2026 on a Saturday, substitute Monday 28 December in England and Wales; Christmas and New Year's Day 2027/2028 on
 * Saturdays, observed on Fridays 24 and 31 December 2027 in the US and substituted on 27 and 28 December 2027 and
 * 3 January 2028 in England and Wales).
 */
class YearEndTests {

    @Test
    void threat_known_on_Christmas_Eve_2026_in_Germany_is_due_Tuesday_29_December_with_two_working_days_MDR_87_4_and_Regulation_1182_71_3_4_and_3_5() {
        // Day 2 is Saturday 26 December (also a holiday); Sunday 27; Monday 28 is the first working day, but 25 to
        // 28 December hold only that one: Tuesday 29.
        var facts = incidentIn("DE", EU).madeBy("DE", BERLIN)
                .classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2026-12-24T10:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-spht"))
                .dueBy(LocalDate.of(2026, 12, 29), BERLIN, "2026-12-29T23:00:00Z");
    }

    @Test
    void death_known_on_22_December_2026_in_Germany_is_due_Monday_4_January_2027_as_day_10_is_New_Years_Day_MDR_87_5() {
        var facts = incidentIn("DE", EU).madeBy("DE", BERLIN).classified(DEATH, at("2026-12-22T10:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .dueBy(LocalDate.of(2027, 1, 4), BERLIN, "2027-01-04T23:00:00Z");
    }

    @Test
    void death_known_on_28_December_2026_in_Germany_is_due_Thursday_7_January_2027_MDR_87_5() {
        var facts = incidentIn("DE", EU).madeBy("DE", BERLIN).classified(DEATH, at("2026-12-28T10:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .dueBy(LocalDate.of(2027, 1, 7), BERLIN, "2027-01-07T23:00:00Z");
    }

    @Test
    void threat_known_on_30_December_2026_in_Switzerland_is_due_on_New_Years_Day_not_later_MedDO_66_and_MDR_87_4() {
        var facts = incidentIn("CH", CH).madeBy("CH", ZURICH)
                .classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2026-12-30T10:00", ZURICH));

        assertThatObligation(obligationFrom(facts, "meddo-66-spht"))
                .dueBy(LocalDate.of(2027, 1, 1), ZURICH, "2027-01-01T23:00:00Z");
    }

    @Test
    void MHRA_request_received_on_23_December_2026_is_answered_by_30_December_skipping_Christmas_and_the_Boxing_Day_substitute_SI_2024_1368() {
        // Thursday 24 (1), Christmas Friday 25, weekend, substitute Boxing Day Monday 28, Tuesday 29 (2), Wednesday 30 (3).
        var facts = incidentIn("GB", GB).madeBy("GB", LONDON)
                .event(AUTHORITY_DOCUMENT_REQUEST, at("2026-12-23T10:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-pms-documents"))
                .dueBy(LocalDate.of(2026, 12, 30), LONDON, "2026-12-31T00:00:00Z");
    }

    @Test
    void MHRA_request_received_on_the_Boxing_Day_substitute_28_December_2026_is_answered_by_New_Years_Eve_SI_2024_1368() {
        var facts = incidentIn("GB", GB).madeBy("GB", LONDON)
                .event(AUTHORITY_DOCUMENT_REQUEST, at("2026-12-28T10:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-pms-documents"))
                .dueBy(LocalDate.of(2026, 12, 31), LONDON, "2027-01-01T00:00:00Z");
    }

    @Test
    void MHRA_request_received_on_30_December_2027_is_answered_by_5_January_2028_skipping_the_New_Years_Day_substitute_SI_2024_1368() {
        // Friday 31 (1), weekend, substitute New Year's Day Monday 3 January, Tuesday 4 (2), Wednesday 5 (3).
        var facts = incidentIn("GB", GB).madeBy("GB", LONDON)
                .event(AUTHORITY_DOCUMENT_REQUEST, at("2027-12-30T10:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-pms-documents"))
                .dueBy(LocalDate.of(2028, 1, 5), LONDON, "2028-01-06T00:00:00Z");
    }

    @Test
    void remedial_action_found_needed_on_28_December_2026_makes_a_5_day_report_due_5_January_2027_skipping_New_Years_Day_803_53() {
        // Tuesday 29 (1), Wednesday 30 (2), Thursday 31 (3), New Year's Day Friday 1, Monday 4 (4), Tuesday 5 (5).
        var facts = incidentIn("US", US).madeBy("US", NEW_YORK)
                .event(REMEDIAL_ACTION_NEEDED, at("2026-12-28T10:00", NEW_YORK));

        assertThatObligation(obligationFrom(facts, "cfr-803.53"))
                .dueBy(LocalDate.of(2027, 1, 5), NEW_YORK, "2027-01-06T05:00:00Z");
    }

    @Test
    void user_facility_learning_of_a_death_on_28_December_2027_reports_by_12_January_2028_skipping_New_Years_Day_observed_on_31_December_803_30_a_1() {
        // Wednesday 29 (1), Thursday 30 (2), Friday 31 observed New Year's Day, Monday 3 January (3) to Friday 7 (7),
        // Monday 10 (8), Tuesday 11 (9), Wednesday 12 (10).
        var facts = incidentIn("US", US).madeBy("US", NEW_YORK).userFacility()
                .event(USER_FACILITY_DEATH, at("2027-12-28T10:00", NEW_YORK));

        assertThatObligation(obligationFrom(facts, "cfr-803.30-death-fda"))
                .dueBy(LocalDate.of(2028, 1, 12), NEW_YORK, "2028-01-13T05:00:00Z");
    }

    @Test
    void death_known_on_28_December_2026_in_the_US_is_due_27_January_2027_as_calendar_days_run_over_the_holidays_803_50_a() {
        var facts = incidentIn("US", US).madeBy("US", NEW_YORK).classified(DEATH, at("2026-12-28T10:00", NEW_YORK));

        assertThatObligation(obligationFrom(facts, "cfr-803.50"))
                .dueBy(LocalDate.of(2027, 1, 27), NEW_YORK, "2027-01-28T05:00:00Z");
    }
}
