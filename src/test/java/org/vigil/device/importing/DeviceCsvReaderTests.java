package org.vigil.device.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.ImportProblem;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.PackageLevel;
import org.vigil.device.RiskClass;
import org.vigil.device.importing.read.DeviceCsvColumn;
import org.vigil.device.importing.read.DeviceCsvReader;
import org.vigil.device.importing.read.ReadResult;
import org.vigil.support.DeviceFixtures;
import org.vigil.udi.IssuingEntity;

/** Vigil's device CSV: the file rules, every per-row rule, and the lossless round trip with the export. */
class DeviceCsvReaderTests {

    static final String HEADER = String.join(",", DeviceCsvColumn.headers());
    static final String BASIC = "4012345HIP32HN";
    static final String GTIN = "04012345000016";

    /** A valid row; {@code changes} are column=value pairs replacing the defaults. */
    static String row(String... changes) {
        var values = new java.util.LinkedHashMap<String, String>();
        for (String column : DeviceCsvColumn.headers()) {
            values.put(column, "");
        }
        values.put("basic_udi_di", BASIC);
        values.put("device_name", "Orthia hip stem");
        values.put("intended_purpose", "Total hip arthroplasty with cementless fixation");
        values.put("legislation", "MDR");
        values.put("risk_class", "IIb");
        values.put("implantable", "yes");
        values.put("notified_body", "0123");
        values.put("certificates", "CE-0123-4567|QMS-0123-1");
        values.put("manufacturer_srn", "DE-MF-000012345");
        values.put("udi_di", GTIN);
        values.put("issuer", "GS1");
        values.put("trade_name", "Orthia hip stem 32 mm");
        values.put("model", "HIP-32");
        values.put("reference", "OH-32-STD");
        values.put("emdn_code", "P0908040102");
        values.put("package_levels", "14012345000013*5>04012345000016");
        values.put("markets", "DE:2022-05-26|IT:2023-01-15:2025-12-31");
        for (String change : changes) {
            int eq = change.indexOf('=');
            values.put(change.substring(0, eq), change.substring(eq + 1));
        }
        return String.join(",", values.values());
    }

    /**
     * {@link #row} with a Basic UDI-DI, UDI-DI and package UDI-DI no other test uses, for tests that store the row:
     * the register refuses identifiers another organisation registered, and all integration tests share one
     * database. {@code changes} apply after these.
     */
    static String uniqueRow(String... changes) {
        String udiDi = DeviceFixtures.gtin();
        var all = new java.util.ArrayList<>(List.of("basic_udi_di=" + DeviceFixtures.gmn(), "udi_di=" + udiDi,
                "package_levels=" + DeviceFixtures.gtin() + "*5>" + udiDi));
        all.addAll(List.of(changes));
        return row(all.toArray(String[]::new));
    }

