package org.vigil.deadline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.deadline.Authority.FDA;
import static org.vigil.deadline.Authority.MHRA;
import static org.vigil.deadline.Authority.NATIONAL_COMPETENT_AUTHORITY;
import static org.vigil.deadline.Authority.SWISSMEDIC;
import static org.vigil.deadline.Classification.DEATH;
import static org.vigil.deadline.EventKind.AUTHORITY_DOCUMENT_REQUEST;
import static org.vigil.deadline.Jurisdiction.CH;
import static org.vigil.deadline.Jurisdiction.EU;
import static org.vigil.deadline.Jurisdiction.GB;
import static org.vigil.deadline.Jurisdiction.US;
import static org.vigil.deadline.rules.RuleCases.LOS_ANGELES;
import static org.vigil.deadline.rules.RuleCases.NEW_YORK;
import static org.vigil.deadline.rules.RuleCases.TOKYO;
import static org.vigil.deadline.rules.RuleCases.ZURICH;
import static org.vigil.deadline.rules.RuleCases.assertThatObligation;
import static org.vigil.deadline.rules.RuleCases.at;
import static org.vigil.deadline.rules.RuleCases.incidentIn;
import static org.vigil.deadline.rules.RuleCases.obligationFrom;
import static org.vigil.deadline.rules.RuleCases.ruleIds;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * A manufacturer in another time zone than the incident: day 0 is the awareness date in the <em>manufacturer's</em>
 * zone and the report is due by the end of the due date there; the holidays that move an EU last day or that are
 * skipped as non-working days are those of the authority's country. The awareness instant 23:30 UTC on 4 May 2026 is
 * already 5 May in Zurich (01:30) and Tokyo (08:30) but still 4 May in New York (19:30).
 */
class ManufacturerTimeZoneTests {

    private static final Instant LATE_ON_4_MAY_UTC = Instant.parse("2026-05-04T23:30:00Z");

    @Test
    void awareness_at_23_30_UTC_is_5_May_for_a_Zurich_manufacturer_so_a_Swiss_death_is_due_15_May_MedDO_66_and_MDR_87_5() {
        var facts = incidentIn("CH", CH).madeBy("CH", ZURICH).classified(DEATH, LATE_ON_4_MAY_UTC);

        assertThatObligation(obligationFrom(facts, "meddo-66-death"))
                .to(CH, SWISSMEDIC, "CH")
                .dueBy(LocalDate.of(2026, 5, 15), ZURICH, "2026-05-15T22:00:00Z");
    }

    @Test
    void awareness_at_23_30_UTC_is_5_May_for_a_Tokyo_manufacturer_whose_CH_REP_reports_by_the_end_of_15_May_in_Tokyo_MedDO_66_2bis_and_MDR_87_5() {
        var facts = incidentIn("CH", CH).madeBy("JP", TOKYO).classified(DEATH, LATE_ON_4_MAY_UTC);

        assertThatObligation(obligationFrom(facts, "meddo-66-death"))
                .to(CH, SWISSMEDIC, "CH", "CH-REP")
                .dueBy(LocalDate.of(2026, 5, 15), TOKYO, "2026-05-15T15:00:00Z");
    }

    @Test
    void awareness_at_23_30_UTC_is_still_4_May_for_a_New_York_manufacturer_so_the_Swiss_report_is_due_14_May_MedDO_66_2bis_and_MDR_87_5() {
        // 14 May 2026 is Ascension Day, but the Swiss rules keep the last day.
        var facts = incidentIn("CH", CH).madeBy("US", NEW_YORK).classified(DEATH, LATE_ON_4_MAY_UTC);

        assertThatObligation(obligationFrom(facts, "meddo-66-death"))
                .to(CH, SWISSMEDIC, "CH", "CH-REP")
                .dueBy(LocalDate.of(2026, 5, 14), NEW_YORK, "2026-05-15T04:00:00Z");
    }

    @Test
    void a_Tokyo_manufacturer_counts_a_German_death_known_at_23_30_UTC_from_5_May_to_15_May_MDR_87_5() {
        var facts = incidentIn("DE", EU).madeBy("JP", TOKYO).classified(DEATH, LATE_ON_4_MAY_UTC);

        assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBy(LocalDate.of(2026, 5, 15), TOKYO, "2026-05-15T15:00:00Z");
    }

    @Test
    void a_New_York_manufacturer_counts_the_same_German_death_from_4_May_and_its_tenth_day_German_Ascension_Day_moves_to_15_May_MDR_87_5() {
        var facts = incidentIn("DE", EU).madeBy("US", NEW_YORK).classified(DEATH, LATE_ON_4_MAY_UTC);

        assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBy(LocalDate.of(2026, 5, 15), NEW_YORK, "2026-05-16T04:00:00Z");
    }

    @Test
    void a_Los_Angeles_manufacturer_told_of_a_death_in_Germany_at_05_00_Berlin_time_on_10_June_counts_from_9_June_for_both_the_German_authority_and_FDA_MDR_87_5_and_803_50_a() {
        // 05:00 CEST on 10 June is 20:00 PDT on 9 June. Germany: 9 + 10 = Friday 19 June. FDA: 9 June + 30 = 9 July.
        var facts = incidentIn("DE", EU, US).madeBy("US", LOS_ANGELES)
                .classified(DEATH, at("2026-06-10T05:00", RuleCases.BERLIN));

        assertThatObligation(obligationFrom(facts, "mdr-87-death"))
                .to(EU, NATIONAL_COMPETENT_AUTHORITY, "DE")
                .dueBy(LocalDate.of(2026, 6, 19), LOS_ANGELES, "2026-06-20T07:00:00Z");
        assertThatObligation(obligationFrom(facts, "cfr-803.50"))
                .to(US, FDA, "US")
                .dueBy(LocalDate.of(2026, 7, 9), LOS_ANGELES, "2026-07-10T07:00:00Z");
        assertThat(ruleIds(facts)).containsExactly("mdr-87-death", "cfr-803.50");
    }

    @Test
    void a_Tokyo_manufacturer_counts_MHRAs_3_working_days_from_its_own_date_on_the_England_and_Wales_calendar_SI_2024_1368() {
        // 23:30 UTC on 1 April 2026 is Thursday 2 April in Tokyo. Good Friday and Easter Monday do not count:
        // Tuesday 7 (1), Wednesday 8 (2), Thursday 9 (3).
        var facts = incidentIn("GB", GB).madeBy("JP", TOKYO)
                .event(AUTHORITY_DOCUMENT_REQUEST, Instant.parse("2026-04-01T23:30:00Z"));

        assertThatObligation(obligationFrom(facts, "gb-pms-documents"))
                .to(GB, MHRA, "GB")
                .dueBy(LocalDate.of(2026, 4, 9), TOKYO, "2026-04-09T15:00:00Z");
    }
}
