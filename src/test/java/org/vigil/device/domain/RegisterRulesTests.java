package org.vigil.device.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.device.BasicUdiDiData;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.PackageLevel;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.device.UnitsPlaced;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.IssuingEntity;

class RegisterRulesTests {

    static final String GMN = BasicUdiDi.addCheckCharacters(IssuingEntity.GS1, "4069999TEST1").value();

    static BasicUdiDiData basic(Legislation legislation, RiskClass riskClass, boolean legacy, boolean reusable,
            boolean measuring, String notifiedBody) {
        return new BasicUdiDiData(GMN, "Test device", "Testing", legislation, legacy, riskClass, false, false,
                measuring, reusable, MedicinalSubstance.NONE, false, false, notifiedBody, List.of(), "DE-MF-000000001",
                null);
    }

    static UdiDiData udi(IssuingEntity issuer, String di) {
        return new UdiDiData(GMN, di, issuer, "Trade", "Model", "Ref", null, null, null, List.of(), List.of());
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void a_complete_class_IIa_device_with_its_notified_body_passes_MDR_Annex_VI_Part_A_2() {
        assertThat(RegisterRules.check(basic(Legislation.MDR, RiskClass.MDR_IIA, false, false, false, "0123")))
                .isEmpty();
    }

    @Test
    void a_basic_udi_di_with_a_wrong_gmn_check_pair_is_refused_MDR_Annex_VI_Part_C_3_4() {
        String wrong = GMN.substring(0, GMN.length() - 2) + (GMN.endsWith("AA") ? "BB" : "AA");
        var data = new BasicUdiDiData(wrong, "Device", null, Legislation.MDR, false, RiskClass.MDR_I, false, false,
                false, false, null, false, false, null, null, null, null);
        assertThat(fields(RegisterRules.check(data))).containsExactly("basicUdiDi");
    }

    @Test
    void a_risk_class_must_belong_to_the_legislation_MDR_Art_51_and_IVDR_Art_47() {
        assertThat(RegisterRules.check(basic(Legislation.MDR, RiskClass.IVDR_C, false, false, false, "0123")))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("riskClass",
                        "Class C is a class of IVDR, not of MDR."));
        assertThat(fields(RegisterRules.check(basic(Legislation.MDR, null, false, false, false, null))))
                .containsExactly("riskClass");
        assertThat(fields(RegisterRules.check(basic(Legislation.UNKNOWN, RiskClass.MDR_I, false, false, false,
                null)))).containsExactly("riskClass");
    }

    @Test
    void only_a_device_under_a_directive_is_a_legacy_device_MDR_Art_120_3() {
        assertThat(fields(RegisterRules.check(basic(Legislation.MDR, RiskClass.MDR_IIA, true, false, false, "0123"))))
                .containsExactly("legacy");
        assertThat(RegisterRules.check(basic(Legislation.MDD, RiskClass.MDD_IIA, true, false, false, "0123")))
                .isEmpty();
    }

    @Test
    void class_Ir_only_for_reusable_surgical_instruments_and_Im_only_with_a_measuring_function_MDR_Art_52_7() {
        assertThat(fields(RegisterRules.check(basic(Legislation.MDR, RiskClass.MDR_IR, false, false, false, "0123"))))
                .containsExactly("riskClass");
        assertThat(RegisterRules.check(basic(Legislation.MDR, RiskClass.MDR_IR, false, true, false, "0123")))
                .isEmpty();
        assertThat(fields(RegisterRules.check(basic(Legislation.MDR, RiskClass.MDR_IM, false, false, false, "0123"))))
                .containsExactly("riskClass");
        assertThat(RegisterRules.check(basic(Legislation.MDR, RiskClass.MDR_IM, false, false, true, "0123")))
                .isEmpty();
    }

    @Test
    void a_notified_body_has_four_digits_and_is_required_except_for_plain_class_I_MDR_Art_52_and_Art_42() {
        assertThat(RegisterRules.check(basic(Legislation.MDR, RiskClass.MDR_I, false, false, false, null))).isEmpty();
        assertThat(fields(RegisterRules.check(basic(Legislation.MDR, RiskClass.MDR_III, false, false, false, null))))
                .containsExactly("notifiedBody");
        assertThat(fields(RegisterRules.check(basic(Legislation.MDR, RiskClass.MDR_IS, false, false, false, null))))
                .containsExactly("notifiedBody");
        assertThat(fields(RegisterRules.check(basic(Legislation.MDR, RiskClass.MDR_IIB, false, false, false, "12A4"))))
                .containsExactly("notifiedBody");
        assertThat(RegisterRules.check(basic(Legislation.IVDR, RiskClass.IVDR_A, false, false, false, null)))
                .isEmpty();
        assertThat(fields(RegisterRules.check(basic(Legislation.IVDR, RiskClass.IVDR_D, false, false, false, null))))
                .containsExactly("notifiedBody");
    }

