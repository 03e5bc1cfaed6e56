package org.vigil.udi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IFA codes: PPN in an ISO/IEC 15434 format 06 envelope with ASC MH10 data identifiers (IFA "PPN-Code"
 * specification and IFA coding of medical devices).
 */
class IfaTests {

    static final String RS = "\u001E";
    static final String GS = "\u001D";
    static final String EOT = "\u0004";

    @Test
    void format_06_envelope_with_ppn_lot_serial_expiry_and_manufacture_date_ISO_IEC_15434() {
        UdiResult r = Udi.parse("[)>" + RS + "06" + GS + "9N110375286414" + GS + "1TLOT-7.A" + GS + "D261200" + GS
                + "SSN123" + GS + "16D20250229" + RS + EOT);
        assertThat(r.problems()).singleElement().extracting(UdiProblem::message).asString()
                .contains("day 29 does not exist in February 2025");
        UdiResult ok = Udi.parse("[)>" + RS + "06" + GS + "9N110375286414" + GS + "1TLOT-7.A" + GS + "D261200" + GS
                + "SSN123" + GS + "16D20240229" + RS + EOT);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.issuer()).isEqualTo(IssuingEntity.IFA);
        assertThat(ok.di()).isEqualTo("110375286414");
        assertThat(ok.lot()).isEqualTo("LOT-7.A");
        assertThat(ok.serial()).isEqualTo("SN123");
        assertThat(ok.expiry()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(ok.manufactured()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void ppn_check_digits_are_verified_IFA_PPN_specification() {
        // PZN 03752864 -> PPN 11 03752864 14
        UdiResult wrong = Udi.parse("[)>" + RS + "06" + GS + "9N110375286415" + RS + EOT);
        assertThat(wrong.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(19);
            assertThat(p.message()).contains("should be 14");
        });
    }

    @Test
    void pzn_inside_a_ppn_with_agency_code_11_has_its_own_mod_11_check_IFA_PZN_specification() {
        // 1103752865 + correct PPN check digits, but the PZN's own check digit 5 is wrong (should be 4)
        String body = "1103752865";
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += body.charAt(i) * (i + 2);
        }
        String ppn = body + String.format("%02d", sum % 97);
        UdiResult r = Udi.parse("[)>" + RS + "06" + GS + "9N" + ppn + RS + EOT);
        assertThat(r.problems()).singleElement().extracting(UdiProblem::message).asString().contains("PZN");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[)><RS>06<GS>9N110375286414<GS>1TA1<RS><EOT>",
        "[)>\u241E06\u241D9N110375286414\u241D1TA1\u241E\u2404",
        "[)>^^06^]9N110375286414^]1TA1^^^D",
        "[)>\u001E06\u001D9N110375286414\u001D1TA1",
    })
    void scanners_showing_control_characters_in_common_notations_are_understood(String scan) {
        UdiResult r = Udi.parse(scan);
        assertThat(r.problems()).isEmpty();
        assertThat(r.di()).isEqualTo("110375286414");
        assertThat(r.lot()).isEqualTo("A1");
    }

    @Test
    void positions_in_textual_notation_point_into_the_original_text() {
        String scan = "[)><RS>06<GS>9N110375286415<GS>1TA1<RS><EOT>";
        assertThat(Udi.parse(scan).problems()).singleElement().extracting(UdiProblem::position)
                .isEqualTo(scan.indexOf("15<GS>"));
    }

    @Test
    void envelope_without_separators_is_rejected_as_ambiguous() {
        assertThat(Udi.parse("[)>069N1103752864141TA1").problems()).singleElement().extracting(UdiProblem::message)
                .asString().contains("cannot be told apart");
    }

    @Test
    void unknown_data_identifier_and_missing_ppn_are_reported() {
        UdiResult r = Udi.parse("[)>" + RS + "06" + GS + "1TA1" + GS + "Q5" + RS + EOT);
        assertThat(r.problems()).extracting(UdiProblem::message).anySatisfy(m -> assertThat(m).contains("\"Q5\""));
        assertThat(Udi.parse("[)>" + RS + "06" + GS + "1TA1" + RS + EOT).problems()).singleElement()
                .extracting(UdiProblem::message).asString().contains("no PPN");
    }

    @Test
    void format_05_envelope_carries_gs1_element_strings_ISO_IEC_15434() {
        UdiResult r = Udi.parse("[)>" + RS + "05" + GS + "0109506000134352" + "10ABC" + RS + EOT);
        assertThat(r.problems()).isEmpty();
        assertThat(r.issuer()).isEqualTo(IssuingEntity.GS1);
        assertThat(r.lot()).isEqualTo("ABC");
    }
}
