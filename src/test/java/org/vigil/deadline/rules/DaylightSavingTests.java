package org.vigil.deadline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.deadline.Classification.DEATH;
import static org.vigil.deadline.Classification.OTHER_REPORTABLE;
import static org.vigil.deadline.EventKind.CORRECTION_OR_REMOVAL_STARTED;
import static org.vigil.deadline.EventKind.REMEDIAL_ACTION_NEEDED;
import static org.vigil.deadline.Jurisdiction.CH;
import static org.vigil.deadline.Jurisdiction.EU;
import static org.vigil.deadline.Jurisdiction.US;
import static org.vigil.deadline.rules.RuleCases.BERLIN;
import static org.vigil.deadline.rules.RuleCases.CHICAGO;
import static org.vigil.deadline.rules.RuleCases.ZURICH;
import static org.vigil.deadline.rules.RuleCases.assertThatObligation;
import static org.vigil.deadline.rules.RuleCases.at;
import static org.vigil.deadline.rules.RuleCases.incidentIn;
import static org.vigil.deadline.rules.RuleCases.obligationFrom;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

/**
 * Daylight-saving changes: a period counts calendar dates in the manufacturer's zone and ends at local midnight, so
 * a period across a change lasts an hour less (spring) or more (autumn) than its days times 24 hours, and a last day
 * that is itself the change day has 23 or 25 hours. Europe changes on the last Sunday of March and October (29 March
 * and 25 October 2026), the US on the second Sunday of March and the first of November (8 March and 1 November 2026).
 */
class DaylightSavingTests {

