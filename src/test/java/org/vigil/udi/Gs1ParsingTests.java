package org.vigil.udi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading GS1 UDIs in every form, against the GS1 General Specifications (GenSpecs) release 25. */
class Gs1ParsingTests {

    static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final String GS = "\u001D";

    static UdiResult parse(String s) {
        return Udi.parse(s, JUNE_2026);
    }

    @Test
    void unbracketed_element_string_gives_di_and_pi_GenSpecs_2_1_and_3_2() {
        UdiResult r = parse("^0109506000134352172612311012345^21SN-7^8012V2.1");
        assertThat(r.problems()).isEmpty();
        assertThat(r.issuer()).isEqualTo(IssuingEntity.GS1);
        assertThat(r.di()).isEqualTo("09506000134352");
        assertThat(r.expiry()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(r.lot()).isEqualTo("12345");
        assertThat(r.serial()).isEqualTo("SN-7");
        assertThat(r.softwareVersion()).isEqualTo("V2.1");
        assertThat(r.gs1Hri()).isEqualTo("(01)09506000134352(17)261231(10)12345(21)SN-7(8012)V2.1");
        assertThat(r.gs1ElementString()).isEqualTo("^0109506000134352172612311012345^21SN-7^8012V2.1");
        assertThat(r.gs1Elements()).containsExactly(new AiElement("01", "09506000134352"),
                new AiElement("17", "261231"), new AiElement("10", "12345"), new AiElement("21", "SN-7"),
                new AiElement("8012", "V2.1"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"]C1", "]e0", "]d2", "]Q3", "]J1"})
    void gs1_aim_symbology_identifiers_announce_element_strings_with_gs_separators_GenSpecs_5_1_2(String aim) {
        UdiResult r = parse(aim + "0109506000134352" + "1126013110ABC" + GS + "21X1");
        assertThat(r.problems()).isEmpty();
        assertThat(r.di()).isEqualTo("09506000134352");
        assertThat(r.manufactured()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(r.lot()).isEqualTo("ABC");
        assertThat(r.serial()).isEqualTo("X1");
    }

    @Test
    void ean13_and_ean8_symbology_identifiers_give_a_gtin_GenSpecs_5_1_2_and_3_3_2() {
        assertThat(parse("]E09506000134352").di()).isEqualTo("09506000134352");
        assertThat(parse("]E495012346").di()).isEqualTo("00000095012346");
        UdiResult wrong = parse("]E09506000134353");
        assertThat(wrong.valid()).isFalse();
        assertThat(wrong.problems()).extracting(UdiProblem::position).containsExactly(15);
    }

    @Test
    void non_gs1_symbology_identifier_lets_the_content_decide_ISO_IEC_15424() {
        assertThat(parse("]d1+A123BJC5D6E71G").issuer()).isEqualTo(IssuingEntity.HIBCC);
        assertThat(parse("]Q1(01)09506000134352").issuer()).isEqualTo(IssuingEntity.GS1);
    }

    @Test
    void scan_data_without_symbology_identifier_is_read_as_gs1_when_it_starts_with_digits_GenSpecs_7_8_5() {
        UdiResult r = parse("010950600013435210A1" + GS + "17261200");
        assertThat(r.problems()).isEmpty();
        assertThat(r.expiry()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(parse(GS + "0109506000134352").valid()).isTrue();
    }

    @Test
    void predefined_length_ais_need_no_fnc1_but_a_redundant_one_is_tolerated_GenSpecs_7_8_5_figure_5_10_1_2() {
        assertThat(parse("]d201095060001343521726123110A").valid()).isTrue();
        assertThat(parse("]d20109506000134352" + GS + "17261231" + GS + "10A").valid()).isTrue();
    }

    @Test
    void variable_length_ai_runs_to_the_next_fnc1_so_a_missing_separator_swallows_the_next_ai_GenSpecs_7_8_5() {
        UdiResult r = parse("]d2010950600013435210ABC21XYZ");
        assertThat(r.lot()).isEqualTo("ABC21XYZ");
        assertThat(r.serial()).isNull();
    }

    @Test
    void fnc1_required_after_fixed_length_ai_without_star_flag_GenSpecs_figure_5_10_1_2() {
        // (7003) N10 is fixed but not predefined: without FNC1 the next AI becomes part of its data
        UdiResult r = parse("^01095060001343527003261231120010A");
        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("(7003)").contains("needs exactly 10"));
    }

    @Test
    void expiry_day_00_means_last_day_of_month_GS1_GenSpecs_3_4_6() {
        assertThat(parse("^010950600013435217261100").expiry()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(parse("^010950600013435217280200").expiry()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(parse("^010950600013435217270200").expiry()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(parse("^010950600013435217261200").expiry()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void two_digit_years_use_the_sliding_century_window_GenSpecs_7_12() {
        assertThat(parse("^010950600013435217750101").expiry()).isEqualTo(LocalDate.of(2075, 1, 1));
        assertThat(parse("^010950600013435217770101").expiry()).isEqualTo(LocalDate.of(1977, 1, 1));
        assertThat(parse("^010950600013435211991231").manufactured()).isEqualTo(LocalDate.of(1999, 12, 31));
    }

    @Test
    void impossible_expiry_is_reported_at_the_bad_digits_in_plain_language_GenSpecs_3_4_6() {
        UdiResult r = parse("^010950600013435217261332");
        assertThat(r.valid()).isFalse();
        assertThat(r.expiry()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(21);
            assertThat(p.message()).isEqualTo("AI (17) USE BY or EXPIRY \"261332\": month 13 does not exist");
        });
        UdiResult feb30 = parse("^010950600013435217260230");
        assertThat(feb30.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(23);
            assertThat(p.message()).contains("day 30 does not exist in February 2026");
        });
    }

    @Test
    void yymmdd_linter_rejects_day_00_where_yymmd0_allows_it_GenSpecs_3_8_x() {
        // (7006) FIRST FREEZE DATE is yymmdd: day 00 is not a date there
        UdiResult r = parse("^0109506000134352^7006261200");
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("day 00 is not allowed"));
    }

    @Test
    void every_problem_is_reported_not_just_the_first() {
        UdiResult r = parse("^0109506000134353171399991012345678901234567890123^21a b");
        assertThat(r.problems()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(r.problems()).extracting(UdiProblem::message).anySatisfy(m -> assertThat(m).contains("check digit"))
                .anySatisfy(m -> assertThat(m).contains("month 99"))
                .anySatisfy(m -> assertThat(m).contains("(10)").contains("needs 1 to 20"))
                .anySatisfy(m -> assertThat(m).contains("\" \" is not allowed"));
    }

    @Test
    void check_digit_error_points_at_the_check_digit_GenSpecs_7_9_1() {
        UdiResult r = parse("(01)09506000134353");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(17);
            assertThat(p.message()).contains("it should be 2");
        });
    }

    @Test
    void required_association_missing_is_an_error_GenSpecs_4_14_1() {
        UdiResult r = parse("(17)261231(10)ABC");
        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).extracting(UdiProblem::position).containsExactly(1, 11);
        assertThat(r.problems().get(0).message())
                .isEqualTo("AI (17) USE BY or EXPIRY may only be used together with AI (01), AI (02), AI (03), AI (255), "
                        + "AI (8006) or AI (8026)");
    }

    @Test
    void required_association_with_all_of_a_group_GenSpecs_4_14_1() {
        // (8030) DIGSIG requires 00, 01+21, 253, ...: (01) alone is not enough
        assertThat(parse("(01)09506000134352(8030)ABC").problems())
                .anySatisfy(p -> assertThat(p.message()).contains("AI (01) with AI (21)"));
        assertThat(parse("(01)09506000134352(21)1(8030)ABC").valid()).isTrue();
    }

    @Test
    void invalid_pair_is_an_error_once_at_the_later_ai_GenSpecs_4_14_2() {
        UdiResult r = parse("(01)09506000134352(02)09506000134352(37)5");
        assertThat(r.problems()).extracting(UdiProblem::message)
                .contains("AI (01) and AI (02) must not be used together",
                        "AI (01) and AI (37) must not be used together");
        UdiResult weights = parse("(01)09506000134352(3100)000100(3101)000200");
        assertThat(weights.problems()).extracting(UdiProblem::message)
                .containsExactly("AI (3100) and AI (3101) must not be used together");
    }

    @Test
    void identical_repeats_are_tolerated_but_different_values_are_an_error_GenSpecs_4_14() {
        assertThat(parse("(01)09506000134352(10)A(10)A").valid()).isTrue();
        UdiResult r = parse("(01)09506000134352(10)A(10)B");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(24);
            assertThat(p.message()).isEqualTo("AI (10) appears twice with different values (\"A\" and \"B\")");
        });
    }

    @Test
    void gs1_data_without_device_identifier_is_valid_with_null_di() {
        UdiResult r = parse("(00)106141411234567897");
        assertThat(r.valid()).isTrue();
        assertThat(r.di()).isNull();
    }

    @Test
    void unknown_ai_is_reported_and_reading_resumes_after_the_next_separator() {
        UdiResult r = parse("]d20109506000134352" + "89ABC" + GS + "10LOT");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(19);
            assertThat(p.message()).contains("\"89\" is not a known GS1 Application Identifier");
        });
        assertThat(r.lot()).isEqualTo("LOT");
    }

    @Test
    void character_outside_cset82_is_reported_where_it_is_GenSpecs_7_11() {
        UdiResult r = parse("(01)09506000134352(10)AB~C");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(24);
            assertThat(p.message()).contains("\"~\" is not allowed");
        });
    }

    @Test
    void escaped_caret_and_bracket_positions_map_back_to_the_input() {
        UdiResult caret = parse("^0109506000134352^10A\\^B");
        assertThat(caret.lot()).isEqualTo("A^B");
        // the literal caret is not CSET 82; the problem points at it, after its backslash
        assertThat(caret.problems()).singleElement().extracting(UdiProblem::position).isEqualTo(22);
        UdiResult bracket = parse("(01)09506000134352(10)A\\(B");
        assertThat(bracket.lot()).isEqualTo("A(B");
        assertThat(bracket.valid()).isTrue();
        assertThat(bracket.gs1Hri()).isEqualTo("(01)09506000134352(10)A\\(B");
    }

    @Test
    void digital_link_on_any_domain_with_path_qualifiers_and_query_attributes_GS1_DL_URI_Syntax_4() {
        UdiResult r = parse("https://shop.example.com/some/prefix/01/09506000134352/10/AB%2F1/21/S1?17=270100&linkType=gs1:pip#x");
        assertThat(r.problems()).isEmpty();
        assertThat(r.di()).isEqualTo("09506000134352");
        assertThat(r.lot()).isEqualTo("AB/1");
        assertThat(r.expiry()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(r.gs1Hri()).isEqualTo("(01)09506000134352(10)AB/1(21)S1(17)270100");
        // the space in the serial is not CSET 82, reported at the %20 in the URI
        assertThat(parse("https://id.gs1.org/01/09506000134352/21/S%201").problems())
                .singleElement().extracting(UdiProblem::position).isEqualTo(41);
    }

    @Test
    void digital_link_qualifiers_must_follow_dlpkey_order_GS1_DL_URI_Syntax_4_and_dictionary() {
        UdiResult r = parse("https://example.com/01/09506000134352/21/X/10/A");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(38);
            assertThat(p.message()).contains("AI (22), (10), (21) or AI (235)");
        });
        assertThat(parse("https://example.com/01/09506000134352/235/X/10/A").valid()).isFalse();
    }

    @Test
    void digital_link_attribute_needs_the_dictionary_question_mark_flag() {
        UdiResult r = parse("https://example.com/01/09506000134352?21=X");
        assertThat(r.problems()).singleElement().extracting(UdiProblem::message).asString()
                .contains("(21) SERIAL is not allowed as a data attribute");
        assertThat(parse("https://example.com/01/09506000134352?99=X&89=Y").problems()).singleElement()
                .extracting(UdiProblem::message).asString().contains("(89)");
    }

    @Test
    void digital_link_without_primary_key_is_rejected() {
        assertThat(parse("https://example.com/10/ABC").problems()).singleElement().extracting(UdiProblem::message)
                .asString().contains("no GS1 primary key");
        assertThat(parse("https://example.com").valid()).isFalse();
        assertThat(parse("https://example.com/01/0950%G0001343").valid()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "(01)09506000134352(17)261231(10)A1|https://id.gs1.org/01/09506000134352/10/A1?17=261231",
        "^0109506000134352^10A+B|https://id.gs1.org/01/09506000134352/10/A%2BB",
    })
    void generates_digital_link_from_any_gs1_form_GS1_DL_URI_Syntax_4(String data, String uri) {
        assertThat(Gs1.toDigitalLink(data, null).value()).isEqualTo(uri);
        assertThat(Gs1.parseDigitalLink(uri).gs1Elements())
                .containsExactlyInAnyOrderElementsOf(Gs1.parseUnbracketed(Gs1.toElementString(data).value()).gs1Elements());
    }

    @Test
    void scan_data_for_gs1_datamatrix_has_fnc1_only_where_required_GenSpecs_7_8_5() {
        assertThat(Gs1.toScanData("^010950600013435210A1^17261231", Gs1Symbology.DATA_MATRIX).value())
                .isEqualTo("]d2010950600013435210A1" + GS + "17261231");
    }

    @Test
    void scan_data_is_refused_for_a_lone_fnc1_before_or_after_the_composite_separator_found_by_fuzzing() {
        for (Gs1Symbology symbology : Gs1Symbology.values()) {
            for (String data : new String[] {"^|^", "^", "^0109506000134352|^", "^|^10LOT"}) {
                Conversion c = Gs1.toScanData(data, symbology);
                assertThat(c.succeeded()).as(symbology + " " + data).isFalse();
                assertThat(c.problems()).as(symbology + " " + data).isNotEmpty();
            }
        }
    }

    @Test
    void the_gs1_check_digit_completes_a_gtin_and_refuses_non_digits_GenSpecs_7_9_1() {
        assertThat(Gs1.withCheckDigit("0950600013435").value()).isEqualTo("09506000134352");
        Conversion refused = Gs1.withCheckDigit("09506X0013435");
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.problems()).singleElement().extracting(UdiProblem::position).isEqualTo(5);
        assertThat(Gs1.withCheckDigit("").succeeded()).isFalse();
    }

    @Test
    void element_string_and_hri_conversions_refuse_invalid_data() {
        Conversion c = Gs1.toHri("^0109506000134353");
        assertThat(c.succeeded()).isFalse();
        assertThat(c.problems()).singleElement().extracting(UdiProblem::position).isEqualTo(16);
        assertThat(Gs1.toHri("+A123BJC5D6E71G").succeeded()).isFalse();
    }

    @Test
    void parse_never_throws_on_odd_input_and_keeps_positions_inside() {
        List<String> odd = List.of("", "]", "]C", "]C1", "(", "((", "()", "^", "^^", "^^^", "\\", "\u001D", "\u001D\u001D",
                "https://", "http:///", "https://x/01", "01", "0", "(01", "(01)", "[)>", "[)>\u001E", "+", "++", "=", "&",
                "=/", "&,1", "\uD800", "\u0000\u0000", "]E0", "]E4123", "https://e.com/01/%", "^0\\^");
        for (String s : odd) {
            UdiResult r = parse(s);
            assertThat(r.input()).isEqualTo(s);
            assertThat(r.valid()).as(s).isFalse();
            assertThat(r.problems()).as(s).allSatisfy(p -> assertThat(p.position()).isBetween(0, s.length()));
        }
    }

    @Test
    void huge_input_is_rejected_without_parsing_it() {
        String huge = "^01" + "9".repeat(1_000_000);
        UdiResult r = parse(huge);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(8192);
            assertThat(p.message()).contains("too long");
        });
        UdiResult many = parse("^" + "10A^".repeat(2000));
        assertThat(many.problems()).hasSizeLessThanOrEqualTo(51);
    }
}
