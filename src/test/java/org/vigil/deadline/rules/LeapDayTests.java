package org.vigil.deadline.rules;

import static org.vigil.deadline.Classification.DEATH;
import static org.vigil.deadline.Classification.OTHER_REPORTABLE;
import static org.vigil.deadline.Classification.SERIOUS_PUBLIC_HEALTH_THREAT;
import static org.vigil.deadline.EventKind.REMEDIAL_ACTION_NEEDED;
import static org.vigil.deadline.Jurisdiction.EU;
import static org.vigil.deadline.Jurisdiction.GB;
import static org.vigil.deadline.Jurisdiction.US;
import static org.vigil.deadline.rules.RuleCases.BERLIN;
import static org.vigil.deadline.rules.RuleCases.CHICAGO;
import static org.vigil.deadline.rules.RuleCases.LONDON;
import static org.vigil.deadline.rules.RuleCases.NEW_YORK;
import static org.vigil.deadline.rules.RuleCases.assertThatObligation;
import static org.vigil.deadline.rules.RuleCases.at;
import static org.vigil.deadline.rules.RuleCases.incidentIn;
import static org.vigil.deadline.rules.RuleCases.obligationFrom;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Leap days: 29 February 2028 (a Tuesday) is an ordinary calendar day and an ordinary working day. */
class LeapDayTests {

    @Test
    void threat_known_on_Sunday_27_February_2028_is_due_on_leap_day_which_holds_the_second_working_day_MDR_87_4() {
        // Day 2 is Tuesday 29 February; Monday 28 and Tuesday 29 are two working days (Regulation 1182/71 Art. 3(5)).
        var facts = incidentIn("DE", EU).madeBy("DE", BERLIN)
                .classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2028-02-27T10:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-spht"))
                .dueBy(LocalDate.of(2028, 2, 29), BERLIN, "2028-02-29T23:00:00Z");
    }

    @Test
    void fifteen_days_from_14_February_2028_end_on_leap_day_in_Great_Britain_SI_2024_1368() {
        var facts = incidentIn("GB", GB).madeBy("GB", LONDON)
                .classified(OTHER_REPORTABLE, at("2028-02-14T10:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-pms-other"))
                .dueBy(LocalDate.of(2028, 2, 29), LONDON, "2028-03-01T00:00:00Z");
    }

    @Test
    void fifteen_days_from_14_February_2027_end_on_1_March_as_2027_has_no_leap_day_SI_2024_1368() {
        var facts = incidentIn("GB", GB).madeBy("GB", LONDON)
                .classified(OTHER_REPORTABLE, at("2027-02-14T10:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-pms-other"))
                .dueBy(LocalDate.of(2027, 3, 1), LONDON, "2027-03-02T00:00:00Z");
    }

    @Test
    void death_known_on_leap_day_2028_is_due_Friday_10_March_MDR_87_5() {
        var facts = incidentIn("DE", EU).madeBy("DE", BERLIN).classified(DEATH, at("2028-02-29T09:00", BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .clockStartedAt(at("2028-02-29T09:00", BERLIN))
                .dueBy(LocalDate.of(2028, 3, 10), BERLIN, "2028-03-10T23:00:00Z");
    }

    @Test
    void death_known_on_leap_day_2028_in_Chicago_is_due_30_March_after_the_clocks_went_forward_on_12_March_803_50_a() {
        var facts = incidentIn("US", US).madeBy("US", CHICAGO).classified(DEATH, at("2028-02-29T09:00", CHICAGO));

        assertThatObligation(obligationFrom(facts, "cfr-803.50"))
                .dueBy(LocalDate.of(2028, 3, 30), CHICAGO, "2028-03-31T05:00:00Z");
    }

    @Test
    void five_work_days_from_Friday_25_February_2028_count_leap_day_as_a_work_day_and_end_Friday_3_March_803_53() {
        // Monday 28 (1), Tuesday 29 (2), Wednesday 1 March (3), Thursday 2 (4), Friday 3 (5).
        var facts = incidentIn("US", US).madeBy("US", NEW_YORK)
                .event(REMEDIAL_ACTION_NEEDED, at("2028-02-25T10:00", NEW_YORK));

        assertThatObligation(obligationFrom(facts, "cfr-803.53"))
                .dueBy(LocalDate.of(2028, 3, 3), NEW_YORK, "2028-03-04T05:00:00Z");
    }
}
