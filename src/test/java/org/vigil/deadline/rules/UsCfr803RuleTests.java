package org.vigil.deadline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.deadline.Authority.DEVICE_MANUFACTURER;
import static org.vigil.deadline.Authority.FDA;
import static org.vigil.deadline.Classification.DEATH;
import static org.vigil.deadline.Classification.OTHER_REPORTABLE;
import static org.vigil.deadline.Classification.SERIOUS_PUBLIC_HEALTH_THREAT;
import static org.vigil.deadline.EventKind.CORRECTION_OR_REMOVAL_STARTED;
import static org.vigil.deadline.EventKind.REMEDIAL_ACTION_NEEDED;
import static org.vigil.deadline.EventKind.SUPPLEMENTAL_INFORMATION;
import static org.vigil.deadline.EventKind.USER_FACILITY_DEATH;
import static org.vigil.deadline.EventKind.USER_FACILITY_SERIOUS_INJURY;
import static org.vigil.deadline.Jurisdiction.US;
import static org.vigil.deadline.ObligationKind.CORRECTION_REMOVAL_REPORT;
import static org.vigil.deadline.ObligationKind.FIVE_DAY_REPORT;
import static org.vigil.deadline.ObligationKind.INITIAL_REPORT;
import static org.vigil.deadline.ObligationKind.SUPPLEMENTAL_REPORT;
import static org.vigil.deadline.ObligationKind.USER_FACILITY_REPORT;
import static org.vigil.deadline.rules.RuleCases.CHICAGO;
import static org.vigil.deadline.rules.RuleCases.LOS_ANGELES;
import static org.vigil.deadline.rules.RuleCases.NEW_YORK;
import static org.vigil.deadline.rules.RuleCases.assertThatObligation;
import static org.vigil.deadline.rules.RuleCases.at;
import static org.vigil.deadline.rules.RuleCases.incidentIn;
import static org.vigil.deadline.rules.RuleCases.obligationFrom;
import static org.vigil.deadline.rules.RuleCases.ruleIds;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pack {@code us-cfr-803}: 21 CFR 803 (medical device reporting) and 806.10 (corrections and removals), FDA. Calendar
 * days keep their last day whatever the day of the week (803.50, 803.56); work days are Monday to Friday except
 * Federal holidays (803.3), and the day of awareness is not counted ("within 5 work days after the day", 803.53).
 * Eastern time is UTC−5 (UTC−4 from 8 March to 1 November 2026), Central UTC−6 (−5), Pacific UTC−8 (−7); in 2027
 * summer time runs from 14 March.
 */
@ExtendWith(CoveredRuleCheck.class)
class UsCfr803RuleTests {

    @Test
    @Covers("cfr-803.50")
    void death_known_in_Chicago_on_2_February_2026_is_due_4_March_30_calendar_days_803_50_a() {
        var facts = incidentIn("US", US).madeBy("US", CHICAGO).classified(DEATH, at("2026-02-02T10:00", CHICAGO));

        assertThatObligation(obligationFrom(facts, "cfr-803.50"))
                .citing("21 CFR 803.50(a)").obliging(INITIAL_REPORT)
                .to(US, FDA, "US")
                .dueBy(LocalDate.of(2026, 3, 4), CHICAGO, "2026-03-05T06:00:00Z");
    }

    @Test
    @Covers("cfr-803.50")
    void malfunction_known_on_2_April_2026_is_due_on_Saturday_2_May_as_calendar_days_are_not_moved_803_50_a() {
        var facts = incidentIn("US", US).madeBy("US", CHICAGO)
                .classified(OTHER_REPORTABLE, at("2026-04-02T10:00", CHICAGO));

        assertThatObligation(obligationFrom(facts, "cfr-803.50"))
                .to(US, FDA, "US")
                .dueBy(LocalDate.of(2026, 5, 2), CHICAGO, "2026-05-03T05:00:00Z");
    }

    @Test
    @Covers("cfr-803.50")
    void serious_public_health_threat_still_gets_30_days_under_803_50_a_and_no_5_day_report_without_a_remedial_action_finding_803_53() {
        var facts = incidentIn("US", US).madeBy("US", NEW_YORK)
                .classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2026-09-10T10:00", NEW_YORK));

        assertThatObligation(obligationFrom(facts, "cfr-803.50"))
                .to(US, FDA, "US")
                .dueBy(LocalDate.of(2026, 10, 10), NEW_YORK, "2026-10-11T04:00:00Z");
        assertThat(ruleIds(facts)).containsExactly("cfr-803.50");
    }