    @Test
    void a_gs1_udi_di_is_a_gtin_with_a_valid_check_digit_MDR_Art_27_1_a() {
        assertThat(RegisterRules.check(udi(IssuingEntity.GS1, "04069999000015"), code -> true)).isEmpty();
        assertThat(RegisterRules.check(udi(IssuingEntity.GS1, "04069999000016"), code -> true))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("udiDi");
                    assertThat(error.message()).startsWith("Not a GS1 UDI-DI");
                });
        assertThat(fields(RegisterRules.check(udi(IssuingEntity.GS1, "ABC"), code -> true))).containsExactly("udiDi");
    }

    @Test
    void a_shorter_gtin_is_kept_as_gtin_14_and_the_issuer_is_recognised_GS1_General_Specifications_3_3_2() {
        var tidy = RegisterRules.tidy(new UdiDiData(GMN, "4069999000015", null, null, null, null, null, null, null,
                List.of(), List.of()));
        assertThat(tidy.udiDi()).isEqualTo("04069999000015");
        assertThat(tidy.issuer()).isEqualTo(IssuingEntity.GS1);
    }

    @Test
    void hibcc_and_ifa_udi_dis_carry_their_check_characters_ANSI_HIBC_2_6_and_IFA_PPN() {
        assertThat(RegisterRules.check(udi(IssuingEntity.IFA, "110375286414"), code -> true)).isEmpty();
        assertThat(fields(RegisterRules.check(udi(IssuingEntity.IFA, "110375286415"), code -> true)))
                .containsExactly("udiDi");
        assertThat(RegisterRules.check(udi(IssuingEntity.HIBCC, "+H123CS3008001" + mod43("+H123CS3008001")),
                code -> true)).isEmpty();
        assertThat(fields(RegisterRules.check(udi(IssuingEntity.HIBCC, "+H123CS30080019"), code -> true)))
                .containsExactly("udiDi");
    }

    @Test
    void an_emdn_code_must_exist_in_the_nomenclature_MDR_Art_26() {
        var data = new UdiDiData(GMN, "04069999000015", IssuingEntity.GS1, null, null, null, "Z99", null, null,
                List.of(), List.of());
        assertThat(fields(RegisterRules.check(data, code -> false))).containsExactly("emdnCode");
        assertThat(RegisterRules.check(data, "Z99"::equals)).isEmpty();
    }

    @Test
    void package_levels_have_their_own_udi_di_and_contain_a_known_level_MDR_Annex_VI_Part_C_3_5() {
        var data = new UdiDiData(GMN, "04069999000022", IssuingEntity.GS1, null, null, null, null, null, null,
                List.of(new PackageLevel("04069999010014", "04069999000022", 2),
                        new PackageLevel("04069999000022", "04069999000099", 0)), List.of());
        assertThat(fields(RegisterRules.check(data, code -> true))).containsExactly("packageLevels[1].udiDi",
                "packageLevels[1].contains", "packageLevels[1].quantity");
    }

    @Test
    void markets_are_iso_3166_countries_or_XI_in_date_order_MIR_7_3_1_section_2_5() {
        var markets = List.of(new MarketPlacement("XI", LocalDate.of(2024, 1, 1), null),
                new MarketPlacement("QQ", LocalDate.of(2024, 1, 1), null),
                new MarketPlacement("DE", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 4, 1)),
                new MarketPlacement("XI", LocalDate.of(2024, 1, 1), null));
        assertThat(fields(RegisterRules.check(markets, "markets"))).containsExactly("markets[1].country",
                "markets[2].until", "markets[3].country");
    }

    @Test
    void units_placed_are_zero_or_more_in_a_past_month_and_a_known_country_MDR_Art_88() {
        YearMonth now = YearMonth.of(2026, 6);
        assertThat(RegisterRules.check(new UnitsPlaced("04069999000015", "DE", now, 0), now)).isEmpty();
        assertThat(fields(RegisterRules.check(new UnitsPlaced("04069999000015", "ZZ", now.plusMonths(1), -1), now)))
                .containsExactly("country", "month", "units");
    }

    static String mod43(String data) {
        String code39 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
        int sum = 0;
        for (char c : data.toCharArray()) {
            sum += code39.indexOf(c);
        }
        return String.valueOf(code39.charAt(sum % 43));
    }

    @Test
    void markets_are_kept_in_country_order_so_an_unchanged_re_import_is_no_change_MDR_Annex_VI_Part_A_2_3() {
        var markets = java.util.List.of(new org.vigil.device.MarketPlacement("fr", java.time.LocalDate.of(2024, 3, 1),
                null), new org.vigil.device.MarketPlacement("DE", java.time.LocalDate.of(2024, 1, 1), null));
        var data = new org.vigil.device.UdiDiData(null, "04012345000016", null, "Stem", null, null, null, null, null,
                java.util.List.of(), markets);
        assertThat(RegisterRules.inStoredOrder(RegisterRules.tidy(data)).markets()).extracting(org.vigil.device.MarketPlacement::country)
                .containsExactly("DE", "FR");
    }
}
