package org.vigil.mir.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.device.UnitsPlaced;
import org.vigil.mir.SimilarIncidentPeriod;

/**
 * Similar incidents for MIR 7.3.1 §4.3: per calendar quarter, in the EEA, Türkiye and Northern Ireland and worldwide,
 * with the units placed in the same quarter and the rates that follow (MDR Art. 88; MDCG 2023-3).
 */
class SimilarIncidentCountingTests {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 6);

    static PrefillSources.SimilarCase at(String day, String country) {
        return new PrefillSources.SimilarCase(LocalDate.parse(day), country);
    }

    static UnitsPlaced units(String country, String month, long count) {
        return new UnitsPlaced("09506000134352", country, YearMonth.parse(month), count);
    }

    @Test
    void the_three_full_quarters_before_the_report_and_the_current_quarter_to_date_are_counted_oldest_first_as_EUDAMED_takes_four_periods_MIR_4_3() {
        var counted = SimilarIncidentCounting.count(List.of("A0401"), List.of(), List.of(), TODAY);

        assertThat(counted.periods()).extracting(SimilarIncidentPeriod::from).containsExactly(
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 10, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));
        assertThat(counted.periods()).extracting(SimilarIncidentPeriod::to).containsExactly(
                LocalDate.of(2025, 9, 30), LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 3, 31), TODAY);
        assertThat(counted.codeBasis()).isEqualTo("IMDRF Annex A: A0401");
    }

    @Test
    void incidents_in_the_EEA_Turkiye_and_Northern_Ireland_count_there_and_worldwide_the_others_only_worldwide_MIR_4_3() {
        var cases = List.of(at("2026-01-15", "DE"), at("2026-02-01", "XI"), at("2026-03-31", "TR"),
                at("2026-03-01", "US"), at("2026-02-10", "GB"), at("2026-02-11", null), at("2025-03-31", "DE"));

        var quarter = SimilarIncidentCounting.count(List.of("A0401"), cases, List.of(), TODAY).periods().get(2);

        assertThat(quarter.incidentsEea()).isEqualTo(3);
        assertThat(quarter.incidentsWorldwide()).isEqualTo(6);
    }

    @Test
    void units_placed_in_the_quarters_months_give_the_rates_in_per_cent_MIR_4_3() {
        var units = List.of(units("DE", "2026-01", 1_000), units("NO", "2026-03", 1_000), units("US", "2026-02", 2_000),
                units("DE", "2026-04", 500), units("DE", "2026-07", 9_999));
        var cases = List.of(at("2026-01-15", "DE"), at("2026-03-01", "US"));

        var periods = SimilarIncidentCounting.count(List.of("A0401"), cases, units, TODAY).periods();
        var q1 = periods.get(2);

        assertThat(q1.unitsEea()).isEqualTo(2_000);
        assertThat(q1.unitsWorldwide()).isEqualTo(4_000);
        assertThat(q1.rateEea()).isEqualByComparingTo("0.0500");
        assertThat(q1.rateWorldwide()).isEqualByComparingTo("0.0500");
        assertThat(periods.get(3).unitsWorldwide()).as("the current quarter to date: April only").isEqualTo(500);
    }

    @Test
    void a_quarter_the_register_holds_no_units_for_is_left_for_a_person_not_set_to_zero_MIR_4_3() {
        var periods = SimilarIncidentCounting.count(List.of("A0401"), List.of(),
                List.of(units("US", "2026-02", 2_000)), TODAY).periods();

        assertThat(periods.get(2).unitsEea()).isNull();
        assertThat(periods.get(2).unitsWorldwide()).isEqualTo(2_000);
        assertThat(periods.get(0).unitsWorldwide()).isNull();
        assertThat(periods.get(2).incidentsEea()).isZero();
    }

    @Test
    void without_an_IMDRF_Annex_A_code_there_is_no_basis_and_nothing_is_counted_MIR_4_3() {
        assertThat(SimilarIncidentCounting.count(List.of(), List.of(at("2026-01-15", "DE")), List.of(), TODAY)
                .periods()).isEmpty();
    }
}
