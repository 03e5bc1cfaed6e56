package org.vigil.mir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.xmlunit.assertj3.XmlAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.deadline.Classification;
import org.vigil.mir.MirDocumentKind;
import org.vigil.mir.MirForm;
import org.vigil.mir.MirFormImport;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.MirValidation;
import org.vigil.mir.SubmitterRole;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.shared.xml.XmlRefusedException;

/**
 * The MIR form 7.3.1 XML (MDCG 2023-3) written from the model and read back: every report type round-trips, the
 * written form passes Vigil's structural check of the form and matches its golden file, the unofficial examples
 * converted from the EC's EUDAMED samples read as expected, and what Vigil does not know is reported, not fatal.
 */
class MirFormRoundTripTests {

    /** Set to rewrite the golden files after a deliberate change of the form's layout; review the diff. */
    private static final String UPDATE_GOLDEN = "vigil.mir.golden.update";

    private static MirFormImport read(byte[] xml) throws IOException {
        return MirForm.read(new ByteArrayInputStream(xml));
    }

    private static MirFormImport read(String xml) throws IOException {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MirFormRoundTripTests.class.getResourceAsStream("/org/vigil/mir/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(MirReportType.class)
    void every_report_type_written_as_a_mir_form_reads_back_equal(MirReportType type) throws IOException {
        MirReport report = MirReportExamples.complete(type);
        MirFormImport imported = read(MirForm.write(report));
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.report()).isEqualTo(report);
    }

    @Test
    void a_report_with_every_field_filled_reads_back_equal_so_no_field_is_lost_on_the_way() throws IOException {
        MirReport report = MirReportExamples.complete(MirReportType.FOLLOW_UP);
        var submitter = new org.vigil.mir.Submitter(SubmitterRole.OTHER, MirReportExamples.MANUFACTURER,
                MirReportExamples.AUTHORISED_REPRESENTATIVE, new org.vigil.mir.Party("Swiss Rep AG", "CH-AR-000000555",
                        "Eva", "Meier", "Bahnhofstrasse", "1", "Zürich", "8001", "CH", "+41 44 0000000",
                        "chrep@swissrep.example"), "CH-REP");
        var admin = Records.with(Records.with(Records.with(Records.with(report.administrative(), "submitter",
                submitter), "eudamedReportNumber", "MIR-2026-000042"), "pmcfPmpfInvestigation", true),
                "pmcfPmpfIds", List.of("PMCF-2025-07", "PMCF-2026-01"));
        admin = Records.with(admin, "otherMirs", List.of(new org.vigil.mir.ReportReference("A-1", "E-1", "M-1"),
                new org.vigil.mir.ReportReference("A-2", "E-2", "M-2")));
        var device = report.device();
        for (var change : List.of(List.<Object>of("implantedFrom", LocalDate.of(2025, 7, 1)),
                List.<Object>of("implantedTo", LocalDate.of(2025, 7, 2)),
                List.<Object>of("explantedFrom", LocalDate.of(2026, 3, 5)),
                List.<Object>of("explantedTo", LocalDate.of(2026, 3, 6)),
                List.<Object>of("implantFacility", "Klinikum Nord"), List.<Object>of("explantFacility", "Klinikum Süd"),
                List.<Object>of("distribution", new org.vigil.mir.MarketDistribution(true, List.of(), List.of())))) {
            device = Records.with(device, (String) change.get(0), change.get(1));
        }
        var reporter = new org.vigil.mir.InitialReporter("Other", "Home care nurse", "Pflegedienst Mitte", "PM-7", "DE");
        var incident = Records.with(report.incident(), "initialReporter", reporter);
        var full = new MirReport("de", report.created(), admin, device, incident, report.investigation(),
                new org.vigil.mir.Comments("Zwei Kopien.", List.of("AT-CA-000000002", "CH-CA-000000001")));
        MirFormImport imported = read(MirForm.write(full));
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.report()).isEqualTo(full);
    }