    @Test
    @Covers("cfr-803.53")
    void remedial_action_found_needed_on_2_July_2026_makes_a_5_day_report_due_10_July_over_Independence_Day_observed_803_53() {
        // Work days: Friday 3 July is the observed Independence Day; Monday 6 (1) to Friday 10 (5).
        var facts = incidentIn("US", US).madeBy("US", NEW_YORK)
                .event(REMEDIAL_ACTION_NEEDED, at("2026-07-02T10:00", NEW_YORK));

        assertThatObligation(obligationFrom(facts, "cfr-803.53"))
                .citing("21 CFR 803.53").obliging(FIVE_DAY_REPORT)
                .to(US, FDA, "US")
                .dueBy(LocalDate.of(2026, 7, 10), NEW_YORK, "2026-07-11T04:00:00Z");
    }

    @Test
    @Covers("cfr-803.56")
    void information_received_on_15_January_2026_makes_a_supplemental_report_due_on_Saturday_14_February_803_56() {
        var facts = incidentIn("US", US).madeBy("US", NEW_YORK)
                .event(SUPPLEMENTAL_INFORMATION, at("2026-01-15T10:00", NEW_YORK));

        assertThatObligation(obligationFrom(facts, "cfr-803.56"))
                .citing("21 CFR 803.56").obliging(SUPPLEMENTAL_REPORT)
                .to(US, FDA, "US")
                .dueBy(LocalDate.of(2026, 2, 14), NEW_YORK, "2026-02-15T05:00:00Z");
    }

    @Test
    @Covers("cfr-806.10")
    void correction_started_on_9_November_2026_is_reported_by_24_November_10_working_days_over_Veterans_Day_806_10_b() {
        // Tuesday 10 (1), Veterans Day Wednesday 11, Thursday 12 (2), Friday 13 (3), 16 to 20 (4–8), 23 (9), 24 (10).
        var facts = incidentIn("US", US).madeBy("US", NEW_YORK)
                .event(CORRECTION_OR_REMOVAL_STARTED, at("2026-11-09T10:00", NEW_YORK));

        assertThatObligation(obligationFrom(facts, "cfr-806.10"))
                .citing("21 CFR 806.10(b)").obliging(CORRECTION_REMOVAL_REPORT)
                .to(US, FDA, "US")
                .dueBy(LocalDate.of(2026, 11, 24), NEW_YORK, "2026-11-25T05:00:00Z");
    }

    @Test
    @Covers("cfr-803.30-death-fda")
    void user_facility_learning_of_a_death_on_15_January_2027_reports_it_to_FDA_by_1_February_over_Martin_Luther_King_Day_803_30_a_1() {
        // Monday 18 January is a Federal holiday: Tuesday 19 (1) to Friday 22 (4), 25 to 29 (5–9), Monday 1 February
        // (10).
        var facts = incidentIn("US", US).madeBy("US", CHICAGO).userFacility()
                .event(USER_FACILITY_DEATH, at("2027-01-15T16:00", CHICAGO));

        assertThatObligation(obligationFrom(facts, "cfr-803.30-death-fda"))
                .citing("21 CFR 803.30(a)(1)").obliging(USER_FACILITY_REPORT)
                .to(US, FDA, "US")
                .dueBy(LocalDate.of(2027, 2, 1), CHICAGO, "2027-02-02T06:00:00Z");
    }

    @Test
    @Covers("cfr-803.30-death-manufacturer")
    void user_facility_learning_of_a_death_on_15_January_2027_reports_it_to_the_manufacturer_by_1_February_too_803_30_a_1() {
        var facts = incidentIn("US", US).madeBy("US", CHICAGO).userFacility()
                .event(USER_FACILITY_DEATH, at("2027-01-15T16:00", CHICAGO));

        assertThatObligation(obligationFrom(facts, "cfr-803.30-death-manufacturer"))
                .citing("21 CFR 803.30(a)(1)").obliging(USER_FACILITY_REPORT)
                .to(US, DEVICE_MANUFACTURER, "US")
                .dueBy(LocalDate.of(2027, 2, 1), CHICAGO, "2027-02-02T06:00:00Z");
    }

    @Test
    @Covers("cfr-803.30-serious-injury")
    void user_facility_learning_of_a_serious_injury_on_12_February_2027_reports_it_to_the_manufacturer_only_by_1_March_over_Washingtons_Birthday_803_30_a_2() {
        // Monday 15 February is a Federal holiday: Tuesday 16 (1) to Friday 19 (4), 22 to 26 (5–9), Monday 1 March (10).
        var facts = incidentIn("US", US).madeBy("US", LOS_ANGELES).userFacility()
                .event(USER_FACILITY_SERIOUS_INJURY, at("2027-02-12T09:00", LOS_ANGELES));

        assertThatObligation(obligationFrom(facts, "cfr-803.30-serious-injury"))
                .citing("21 CFR 803.30(a)(2)").obliging(USER_FACILITY_REPORT)
                .to(US, DEVICE_MANUFACTURER, "US")
                .dueBy(LocalDate.of(2027, 3, 1), LOS_ANGELES, "2027-03-02T08:00:00Z");
        assertThat(ruleIds(facts)).containsExactly("cfr-803.30-serious-injury");
    }
}