    @Test
    void ten_days_across_the_spring_change_in_Berlin_end_at_local_midnight_263_hours_after_day_0_began_MDR_87_5() {
        // Friday 20 March 2026 + 10 = Monday 30 March. Day 0 began at 00:00 CET (23:00 UTC on the 19th); the end is
        // 00:00 CEST on 31 March (22:00 UTC on the 30th): 11 days of which one had 23 hours.
        var facts = incidentIn("DE", EU).madeBy("DE", BERLIN).classified(DEATH, at("2026-03-20T10:00", BERLIN));

        var due = assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .dueBy(LocalDate.of(2026, 3, 30), BERLIN, "2026-03-30T22:00:00Z").by();

        assertThat(due.end().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(Duration.between(Instant.parse("2026-03-19T23:00:00Z"), due.end())).isEqualTo(Duration.ofHours(263));
    }

    @Test
    void ten_days_across_the_autumn_change_in_Berlin_end_at_local_midnight_265_hours_after_day_0_began_MDR_87_5() {
        // Tuesday 20 October 2026 + 10 = Friday 30 October. Day 0 began at 00:00 CEST (22:00 UTC on the 19th); the
        // end is 00:00 CET on 31 October (23:00 UTC on the 30th): 11 days of which one had 25 hours.
        var facts = incidentIn("DE", EU).madeBy("DE", BERLIN).classified(DEATH, at("2026-10-20T10:00", BERLIN));

        var due = assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .dueBy(LocalDate.of(2026, 10, 30), BERLIN, "2026-10-30T23:00:00Z").by();

        assertThat(due.end().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(Duration.between(Instant.parse("2026-10-19T22:00:00Z"), due.end())).isEqualTo(Duration.ofHours(265));
    }

    @Test
    void a_Swiss_report_due_on_the_spring_change_Sunday_has_a_last_day_of_23_hours_MedDO_66_and_MDR_87_5() {
        // Thursday 19 March 2026 + 10 = Sunday 29 March, kept under the Swiss rules.
        var facts = incidentIn("CH", CH).madeBy("CH", ZURICH).classified(DEATH, at("2026-03-19T10:00", ZURICH));

        var due = assertThatObligation(obligationFrom(facts, "meddo-66-death"))
                .dueBy(LocalDate.of(2026, 3, 29), ZURICH, "2026-03-29T22:00:00Z").by();

        assertThat(Duration.between(Instant.parse("2026-03-28T23:00:00Z"), due.end())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void a_Swiss_report_due_on_the_autumn_change_Sunday_has_a_last_day_of_25_hours_IvDO_59_and_IVDR_82_3() {
        // Saturday 10 October 2026 + 15 = Sunday 25 October, kept under the Swiss rules.
        var facts = incidentIn("CH", CH).madeBy("CH", ZURICH).ivd()
                .classified(OTHER_REPORTABLE, at("2026-10-10T10:00", ZURICH));

        var due = assertThatObligation(obligationFrom(facts, "ivdo-59-other"))
                .dueBy(LocalDate.of(2026, 10, 25), ZURICH, "2026-10-25T23:00:00Z").by();

        assertThat(Duration.between(Instant.parse("2026-10-24T22:00:00Z"), due.end())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void five_work_days_across_the_US_spring_change_in_Chicago_end_at_local_midnight_191_hours_after_day_0_began_803_53() {
        // Wednesday 4 March 2026: Thursday 5 (1), Friday 6 (2), Monday 9 (3), Tuesday 10 (4), Wednesday 11 (5). Day 0
        // began at 00:00 CST (06:00 UTC); the end is 00:00 CDT on 12 March (05:00 UTC): 8 days less an hour.
        var facts = incidentIn("US", US).madeBy("US", CHICAGO)
                .event(REMEDIAL_ACTION_NEEDED, at("2026-03-04T10:00", CHICAGO));

        var due = assertThatObligation(obligationFrom(facts, "cfr-803.53"))
                .dueBy(LocalDate.of(2026, 3, 11), CHICAGO, "2026-03-12T05:00:00Z").by();

        assertThat(due.end().atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(Duration.between(Instant.parse("2026-03-04T06:00:00Z"), due.end())).isEqualTo(Duration.ofHours(191));
    }

    @Test
    void ten_working_days_across_the_US_autumn_change_in_Chicago_end_at_local_midnight_385_hours_after_day_0_began_806_10_b() {
        // Wednesday 28 October 2026: 29, 30 October, 2 to 6 November, 9, 10 (9), Veterans Day 11 skipped, 12 (10).
        // Day 0 began at 00:00 CDT (05:00 UTC); the end is 00:00 CST on 13 November (06:00 UTC): 16 days and an hour.
        var facts = incidentIn("US", US).madeBy("US", CHICAGO)
                .event(CORRECTION_OR_REMOVAL_STARTED, at("2026-10-28T10:00", CHICAGO));

        var due = assertThatObligation(obligationFrom(facts, "cfr-806.10"))
                .dueBy(LocalDate.of(2026, 11, 12), CHICAGO, "2026-11-13T06:00:00Z").by();

        assertThat(due.end().atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(Duration.between(Instant.parse("2026-10-28T05:00:00Z"), due.end())).isEqualTo(Duration.ofHours(385));
    }

    @Test
    void both_instants_of_the_repeated_hour_01_30_on_1_November_2026_in_Chicago_are_day_0_and_give_the_same_due_time_803_50_a() {
        // 01:30 happens twice in Chicago that night: at 06:30 UTC (CDT) and 07:30 UTC (CST).
        var first = incidentIn("US", US).madeBy("US", CHICAGO)
                .classified(DEATH, Instant.parse("2026-11-01T06:30:00Z"));
        var second = incidentIn("US", US).madeBy("US", CHICAGO)
                .classified(DEATH, Instant.parse("2026-11-01T07:30:00Z"));

        assertThatObligation(obligationFrom(first, "cfr-803.50"))
                .dueBy(LocalDate.of(2026, 12, 1), CHICAGO, "2026-12-02T06:00:00Z");
        assertThatObligation(obligationFrom(second, "cfr-803.50"))
                .dueBy(LocalDate.of(2026, 12, 1), CHICAGO, "2026-12-02T06:00:00Z");
    }
}
