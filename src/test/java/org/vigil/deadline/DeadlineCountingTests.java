package org.vigil.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.deadline.DeadlineFixtures.BERLIN;
import static org.vigil.deadline.DeadlineFixtures.LONDON;
import static org.vigil.deadline.DeadlineFixtures.NEW_YORK;
import static org.vigil.deadline.DeadlineFixtures.at;
import static org.vigil.deadline.DeadlineFixtures.dueDate;
import static org.vigil.deadline.DeadlineFixtures.from;
import static org.vigil.deadline.DeadlineFixtures.incidentIn;
import static org.vigil.deadline.DeadlineFixtures.obligations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.vigil.deadline.domain.DeadlineCalculator;

/**
 * How days are counted: from the awareness date in the manufacturer's time zone, to the end of the due date there,
 * across daylight-saving changes, leap days, year ends and holidays.
 */
class DeadlineCountingTests {

    @Test
    void death_known_on_29_March_in_Berlin_is_due_8_April_MDR_87_5() {
        // 29 March 2026 is the EU's spring-forward day: it has 23 hours in Berlin, and still counts as one day.
        var facts = incidentIn("DE", Jurisdiction.EU).classified(Classification.DEATH,
                at("2026-03-29T01:30", BERLIN), at("2026-03-29T10:00", BERLIN), BERLIN);

        Obligation report = from(obligations(facts), "mdr-87-death");

        assertThat(dueDate(report)).isEqualTo(LocalDate.of(2026, 4, 8));
        assertThat(report.due().deadline()).isEqualTo(at("2026-04-09T00:00", BERLIN));
        assertThat(report.due().deadline()).isEqualTo(Instant.parse("2026-04-08T22:00:00Z"));
        assertThat(((Due.By) report.due()).zone()).isEqualTo(BERLIN);
    }