    @ParameterizedTest
    @EnumSource(MirReportType.class)
    void every_written_form_passes_the_structural_check_of_mir_7_3_1(MirReportType type) throws IOException {
        byte[] xml = MirForm.write(MirReportExamples.complete(type));
        var report = MirValidation.withDefaults().validate(new ByteArrayInputStream(xml));
        assertThat(report.problems()).isEmpty();
        assertThat(report.kind()).isEqualTo(MirDocumentKind.MIR_FORM);
    }

    @ParameterizedTest
    @EnumSource(MirReportType.class)
    void every_report_type_is_written_as_its_golden_file(MirReportType type) throws IOException {
        String name = "golden/" + type.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".xml";
        String written = new String(MirForm.write(MirReportExamples.complete(type)), StandardCharsets.UTF_8);
        if (Boolean.getBoolean(UPDATE_GOLDEN)) {
            Files.writeString(Path.of("src/test/resources/org/vigil/mir", name), written);
        }
        XmlAssert.assertThat(written).and(resource(name)).ignoreWhitespace().ignoreComments().areIdentical();
    }

    @Test
    void the_written_form_states_the_report_type_and_classification_in_the_forms_words() throws IOException {
        String xml = new String(MirForm.write(MirReportExamples.complete(MirReportType.FOLLOW_UP)),
                StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<incident version=\"7.3.1\"", "<reportType>Follow up</reportType>",
                        "<eventClassification>Unanticipated serious deterioration in state of health"
                                + "</eventClassification>",
                        "<imdrfCodeChoice1>A0401</imdrfCodeChoice1>", "<imdrfCodeChoice2>A050101</imdrfCodeChoice2>",
                        "<distributionEEA>XI</distributionEEA>", "<rateEEA>0.0200</rateEEA>")
                .doesNotContain("<rootCause>");
    }

    @Test
    void text_with_markup_characters_is_escaped_and_reads_back_unchanged() throws IOException {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        String tricky = "Dose <1.2 U> & \"bolus\" ]]> 'x'";
        var changed = MirReportExamples.withIncident(report,
                Records.with(report.incident(), "description", tricky));
        assertThat(read(MirForm.write(changed)).report().incident().description()).isEqualTo(tricky);
    }

    // -------------------------------------------------------------------------------- the unofficial examples

