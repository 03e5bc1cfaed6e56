package org.vigil.udi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** HIBC LIC data structures, ANSI/HIBC 2.6-2016 sections 2 (primary), 3 (secondary), 4 (concatenation). */
class HibccTests {

    private static final String CODE39 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";

    /** Appends the modulo 43 check character computed straight from the ANSI/HIBC 2.6 value table. */
    static String withCheck(String data) {
        int sum = 0;
        for (char c : data.toCharArray()) {
            sum += CODE39.indexOf(c);
        }
        return data + CODE39.charAt(sum % 43);
    }

    @Test
    void published_examples_carry_the_right_mod_43_check_character_ANSI_HIBC_2_6_appendix() {
        // examples from an independent HIBC implementation's tests: quantity 02, expiry MMYY, lot
        UdiResult first = Udi.parse("+E20831269/$$8020423286539+");
        assertThat(first.problems()).isEmpty();
        assertThat(first.di()).isEqualTo(withCheck("+E20831269"));
        assertThat(first.quantity()).isEqualTo(2);
        assertThat(first.expiry()).isEqualTo(LocalDate.of(2023, 4, 30));
        assertThat(first.lot()).isEqualTo("286539");
        assertThat(Udi.parse("+E20831339/$$8020223283831T").valid()).isTrue();
        assertThat(Udi.parse("+E20831339/$$8020223283831U").problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(26);
            assertThat(p.message()).contains("should be T");
        });
    }

    @Test
    void primary_data_structure_gives_the_di_ANSI_HIBC_2_6_section_2() {
        String primary = withCheck("+A123BJC5D6E71");
        UdiResult r = Udi.parse(primary);
        assertThat(r.problems()).isEmpty();
        assertThat(r.issuer()).isEqualTo(IssuingEntity.HIBCC);
        assertThat(r.di()).isEqualTo(primary);
        assertThat(r.lot()).isNull();
    }

    @Test
    void primary_needs_alphabetic_lic_product_number_and_unit_of_measure_digit_ANSI_HIBC_2_6_section_2() {
        assertThat(Udi.parse(withCheck("+A123BJC5D6E7X")).problems()).anySatisfy(p ->
                assertThat(p.message()).contains("unit of measure"));
        assertThat(Udi.parse(withCheck("+A1231")).problems()).anySatisfy(p ->
                assertThat(p.message()).contains("too short"));
        assertThat(Udi.parse(withCheck("+A123" + "P".repeat(19) + "1")).problems()).anySatisfy(p ->
                assertThat(p.message()).contains("longer than 18"));
        assertThat(Udi.parse("+a123bjc5d6e71x").problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(1);
            assertThat(p.message()).contains("capital letters");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // secondary after "/", expected expiry, lot, serial, quantity
        "$$0526LOT1,        2026-05-31, LOT1,  ,      ",
        "$$1226LOT1,        2026-12-31, LOT1,  ,      ",
        "$$2053126LOT2,     2026-05-31, LOT2,  ,      ",
        "$$3260531LOT3,     2026-05-31, LOT3,  ,      ",
        "$$426053114LOT4,   2026-05-31, LOT4,  ,      ",
        "$$526151LOT5,      2026-05-31, LOT5,  ,      ",
        "$$62615123LOT6,    2026-05-31, LOT6,  ,      ",
        "$$7LOT7,           ,           LOT7,  ,      ",
        "$$8120526LOT8,     2026-05-31, LOT8,  ,    12",
        "$$9001203260531L9, 2026-05-31, L9,    ,   120",
        "$$+0526SER1,       2026-05-31,     ,  SER1,  ",
        "$$+3260531SER3,    2026-05-31,     ,  SER3,  ",
        "$$+7SER7,          ,               ,  SER7,  ",
        "$+SER0,            ,               ,  SER0,  ",
        "$LOT0,             ,           LOT0,  ,      ",
        "26151LOTJ,         2026-05-31, LOTJ,  ,      ",
        "$LOT0/SSER9,       ,           LOT0,  SER9,  ",
        "$LOT0/16D20250102/14D20270228, 2027-02-28, LOT0, ,  ",
    })
    void every_secondary_format_ANSI_HIBC_2_6_section_3(String secondary, LocalDate expiry, String lot, String serial,
            Integer quantity) {
        UdiResult r = Udi.parse(withCheck("+A123BJC5D6E71/" + secondary));
        assertThat(r.problems()).isEmpty();
        assertThat(r.expiry()).isEqualTo(expiry);
        assertThat(r.lot()).isEqualTo(lot);
        assertThat(r.serial()).isEqualTo(serial);
        assertThat(r.quantity()).isEqualTo(quantity);
    }

    @Test
    void supplemental_manufacture_date_ANSI_HIBC_2_6_section_3_3() {
        assertThat(Udi.parse(withCheck("+A123BJC5D6E71/$LOT0/16D20250102")).manufactured())
                .isEqualTo(LocalDate.of(2025, 1, 2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "$$1326LOT|month 13 does not exist",
        "$$2023026LOT|day 30 does not exist in February 2026",
        "$$426053125LOT|hour 25 does not exist",
        "$$525366LOT|day 366 does not exist in year 2025",
        "$$A|not an HIBC expiry date format",
        "$$8X|quantity must be 2 digits",
        "$LOT/Q5|unknown HIBC supplemental data",
        "$LOT/16D2025|must be 8 digits",
        "X|must start with a date",
        "$" + "LLLLLLLLLLLLLLLLLLL|longer than 18",
    })
    void malformed_secondary_data_is_explained_ANSI_HIBC_2_6_section_3(String secondary, String reason) {
        UdiResult r = Udi.parse(withCheck("+A123BJC5D6E71/" + secondary));
        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains(reason));
    }

    @Test
    void leap_day_julian_and_month_only_expiry_ANSI_HIBC_2_6_section_3() {
        assertThat(Udi.parse(withCheck("+A123BJC5D6E71/$$528060L")).expiry()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Udi.parse(withCheck("+A123BJC5D6E71/$$0228L")).expiry()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void split_primary_and_secondary_are_linked_by_the_primary_check_character_ANSI_HIBC_2_6_section_4() {
        String primary = withCheck("+A123BJC5D6E71");
        char link = primary.charAt(primary.length() - 1);
        String secondary = withCheck("+$$3260531LOT9" + link);
        UdiResult r = Udi.parseHibcc(primary, secondary);
        assertThat(r.problems()).isEmpty();
        assertThat(r.di()).isEqualTo(primary);
        assertThat(r.lot()).isEqualTo("LOT9");
        assertThat(r.expiry()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(r.input()).isEqualTo(primary + " " + secondary);

        char otherLink = link == 'A' ? 'B' : 'A';
        UdiResult unlinked = Udi.parseHibcc(primary, withCheck("+$$3260531LOT9" + otherLink));
        assertThat(unlinked.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(primary.length() + 1 + 14);
            assertThat(p.message()).contains("do not belong together");
        });
        // the secondary alone is readable, without a DI
        UdiResult alone = Udi.parse(secondary);
        assertThat(alone.valid()).isTrue();
        assertThat(alone.di()).isNull();
        assertThat(alone.lot()).isEqualTo("LOT9");
    }

    @Test
    void split_reading_rejects_swapped_or_concatenated_symbols() {
        String primary = withCheck("+A123BJC5D6E71");
        assertThat(Udi.parseHibcc(withCheck("+$$7L" + primary.charAt(primary.length() - 1)), primary).valid()).isFalse();
        assertThat(Udi.parseHibcc(withCheck("+A123BJC5D6E71/$L"), withCheck("+$L1")).valid()).isFalse();
    }

    @Test
    void characters_outside_code_39_are_rejected_with_position() {
        UdiResult r = Udi.parse("+A123BJC5D6E71/$LO_T1");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(18);
            assertThat(p.message()).contains("\"_\" is not allowed");
        });
    }
}