    @Test
    void a_report_due_on_the_autumn_fall_back_day_ends_at_midnight_after_its_25_hours_SI_2024_1368() {
        // Awareness 15 October 2026 + 10 days = Sunday 25 October, when London falls back from BST to GMT. The GB
        // rules do not move a due date off a Sunday.
        var facts = incidentIn("GB", Jurisdiction.GB).classified(Classification.DEATH,
                at("2026-10-15T09:00", LONDON), at("2026-10-15T09:00", LONDON), LONDON);

        Obligation report = from(obligations(facts), "gb-pms-death");

        assertThat(dueDate(report)).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(report.due().deadline()).isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
        Instant dayStart = LocalDate.of(2026, 10, 25).atStartOfDay(LONDON).toInstant();
        assertThat(Duration.between(dayStart, report.due().deadline())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void an_EU_report_falling_due_on_the_fall_back_Sunday_moves_to_Monday_MDR_87_5_and_Regulation_1182_71_3_4() {
        var facts = incidentIn("DE", Jurisdiction.EU).classified(Classification.DEATH,
                at("2026-10-15T09:00", BERLIN), at("2026-10-15T09:00", BERLIN), BERLIN);

        Obligation report = from(obligations(facts), "mdr-87-death");

        assertThat(dueDate(report)).isEqualTo(LocalDate.of(2026, 10, 26));
        // Monday 26 October is a CET day of 24 hours: it ends at 23:00 UTC.
        assertThat(report.due().deadline()).isEqualTo(Instant.parse("2026-10-26T23:00:00Z"));
    }

    @Test
    void a_death_in_France_due_on_a_Saturday_moves_to_Monday_even_without_a_French_holiday_calendar_MDR_87_5() {
        // 6 May 2026 + 10 = Saturday 16 May. Vigil has no French holidays, so only the weekend moves the date:
        // never later than the law allows.
        var facts = incidentIn("FR", Jurisdiction.EU).classified(Classification.DEATH,
                at("2026-05-06T09:00", BERLIN), at("2026-05-06T09:00", BERLIN), BERLIN);

        assertThat(dueDate(from(obligations(facts), "mdr-87-death"))).isEqualTo(LocalDate.of(2026, 5, 18));
    }

    @Test
    void a_death_in_Germany_due_on_Ascension_Day_moves_to_the_next_working_day_MDR_87_5_and_Regulation_1182_71_3_4() {
        var facts = incidentIn("DE", Jurisdiction.EU).classified(Classification.DEATH,
                at("2026-05-04T10:00", BERLIN), at("2026-05-04T10:00", BERLIN), BERLIN);

        assertThat(dueDate(from(obligations(facts), "mdr-87-death"))).isEqualTo(LocalDate.of(2026, 5, 15));
    }

    @Test
    void a_threat_known_late_on_Saturday_28_March_2026_is_due_Tuesday_31_March_with_two_working_days_MDR_87_4_and_Regulation_1182_71_3_5() {
        // 23:59 on Saturday 28 March in Berlin is still 28 March (day 0). Day 2 is Monday 30 March, but Sunday and
        // Monday hold only one working day, and a period of two days or more holds at least two: Tuesday 31 March.
        var facts = incidentIn("DE", Jurisdiction.EU).classified(Classification.SERIOUS_PUBLIC_HEALTH_THREAT,
                at("2026-03-28T23:59", BERLIN), at("2026-03-28T23:59", BERLIN), BERLIN);

        assertThat(dueDate(from(obligations(facts), "mdr-87-spht"))).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void fifteen_days_from_14_February_2028_run_over_the_leap_day_to_29_February_MDR_87_3() {
        var facts = incidentIn("DE", Jurisdiction.EU).classified(Classification.OTHER_REPORTABLE,
                at("2028-02-14T12:00", BERLIN), at("2028-02-14T12:00", BERLIN), BERLIN);

        assertThat(dueDate(from(obligations(facts), "mdr-87-other"))).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void a_threat_known_on_leap_day_2028_is_due_2_March_MDR_87_4() {
        var facts = incidentIn("DE", Jurisdiction.EU).classified(Classification.SERIOUS_PUBLIC_HEALTH_THREAT,
                at("2028-02-29T08:00", BERLIN), at("2028-02-29T08:00", BERLIN), BERLIN);

        assertThat(dueDate(from(obligations(facts), "mdr-87-spht"))).isEqualTo(LocalDate.of(2028, 3, 2));
    }

    @Test
    void a_death_known_on_New_Years_Eve_2026_is_due_Monday_11_January_2027_as_the_tenth_day_is_a_Sunday_MDR_87_5() {
        var facts = incidentIn("DE", Jurisdiction.EU).classified(Classification.DEATH,
                at("2026-12-31T23:30", BERLIN), at("2026-12-31T23:30", BERLIN), BERLIN);

        Obligation report = from(obligations(facts), "mdr-87-death");

        assertThat(dueDate(report)).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(report.due().deadline()).isEqualTo(Instant.parse("2027-01-11T23:00:00Z"));
    }

    @Test
    void a_manufacturer_in_New_York_counts_from_its_own_date_when_it_is_still_the_day_before_there_MDR_87_5() {
        // The hospital in Berlin tells the manufacturer at 02:00 on 10 June 2026 Berlin time: 20:00 on 9 June in
        // New York. The manufacturer's awareness date is 9 June, so the report is due by the end of 19 June in New
        // York, which is 06:00 on 20 June in Berlin.
        Instant awareness = at("2026-06-10T02:00", BERLIN);
        var facts = incidentIn("DE", Jurisdiction.EU, Jurisdiction.US).manufacturerIn("US")
                .classified(Classification.DEATH, awareness, awareness, NEW_YORK);

        Obligation report = from(obligations(facts), "mdr-87-death");

        assertThat(dueDate(report)).isEqualTo(LocalDate.of(2026, 6, 19));
        assertThat(((Due.By) report.due()).zone()).isEqualTo(NEW_YORK);
        assertThat(report.due().deadline()).isEqualTo(at("2026-06-20T06:00", BERLIN));
        assertThat(report.recipient().country()).isEqualTo("DE");
    }

    @Test
    void the_same_incident_counts_from_10_June_for_a_manufacturer_in_Berlin_and_ends_on_Monday_22_June_MDR_87_5() {
        // 10 June + 10 = Saturday 20 June, which moves to Monday 22 June (Regulation 1182/71 Art. 3(4)).
        Instant awareness = at("2026-06-10T02:00", BERLIN);
        var berlin = incidentIn("DE", Jurisdiction.EU).classified(Classification.DEATH, awareness, awareness, BERLIN);

        assertThat(dueDate(from(obligations(berlin), "mdr-87-death"))).isEqualTo(LocalDate.of(2026, 6, 22));
    }

    @Test
    void an_incident_known_on_15_June_2025_in_Great_Britain_falls_under_the_30_day_rule_before_SI_2024_1368() {
        var facts = incidentIn("GB", Jurisdiction.GB).classified(Classification.OTHER_REPORTABLE,
                at("2025-06-15T16:00", LONDON), at("2025-06-20T09:00", LONDON), LONDON);

        var obligations = obligations(facts);

        // MEDDEV 2.12-1 rev. 8 runs from awareness of the event (15 June), not of reportability (20 June).
        assertThat(dueDate(from(obligations, "gb-meddev-other"))).isEqualTo(LocalDate.of(2025, 7, 15));
        assertThat(obligations).noneMatch(o -> o.rule().id().startsWith("gb-pms"));
    }

    @Test
    void an_incident_known_on_16_June_2025_in_Great_Britain_is_due_in_15_days_under_SI_2024_1368() {
        var facts = incidentIn("GB", Jurisdiction.GB).classified(Classification.OTHER_REPORTABLE,
                at("2025-06-16T00:30", LONDON), at("2025-06-16T00:30", LONDON), LONDON);

        var obligations = obligations(facts);

        assertThat(dueDate(from(obligations, "gb-pms-other"))).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(obligations).noneMatch(o -> o.rule().id().startsWith("gb-meddev"));
    }

    @Test
    void five_work_days_from_the_Monday_before_Thanksgiving_2026_skip_Thanksgiving_and_the_weekend_803_53() {
        var facts = incidentIn("US", Jurisdiction.US).manufacturerIn("US").events(NEW_YORK,
                CaseEvent.at(EventKind.REMEDIAL_ACTION_NEEDED, at("2026-11-23T10:00", NEW_YORK)));

        // Tue 24, Wed 25, (Thu 26 Thanksgiving), Fri 27, (weekend), Mon 30, Tue 1 December.
        assertThat(dueDate(from(obligations(facts), "cfr-803.53"))).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void ten_work_days_from_18_December_2026_skip_Christmas_and_New_Years_Day_803_30() {
        var facts = incidentIn("US", Jurisdiction.US).userFacility().events(NEW_YORK,
                CaseEvent.at(EventKind.USER_FACILITY_DEATH, at("2026-12-18T15:00", NEW_YORK)));

        // 21, 22, 23, 24, (25 Christmas), 28, 29, 30, 31, (1 January), 4, 5 January 2027.
        assertThat(dueDate(from(obligations(facts), "cfr-803.30-death-fda"))).isEqualTo(LocalDate.of(2027, 1, 5));
    }

    @Test
    void five_work_days_over_Christmas_2027_skip_both_observed_holidays_on_the_Fridays_803_53() {
        // Christmas Day 2027 is a Saturday, observed Friday 24 December; New Year's Day 2028 is a Saturday,
        // observed Friday 31 December 2027.
        var facts = incidentIn("US", Jurisdiction.US).manufacturerIn("US").events(NEW_YORK,
                CaseEvent.at(EventKind.REMEDIAL_ACTION_NEEDED, at("2027-12-22T10:00", NEW_YORK)));

        // Thu 23, (Fri 24), Mon 27, Tue 28, Wed 29, Thu 30.
        assertThat(dueDate(from(obligations(facts), "cfr-803.53"))).isEqualTo(LocalDate.of(2027, 12, 30));
    }

    @Test
    void information_received_on_30_January_2028_makes_a_supplemental_report_due_on_leap_day_30_calendar_days_803_56() {
        var facts = incidentIn("US", Jurisdiction.US).manufacturerIn("US").events(NEW_YORK,
                CaseEvent.at(EventKind.SUPPLEMENTAL_INFORMATION, at("2028-01-30T11:00", NEW_YORK)));

        assertThat(dueDate(from(obligations(facts), "cfr-803.56"))).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void working_days_are_not_counted_where_no_holiday_calendar_is_known() {
        var calculator = new DeadlineCalculator(java.util.Map.of());

        assertThatThrownBy(() -> calculator.due(new Period.WorkingDays(3), Instant.parse("2026-01-05T10:00:00Z"),
                ZoneId.of("Europe/Paris"), "FR", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No holiday calendar for FR");
    }

    @Test
    void working_days_are_not_counted_beyond_the_years_a_calendar_covers() {
        var facts = incidentIn("US", Jurisdiction.US).manufacturerIn("US").events(NEW_YORK,
                CaseEvent.at(EventKind.REMEDIAL_ACTION_NEEDED, at("2028-12-28T10:00", NEW_YORK)));

        assertThatThrownBy(() -> obligations(facts)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("covers 2024–2028, not 2029");
    }
}