    static ReadResult read(String text) {
        return DeviceCsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static ReadResult readRow(String... changes) {
        return read(HEADER + "\n" + row(changes) + "\n");
    }

    static ImportProblem onlyProblem(String... changes) {
        var result = readRow(changes);
        assertThat(result.fatal()).isNull();
        assertThat(result.devices()).isEmpty();
        assertThat(result.problems()).hasSize(1);
        return result.problems().getFirst();
    }

    @Test
    void a_complete_row_reads_into_its_basic_udi_di_and_udi_di_as_mdr_annex_vi_describes_them() {
        var result = readRow();
        assertThat(result.problems()).isEmpty();
        DeviceImportRow row = result.devices().getFirst();
        assertThat(row.row()).isEqualTo(2);
        assertThat(row.basicUdiDi().basicUdiDi()).isEqualTo(BASIC);
        assertThat(row.basicUdiDi().legislation()).isEqualTo(Legislation.MDR);
        assertThat(row.basicUdiDi().riskClass()).isEqualTo(RiskClass.MDR_IIB);
        assertThat(row.basicUdiDi().implantable()).isTrue();
        assertThat(row.basicUdiDi().active()).isFalse();
        assertThat(row.basicUdiDi().medicinalSubstance()).isEqualTo(MedicinalSubstance.NONE);
        assertThat(row.basicUdiDi().certificates()).containsExactly("CE-0123-4567", "QMS-0123-1");
        assertThat(row.udiDi().udiDi()).isEqualTo(GTIN);
        assertThat(row.udiDi().issuer()).isEqualTo(IssuingEntity.GS1);
        assertThat(row.udiDi().packageLevels()).containsExactly(new PackageLevel("14012345000013", GTIN, 5));
        assertThat(row.udiDi().markets()).containsExactly(
                new MarketPlacement("DE", LocalDate.of(2022, 5, 26), null),
                new MarketPlacement("IT", LocalDate.of(2023, 1, 15), LocalDate.of(2025, 12, 31)));
    }

    @Test
    void semicolons_a_byte_order_mark_quoted_separators_line_breaks_and_doubled_quotes_are_read_as_rfc_4180_says() {
        String header = HEADER.replace(',', ';');
        String line = row("intended_purpose=PLACEHOLDER").replace(',', ';')
                .replace("PLACEHOLDER", "\"Fixation; cementless\r\nsee \"\"IFU\"\"\"");
        var result = read("\uFEFF" + header + "\r\n" + line + "\r\n");
        assertThat(result.problems()).isEmpty();
        assertThat(result.devices().getFirst().basicUdiDi().intendedPurpose())
                .isEqualTo("Fixation; cementless\r\nsee \"IFU\"");
    }

    @Test
    void gtin_13_is_read_as_the_gtin_14_gudid_and_eudamed_record() {
        var result = readRow("udi_di=4012345000016", "package_levels=");
        assertThat(result.devices().getFirst().udiDi().udiDi()).isEqualTo(GTIN);
    }

    @Test
    void a_row_without_device_name_only_adds_a_udi_di_to_a_known_basic_udi_di() {
        var result = readRow("device_name=", "legislation=", "risk_class=");
        assertThat(result.problems()).isEmpty();
        assertThat(result.devices().getFirst().basicUdiDi()).isNull();
        assertThat(result.devices().getFirst().udiDi().basicUdiDi()).isEqualTo(BASIC);
    }

    @Test
    void a_row_without_udi_di_only_registers_the_basic_udi_di() {
        var result = readRow("udi_di=", "package_levels=", "markets=");
        assertThat(result.problems()).isEmpty();
        assertThat(result.devices().getFirst().udiDi()).isNull();
    }

    @Test
    void the_basic_udi_di_is_required_per_mdr_annex_vi_part_a_section_2() {
        assertThat(onlyProblem("basic_udi_di=").field()).isEqualTo("basic_udi_di");
    }

    @Test
    void a_basic_udi_di_with_a_wrong_gmn_check_pair_is_reported_with_the_reason() {
        var problem = onlyProblem("basic_udi_di=4012345HIP32HX");
        assertThat(problem.field()).isEqualTo("basic_udi_di");
        assertThat(problem.row()).isEqualTo(2);
        assertThat(problem.message()).contains("4012345HIP32HX");
    }

    @Test
    void a_gtin_with_a_wrong_gs1_check_digit_is_reported_on_udi_di() {
        var problem = onlyProblem("udi_di=04012345000017", "package_levels=");
        assertThat(problem.field()).isEqualTo("udi_di");
        assertThat(problem.message()).contains("04012345000017");
    }

    @Test
    void a_udi_di_that_is_not_a_gtin_length_is_reported() {
        assertThat(onlyProblem("udi_di=123456789", "package_levels=").field()).isEqualTo("udi_di");
    }

    @Test
    void legislation_must_be_one_of_the_regulations_or_directives() {
        assertThat(onlyProblem("legislation=MDR2017").field()).isEqualTo("legislation");
        assertThat(onlyProblem("legislation=").field()).isEqualTo("legislation");
    }

    @Test
    void the_risk_class_must_exist_under_the_legislation_per_mdr_annex_viii() {
        assertThat(onlyProblem("risk_class=C").message()).contains("IIa");
        assertThat(onlyProblem("risk_class=").field()).isEqualTo("risk_class");
        assertThat(readRow("legislation=IVDR", "risk_class=C").devices().getFirst().basicUdiDi().riskClass())
                .isEqualTo(RiskClass.IVDR_C);
    }

    @Test
    void a_legacy_device_must_be_under_a_directive_per_mdr_article_120_3() {
        assertThat(onlyProblem("legacy=yes").field()).isEqualTo("legacy");
        assertThat(readRow("legacy=yes", "legislation=MDD").problems()).isEmpty();
    }

    @Test
    void booleans_are_yes_no_true_or_false() {
        assertThat(readRow("active=TRUE", "measuring=no").devices().getFirst().basicUdiDi().active()).isTrue();
        assertThat(onlyProblem("active=maybe").field()).isEqualTo("active");
    }

    @Test
    void the_medicinal_substance_names_who_was_consulted_per_mdr_annex_ix_5_2() {
        assertThat(readRow("medicinal_substance=ema_consulted").devices().getFirst().basicUdiDi()
                .medicinalSubstance()).isEqualTo(MedicinalSubstance.EMA_CONSULTED);
        assertThat(onlyProblem("medicinal_substance=aspirin").field()).isEqualTo("medicinal_substance");
    }

    @Test
    void the_notified_body_is_its_four_digit_number() {
        assertThat(onlyProblem("notified_body=TUV").field()).isEqualTo("notified_body");
    }

    @Test
    void srns_follow_mdr_article_31() {
        assertThat(onlyProblem("manufacturer_srn=DE-XX-1").field()).isEqualTo("manufacturer_srn");
        assertThat(onlyProblem("authorised_representative_srn=AR123").field())
                .isEqualTo("authorised_representative_srn");
    }

    @Test
    void the_issuer_must_be_an_issuing_entity_designated_under_mdr_article_27_2() {
        assertThat(onlyProblem("issuer=ACME").field()).isEqualTo("issuer");
        assertThat(onlyProblem("udi_di=ABC-123", "issuer=", "package_levels=").field()).isEqualTo("issuer");
    }

    @Test
    void the_emdn_code_must_have_the_emdn_shape_per_mdr_article_26() {
        assertThat(onlyProblem("emdn_code=P090X").field()).isEqualTo("emdn_code");
    }

    @Test
    void package_levels_need_the_compact_syntax_a_quantity_and_their_own_udi_di() {
        assertThat(onlyProblem("package_levels=14012345000013").field()).isEqualTo("package_levels");
        assertThat(onlyProblem("package_levels=14012345000013*0>04012345000016").field()).isEqualTo("package_levels");
        assertThat(onlyProblem("package_levels=04012345000016*5>04012345000016").message()).contains("base unit");
    }

    @Test
    void markets_need_a_country_and_iso_dates_and_cannot_end_before_they_start() {
        assertThat(onlyProblem("markets=Germany:2022-01-01").field()).isEqualTo("markets");
        assertThat(onlyProblem("markets=DE:26.05.2022").message()).contains("YYYY-MM-DD");
        assertThat(onlyProblem("markets=DE:2022-05-26:2021-01-01").message()).contains("before");
        assertThat(onlyProblem("markets=DE:2022-05-26|DE:2023-01-01").message()).contains("twice");
    }

    @Test
    void a_udi_di_twice_in_one_file_is_reported_on_the_later_row() {
        var result = read(HEADER + "\n" + row() + "\n" + row() + "\n");
        assertThat(result.devices()).hasSize(1);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.field()).isEqualTo("udi_di");
        });
    }

    @Test
    void a_row_with_more_or_fewer_fields_than_the_header_is_reported_as_a_whole() {
        var result = read(HEADER + "\n" + row() + ",extra\n");
        assertThat(result.problems()).singleElement().satisfies(problem -> assertThat(problem.field()).isNull());
    }

    @Test
    void a_row_registering_nothing_is_reported() {
        assertThat(onlyProblem("device_name=", "udi_di=", "package_levels=", "markets=").field())
                .isEqualTo("device_name");
    }

    @Test
    void every_problem_of_a_row_is_reported_not_only_the_first() {
        var result = readRow("risk_class=Z", "active=perhaps", "emdn_code=123");
        assertThat(result.problems()).extracting(ImportProblem::field)
                .containsExactlyInAnyOrder("risk_class", "active", "emdn_code");
    }

    @Test
    void bad_rows_do_not_stop_the_good_ones() {
        var result = read(HEADER + "\n" + row("risk_class=Z") + "\n" + row("udi_di=04012345000023") + "\n");
        assertThat(result.devices()).extracting(DeviceImportRow::row).containsExactly(3);
        assertThat(result.problems()).extracting(ImportProblem::row).containsExactly(2);
    }

    @Test
    void an_unknown_column_makes_the_whole_file_fatal() {
        var result = read(HEADER + ",colour\n" + row() + ",red\n");
        assertThat(result.fatal()).isNotNull();
        assertThat(result.fatal().field()).isEqualTo("colour");
        assertThat(result.devices()).isEmpty();
    }

    @Test
    void a_file_without_the_basic_udi_di_column_is_not_a_device_csv_and_is_fatal() {
        assertThat(read("udi_di,trade_name\n04012345000016,Stem\n").fatal().field()).isEqualTo("basic_udi_di");
    }

    @Test
    void a_file_that_is_not_utf_8_is_fatal_rather_than_silently_garbled() {
        byte[] latin1 = (HEADER + "\n" + row("device_name=Hüftschaft") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        var result = DeviceCsvReader.read(new ByteArrayInputStream(latin1));
        assertThat(result.fatal().message()).contains("UTF-8");
    }

    @Test
    void an_unclosed_quote_and_an_empty_file_are_fatal() {
        assertThat(read(HEADER + "\n\"" + row()).fatal()).isNotNull();
        assertThat(read("").fatal().message()).contains("empty");
    }

    @Test
    void export_then_import_gives_back_exactly_the_same_rows() {
        List<DeviceImportRow> rows = new DeviceCsvGenerator(42).rows(2_000);
        var result = read(DeviceCsvGenerator.csv(rows));
        assertThat(result.problems()).isEmpty();
        assertThat(result.devices()).isEqualTo(rows);
    }

    @Test
    void ten_thousand_generated_rows_with_a_few_bad_ones_report_exactly_the_bad_rows() {
        List<DeviceImportRow> rows = new DeviceCsvGenerator(7).rows(10_000);
        String csv = DeviceCsvGenerator.csv(rows);
        String[] lines = csv.split("\r\n", -1);
        lines[101] = lines[101].replace(",MDR,", ",MDR-2017,");
        lines[5000] = lines[5000].replaceFirst(",(\\d{13})(\\d),GS1,", ",$1" + "X,GS1,");
        lines[9999] = lines[9999].replaceFirst(",no,", ",nope,");
        var result = read(String.join("\r\n", lines));
        assertThat(result.records()).isEqualTo(10_000);
        assertThat(result.problems()).extracting(ImportProblem::row).containsExactly(102, 5001, 10000);
        assertThat(result.devices()).hasSize(9_997);
    }
}