    @Test
    void the_first_unofficial_example_reads_as_an_initial_report_of_a_death() throws IOException {
        MirFormImport imported = read(resource("form/strict_002_01.xml"));
        assertThat(imported.problems()).isEmpty();
        MirReport report = imported.report();
        assertThat(report.formLanguage()).isEqualTo("en");
        assertThat(report.created()).isEqualTo(OffsetDateTime.parse("2026-03-16T13:53:53+00:00"));
        var admin = report.administrative();
        assertThat(admin.competentAuthority()).isEqualTo("ES-CA-009");
        assertThat(admin.ncaReportNumber()).isEqualTo("REF54235254624624562452");
        assertThat(admin.reportDate()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(admin.incidentFrom()).isEqualTo(LocalDate.of(2024, 7, 2));
        assertThat(admin.awareness()).isEqualTo(LocalDate.of(2024, 7, 2));
        assertThat(admin.reportabilityAwareness()).isEqualTo(LocalDate.of(2024, 7, 2));
        assertThat(admin.reportType()).isEqualTo(MirReportType.INITIAL);
        assertThat(admin.nextReportDate()).isEqualTo(LocalDate.of(2026, 7, 2));
        assertThat(admin.classification()).isEqualTo(Classification.DEATH);
        assertThat(admin.manufacturerReference()).isEqualTo("MF-REF-1144773716MIR");
        assertThat(admin.submitter().role()).isEqualTo(SubmitterRole.MANUFACTURER);
        assertThat(admin.submitter().manufacturer().srn()).isEqualTo("CL-MF-000000241");
        assertThat(admin.submitter().manufacturer().contactFamilyName()).isEqualTo("Doe");
        assertThat(admin.submitter().manufacturer().country()).isEqualTo("MT");
        assertThat(admin.submitter().manufacturer().email()).isEqualTo("email@eudamed.com");
        var device = report.device();
        assertThat(device.udiDi()).isEqualTo("222221085074846");
        assertThat(device.udiPi()).isEqualTo("udi11");
        assertThat(device.nomenclatureCode()).isEqualTo("A0101010101");
        assertThat(device.deviceName()).isEqualTo("test");
        assertThat(device.description()).isEqualTo("fff");
        assertThat(device.serialNumber()).isEqualTo("ser11111");
        assertThat(device.lotNumber()).isEqualTo("lot111");
        assertThat(device.softwareVersion()).isEqualTo("soft111");
        assertThat(device.firmwareVersion()).isEqualTo("firm1111");
        assertThat(device.manufacturingDate()).isEqualTo(LocalDate.of(2015, 1, 23));
        assertThat(device.expiryDate()).isEqualTo(LocalDate.of(2027, 1, 22));
        var incident = report.incident();
        assertThat(incident.description()).isEqualTo("fff");
        assertThat(incident.deviceProblemCodes()).containsExactly("UNK");
        assertThat(incident.deviceLocation()).isEqualTo("Unknown");
        assertThat(incident.patient().clinicalCodes()).containsExactly("UNK");
        assertThat(incident.patient().healthImpactCodes()).containsExactly("UNK");
        assertThat(incident.patient().sex()).isEqualTo("Other");
        assertThat(incident.patient().weightKg()).isEqualByComparingTo(new BigDecimal("66"));
        assertThat(incident.patient().heightCm()).isEqualByComparingTo(new BigDecimal("123"));
        assertThat(incident.initialReporter().role()).isEqualTo("Other");
        assertThat(incident.initialReporter().otherRole()).isEqualTo("Something");
        assertThat(incident.initialReporter().facilityName()).isEqualTo("test test");
        assertThat(incident.initialReporter().facilityCountry()).isEqualTo("MT");
        assertThat(report.investigation().preliminaryAnalysis()).isEqualTo("REVIEW_REQUIRED");
        assertThat(report.investigation().furtherInvestigations()).isEqualTo("REVIEW_REQUIRED");
    }

    @Test
    void the_second_unofficial_example_reads_as_a_follow_up_to_the_french_authority() throws IOException {
        MirFormImport imported = read(resource("form/strict_002_02.xml"));
        assertThat(imported.problems()).isEmpty();
        var admin = imported.report().administrative();
        assertThat(admin.reportType()).isEqualTo(MirReportType.FOLLOW_UP);
        assertThat(admin.competentAuthority()).isEqualTo("FR-CA-001");
        assertThat(admin.ncaReportNumber()).isEqualTo("NCA REPORT - VERSION 2");
        assertThat(admin.submitter().manufacturer().srn()).isEqualTo("MT-MF-000000043");
        assertThat(imported.report().device().udiDi()).isEqualTo("222221485260692");
        assertThat(imported.report().incident().patient().weightKg()).isEqualByComparingTo(new BigDecimal("77"));
        assertThat(imported.report().incident().initialReporter().facilityNumber())
                .isEqualTo("HEALTHCARE FACILITY NUMBER - VERSION 2");
    }

    @Test
    void an_example_read_and_written_again_keeps_every_value_it_held() throws IOException {
        MirReport first = read(resource("form/strict_002_01.xml")).report();
        assertThat(read(MirForm.write(first)).report()).isEqualTo(first);
    }

    // -------------------------------------------------------------------------------- what Vigil does not know

    @Test
    void an_unknown_element_is_reported_with_its_path_and_section_and_the_rest_is_imported() throws IOException {
        String xml = resource("form/strict_002_01.xml").replace("<udiPI>udi11</udiPI>",
                "<udiPI>udi11</udiPI>\n    <deviceColour><shade>blue</shade></deviceColour>");
        MirFormImport imported = read(xml);
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.xpath()).isEqualTo("/incident/device_info/deviceColour");
            assertThat(problem.mirSection()).isEqualTo("§2 device");
            assertThat(problem.line()).isEqualTo(36);
            assertThat(problem.message()).contains("deviceColour", "not imported");
        });
        assertThat(imported.report().device().udiPi()).isEqualTo("udi11");
        assertThat(imported.report().device().serialNumber()).isEqualTo("ser11111");
    }

    @Test
    void a_date_that_is_not_a_date_and_an_unknown_report_type_are_reported_and_left_empty() throws IOException {
        String xml = resource("form/strict_002_01.xml")
                .replace("<reportDate>2026-03-16</reportDate>", "<reportDate>16 March 2026</reportDate>")
                .replace("<reportType>Initial</reportType>", "<reportType>Preliminary</reportType>");
        MirFormImport imported = read(xml);
        assertThat(imported.problems()).extracting(MirProblem::xpath)
                .containsExactlyInAnyOrder("/incident/admin_info/reportDate", "/incident/admin_info/reportType");
        assertThat(imported.problems()).anySatisfy(problem -> assertThat(problem.message()).contains("16 March 2026", "YYYY-MM-DD"));
        assertThat(imported.problems()).allSatisfy(problem -> assertThat(problem.mirSection())
                .isEqualTo("§1 administrative information"));
        assertThat(imported.report().administrative().reportDate()).isNull();
        assertThat(imported.report().administrative().reportType()).isNull();
        assertThat(imported.report().administrative().competentAuthority()).isEqualTo("ES-CA-009");
    }

    @Test
    void a_file_that_is_not_a_mir_form_or_not_version_7_3_1_is_refused_naming_the_file() {
        assertThatThrownBy(() -> read("<report version=\"7.3.1\"/>")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("file");
                    assertThat(error.message()).contains("root element is report");
                }));
        assertThatThrownBy(() -> read("<incident version=\"7.2.1\"><admin_info/></incident>"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("version 7.2.1");
        assertThatThrownBy(() -> read("<incident version=\"7.3.1\"><admin_info>"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not well-formed");
    }

    @Test
    void a_form_declaring_an_external_entity_is_refused_before_the_entity_is_read(@org.junit.jupiter.api.io.TempDir
            Path temp) throws IOException {
        Path secret = temp.resolve("secret.txt");
        Files.writeString(secret, "CANARY-mir-form-0815");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE incident [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]>\n<incident version=\"7.3.1\"><admin_info><ncaName>&x;</ncaName></admin_info></incident>";
        assertThatThrownBy(() -> read(xml)).isInstanceOf(XmlRefusedException.class)
                .hasMessageContaining("DTD").hasMessageNotContaining("CANARY");
    }

    @Test
    void a_form_nesting_deeper_than_the_limit_is_refused_before_it_is_mapped() {
        String xml = "<incident version=\"7.3.1\"><admin_info>" + "<x>".repeat(20) + "</x>".repeat(20)
                + "</admin_info></incident>";
        assertThatThrownBy(() -> MirForm.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                new HardenedXml.Limits(HardenedXml.DEFAULT_MAX_BYTES, 10)))
                .isInstanceOf(XmlRefusedException.class).hasMessageContaining("more than 10 levels deep");
    }

    @Test
    void a_value_given_twice_is_imported_once_and_the_second_reported() throws IOException {
        String xml = resource("form/strict_002_01.xml").replace("<ncaName>ES-CA-009</ncaName>",
                "<ncaName>ES-CA-009</ncaName><ncaName>FR-CA-001</ncaName>");
        MirFormImport imported = read(xml);
        assertThat(imported.report().administrative().competentAuthority()).isEqualTo("ES-CA-009");
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.xpath()).isEqualTo("/incident/admin_info/ncaName[2]");
            assertThat(problem.message()).contains("more than once");
        });
    }

    @Test
    void lists_of_codes_are_read_in_the_order_of_their_numbers_not_of_the_file() throws IOException {
        String xml = resource("form/strict_002_01.xml").replace("<imdrfCodeChoice1>UNK</imdrfCodeChoice1>",
                "<imdrfCodeChoice2>A0502</imdrfCodeChoice2><imdrfCodeChoice1>A0401</imdrfCodeChoice1>");
        assertThat(read(xml).report().incident().deviceProblemCodes()).containsExactly("A0401", "A0502");
    }
}
