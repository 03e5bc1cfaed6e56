package org.vigil.udi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * ISBT 128 data structures for medical devices containing MPHO (ICCBBA ST-011 section 5, ST-017,
 * data structure definitions in ST-001 section 2.4).
 */
class Isbt128Tests {

    private static final String UDI = "=/A9999XYZ100T0944" + "=,000025" + "=G12349865432177" + "=>026152"
            + "=}025032" + "&,1000000000000XYZ123";

    @Test
    void processor_product_identification_code_and_production_identifiers_ST_011_section_5() {
        UdiResult r = Udi.parse(UDI);
        assertThat(r.problems()).isEmpty();
        assertThat(r.issuer()).isEqualTo(IssuingEntity.ICCBBA);
        assertThat(r.di()).isEqualTo("A9999XYZ100T0944");
        assertThat(r.serial()).isEqualTo("000025");
        assertThat(r.lot()).isEqualTo("000000000000XYZ123");
        assertThat(r.expiry()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(r.manufactured()).isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void din_serves_as_lot_when_no_mpho_lot_number_is_given_ST_011() {
        UdiResult r = Udi.parse("=/A9999XYZ100T0944=G12349865432177");
        assertThat(r.lot()).isEqualTo("G123498654321");
    }

    @Test
    void din_flags_60_to_96_carry_the_iso_7064_mod_37_2_check_ST_001_and_UK_red_book_annex_2() {
        // Red Book example: G123 498 654 321 has checksum 17, so the flags are 77
        assertThat(Udi.parse("=/A9999XYZ100T0944=G12349865432177").valid()).isTrue();
        UdiResult wrong = Udi.parse("=/A9999XYZ100T0944=G12349865432178");
        assertThat(wrong.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(32);
            assertThat(p.message()).contains("flags should be 77 (check character H)");
        });
        // flags 00 carry no check: accepted
        assertThat(Udi.parse("=/A9999XYZ100T0944=G12349865432100").valid()).isTrue();
    }

    @Test
    void expiration_date_and_time_and_production_date_and_time_ST_001_data_structures_005_and_009() {
        UdiResult r = Udi.parse("=/A9999XYZ100T0944&>0260602359&}0250011200");
        assertThat(r.problems()).isEmpty();
        assertThat(r.expiry()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(r.manufactured()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(Udi.parse("=/A9999XYZ100T0944&>0260602460").problems()).extracting(UdiProblem::message)
                .anySatisfy(m -> assertThat(m).contains("hour 24"))
                .anySatisfy(m -> assertThat(m).contains("minute 60"));
    }

    @Test
    void julian_day_366_exists_only_in_leap_years_ST_001_cyyjjj() {
        assertThat(Udi.parse("=/A9999XYZ100T0944=>028366").expiry()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(Udi.parse("=/A9999XYZ100T0944=>026366").problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(23);
            assertThat(p.message()).contains("day 366 does not exist in year 2026");
        });
    }

    @Test
    void product_code_data_structure_003_is_a_di_when_no_ppic_ST_001_2_4_3() {
        UdiResult r = Udi.parse("=<E0001V00=G12349865432177");
        assertThat(r.problems()).isEmpty();
        assertThat(r.di()).isEqualTo("E0001V00");
    }

    @Test
    void compound_message_header_is_accepted_ST_001_data_structure_023() {
        assertThat(Udi.parse("=+06001" + UDI).valid()).isTrue();
    }

    @Test
    void malformed_structures_are_reported_with_position() {
        assertThat(Udi.parse("=/A9999XYZ100").problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(13);
            assertThat(p.message()).contains("cut short");
        });
        assertThat(Udi.parse("=/A9999XYZ100T0944=%ABC").problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(18);
            assertThat(p.message()).contains("\"=%\" is not one used in a UDI");
        });
        assertThat(Udi.parse("=/A9999XYZ100T09X4").problems()).anySatisfy(p ->
                assertThat(p.message()).contains("product description code"));
        assertThat(Udi.parse("=G12349865432177").problems()).singleElement().extracting(UdiProblem::message)
                .asString().contains("no product identification");
    }
}
