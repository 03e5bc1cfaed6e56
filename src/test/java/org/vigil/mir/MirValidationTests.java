package org.vigil.mir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.shared.xml.XmlRefusedException;

/**
 * {@link MirValidation}: manufacturer incident reports (MDR Art. 87; MIR form 7.3.1, MDCG 2023-3) are recognised,
 * checked against the EUDAMED DTX 3.0.25 schemas or the MIR form's structure or official XSD, and every problem is
 * placed by element path and MIR section; hostile files are refused before anything they point to is read.
 */
class MirValidationTests {

    private static final String CANARY_TEXT = "CANARY-mir-4711";

    private final MirValidation validation = MirValidation.withDefaults();

    @TempDir
    Path temp;

    static String resource(String name) throws IOException {
        try (InputStream in = MirValidationTests.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String minimalDtx() throws IOException {
        return resource("eudamed/mir_2-minimal.xml");
    }

    private MirValidationReport check(String xml) throws IOException {
        return validation.validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    // ------------------------------------------------------------------------------------------------ EUDAMED DTX

    @Test
    void the_smallest_mir_2_document_the_dtx_3_0_25_schema_accepts_is_valid() throws IOException {
        var report = check(minimalDtx());
        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.kind()).isEqualTo(MirDocumentKind.EUDAMED_MIR);
        assertThat(report.check()).isEqualTo("EUDAMED mir_2Type, DTX 3.0.25");
    }

    @Test
    void a_vigilance_dossier_whose_data_is_a_mir_2Type_is_valid() throws IOException {
        var report = check(resource("eudamed/mir_2-dossier.xml"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.kind()).isEqualTo(MirDocumentKind.EUDAMED_MIR);
    }

    @Test
    void a_dtx_push_message_carrying_the_dossier_is_valid_and_one_without_a_mir_is_not() throws IOException {
        String push = resource("eudamed/mir_2-push.xml");
        var report = check(push);
        assertThat(report.problems()).isEmpty();
        assertThat(report.kind()).isEqualTo(MirDocumentKind.EUDAMED_MIR);

        String empty = push.replaceAll("(?s)<m:payload>.*</m:payload>", "<m:payload/>");
        var withoutMir = check(empty);
        assertThat(withoutMir.valid()).isFalse();
        assertThat(withoutMir.problems()).singleElement().extracting(MirProblem::message).asString()
                .startsWith("The message carries no manufacturer incident report");
    }

    @Test
    void a_wrong_element_in_the_device_section_is_reported_with_its_xpath_section_2_and_a_plain_message()
            throws IOException {
        String xml = minimalDtx().replace("<vig:deviceInformationTab/>",
                "<vig:deviceInformationTab>\n      <vig:deviceColour>blue</vig:deviceColour>\n"
                        + "    </vig:deviceInformationTab>");
        var report = check(xml);
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).hasSize(1);
        MirProblem problem = report.problems().getFirst();
        assertThat(problem.xpath()).isEqualTo("/vig:mir_2Element/vig:mir_2/vig:deviceInformationTab/vig:deviceColour");
        assertThat(problem.mirSection()).isEqualTo("§2 device");
        assertThat(problem.line()).isEqualTo(15);
        assertThat(problem.message()).startsWith("Element deviceColour is not allowed here")
                .doesNotContain("https://", "cvc-");
        assertThat(problem.detail()).startsWith("cvc-complex-type.2.4");
    }

    @Test
    void a_date_not_written_as_the_schema_requires_is_one_problem_in_section_1_with_the_expected_format()
            throws IOException {
        var report = check(minimalDtx().replace(">2026-10-03<", ">3 October 2026<"));
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.xpath()).isEqualTo("/vig:mir_2Element/vig:mir_2/vig:administrativeInformation/"
                    + "vig:dateOfIncidentSection/vig:mfAwarenessDate");
            assertThat(problem.mirSection()).isEqualTo("§1 administrative information");
            assertThat(problem.message()).isEqualTo("'3 October 2026' is not a valid date (a date is written "
                    + "YYYY-MM-DD).");
        });
    }

    @Test
    void a_missing_required_element_is_reported_at_the_incomplete_element_in_section_3() throws IOException {
        String xml = minimalDtx().replaceAll("(?s)<vig:natureOfIncident>.*</vig:natureOfIncident>", "");
        var problem = check(xml).problems().getFirst();
        assertThat(problem.xpath()).endsWith("/vig:incidentInformation/vig:incidentInformationSection");
        assertThat(problem.mirSection()).isEqualTo("§3 incident");
        assertThat(problem.message()).contains("incomplete", "natureOfIncident");
    }

    @Test
    void a_dossier_holding_another_vigilance_report_is_not_taken_for_a_mir() throws IOException {
        String xml = resource("eudamed/mir_2-dossier.xml").replace("vig:mir_2Type", "vig:fsca_2Type");
        var report = check(xml);
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(problem -> {
            assertThat(problem.xpath()).isEqualTo("/vigbase:Dossier/vigbase:Data");
            assertThat(problem.message()).contains("vig:fsca_2Type", "not a manufacturer incident report");
        });
    }

    // -------------------------------------------------------------------------------------------- MIR form 7.3.1

    @Test
    void both_unofficial_mir_7_3_1_examples_pass_the_structural_check_which_the_report_names() throws IOException {
        for (String name : new String[] { "form/strict_002_01.xml", "form/strict_002_02.xml" }) {
            var report = check(resource(name));
            assertThat(report.problems()).as(name).isEmpty();
            assertThat(report.kind()).isEqualTo(MirDocumentKind.MIR_FORM);
            assertThat(report.check()).isEqualTo("MIR form 7.3.1, Vigil's structural check (no EC schema folder "
                    + "configured)");
        }
    }

    @Test
    void a_form_with_another_version_a_missing_section_and_sections_out_of_order_names_each() throws IOException {
        String form = resource("form/strict_002_01.xml");
        String deviceInfo = form.substring(form.indexOf("<device_info>"), form.indexOf("</device_info>") + 14);
        String broken = form.replace("version=\"7.3.1\"", "version=\"7.2\"").replace(deviceInfo, "")
                .replace("<mfr_invest>", "<mfr_invest_moved/>")
                .replace("<admin_info>", "<mfr_invest><x/></mfr_invest><admin_info>")
                .replace("<mfr_invest_moved/>", "<mfr_invest>");
        var report = check(broken);
        assertThat(report.problems()).extracting(MirProblem::xpath)
                .contains("/incident/@version", "/incident/device_info", "/incident/admin_info");
        assertThat(report.problems()).anySatisfy(problem -> {
            assertThat(problem.xpath()).isEqualTo("/incident/device_info");
            assertThat(problem.mirSection()).isEqualTo("§2 device");
            assertThat(problem.message()).contains("device_info is missing");
        });
        assertThat(report.problems()).anySatisfy(problem -> assertThat(problem.message())
                .isEqualTo("The form is version 7.2; Vigil reads MIR form 7.3.1."));
    }

    /**
     * With the operator's EC XSD folder the form is validated against the XSD of its report type; the stand-in XSD
     * here (the EC's files are not redistributable with Vigil) requires a numeric UDI-DI.
     */
    @Test
    void with_the_ec_schema_folder_a_form_is_validated_against_the_xsd_of_its_report_type() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("mir-xsd"));
        Files.writeString(folder.resolve("incident-Initial-v7.3.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:include schemaLocation="sections.xsd"/>
                  <xs:element name="incident">
                    <xs:complexType>
                      <xs:sequence>
                        <xs:element name="admin_info" type="open"/>
                        <xs:element name="device_info">
                          <xs:complexType>
                            <xs:sequence>
                              <xs:element name="udiDI">
                                <xs:simpleType>
                                  <xs:restriction base="xs:string"><xs:pattern value="[0-9]+"/></xs:restriction>
                                </xs:simpleType>
                              </xs:element>
                              <xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
                            </xs:sequence>
                          </xs:complexType>
                        </xs:element>
                        <xs:element name="incident_info" type="open"/>
                        <xs:element name="mfr_invest" type="open"/>
                      </xs:sequence>
                      <xs:anyAttribute processContents="skip"/>
                    </xs:complexType>
                  </xs:element>
                </xs:schema>
                """);
        Files.writeString(folder.resolve("sections.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:complexType name="open">
                    <xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                  </xs:complexType>
                </xs:schema>
                """);
        var withXsd = new MirValidation(Optional.of(folder), HardenedXml.Limits.DEFAULT);
        String initial = resource("form/strict_002_01.xml");

        var valid = withXsd.validate(new ByteArrayInputStream(initial.getBytes(StandardCharsets.UTF_8)));
        assertThat(valid.problems()).isEmpty();
        assertThat(valid.check()).isEqualTo("MIR form 7.3.1, EC schema incident-Initial-v7.3.xsd");

        var invalid = withXsd.validate(new ByteArrayInputStream(initial.replace("<udiDI>222221085074846</udiDI>",
                "<udiDI>ABC-1</udiDI>").getBytes(StandardCharsets.UTF_8)));
        assertThat(invalid.problems()).first().satisfies(problem -> {
            assertThat(problem.xpath()).isEqualTo("/incident/device_info/udiDI");
            assertThat(problem.mirSection()).isEqualTo("§2 device");
            assertThat(problem.message()).startsWith("'ABC-1' does not have the required format");
        });

        var followUp = withXsd.validate(new ByteArrayInputStream(resource("form/strict_002_02.xml")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(followUp.check()).isEqualTo("MIR form 7.3.1, Vigil's structural check (the EC schema folder "
                + "has no incident-Followup-v7.3.xsd)");
    }

    @Test
    void a_report_type_holding_markup_is_read_by_its_own_text_and_the_form_still_checked() throws IOException {
        String form = resource("form/strict_002_01.xml").replace("<reportType>Initial</reportType>",
                "<reportType>Initial<b>!</b></reportType>");
        var report = check(form);
        assertThat(report.kind()).isEqualTo(MirDocumentKind.MIR_FORM);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void a_file_that_is_no_mir_or_not_well_formed_is_reported_not_thrown() throws IOException {
        var other = check("<catalog><item/></catalog>");
        assertThat(other.kind()).isEqualTo(MirDocumentKind.UNRECOGNISED);
        assertThat(other.valid()).isFalse();
        assertThat(other.problems().getFirst().message()).contains("root element is catalog");

        var broken = check("<incident version=\"7.3.1\">\n<admin_info>\n</incident>");
        assertThat(broken.valid()).isFalse();
        assertThat(broken.problems().getFirst().message()).startsWith("The file is not well-formed XML");
        assertThat(broken.problems().getFirst().line()).isEqualTo(3);
    }

    // ------------------------------------------------------------------------------------------------ hostile XML

    @Test
    void an_external_entity_aimed_at_a_local_file_is_refused_at_the_doctype_and_the_file_never_appears()
            throws IOException {
        Path canary = Files.writeString(temp.resolve("canary.txt"), CANARY_TEXT);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE incident [<!ENTITY xxe SYSTEM \"" + canary.toUri()
                + "\">]>\n<incident version=\"7.3.1\"><admin_info><ncaName>&xxe;</ncaName></admin_info></incident>";
        var refused = catchThrowableOfType(XmlRefusedException.class, () -> check(xml));
        assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.DOCTYPE);
        assertThat(refused.plainMessage())
                .isEqualTo("The file declares a DTD (DOCTYPE); Vigil does not read DTDs, remove it.");
        assertThat(refused.getMessage()).doesNotContain(CANARY_TEXT);
    }

    @Test
    void a_billion_laughs_bomb_is_refused_at_the_doctype() {
        String bomb = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><incident>&lol3;</incident>";
        assertThat(catchThrowableOfType(XmlRefusedException.class, () -> check(bomb)).reason())
                .isEqualTo(XmlRefusedException.Reason.DOCTYPE);
    }

    @Test
    void an_xinclude_or_schema_location_in_a_mir_is_never_followed_and_the_element_is_reported() throws IOException {
        Path canary = Files.writeString(temp.resolve("canary.txt"), CANARY_TEXT);
        String xml = minimalDtx().replace("<vig:deviceInformationTab/>", "<vig:deviceInformationTab>"
                + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + canary.toUri()
                + "\" parse=\"text\"/></vig:deviceInformationTab>").replace("version=\"1\">", "version=\"1\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:x "
                        + canary.toUri() + "\">");
        var report = check(xml);
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.xpath()).endsWith("/vig:deviceInformationTab/xi:include");
            assertThat(problem.message()).doesNotContain(CANARY_TEXT);
        });
    }

    @Test
    void ten_thousand_nested_elements_are_refused_with_the_depth_limit_named() {
        String deep = "<incident version=\"7.3.1\">" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</incident>";
        var refused = catchThrowableOfType(XmlRefusedException.class, () -> check(deep));
        assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.TOO_DEEP);
        assertThat(refused.plainMessage()).contains("more than 200 levels deep");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_while_it_is_read() throws IOException {
        Path huge = hugeForm(temp.resolve("huge.xml"), HardenedXml.DEFAULT_MAX_BYTES + 1024 * 1024);
        var refused = catchThrowableOfType(XmlRefusedException.class, () -> validation.validate(huge));
        assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.TOO_LARGE);
        assertThat(refused.plainMessage()).startsWith("The file is larger than 20 MB;");
    }

    /** A well-formed MIR form of at least {@code size} bytes, written line by line, never held in memory. */
    static Path hugeForm(Path file, long size) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("<incident version=\"7.3.1\"><admin_info><reportType>Initial</reportType></admin_info>"
                    + "<device_info>");
            String line = "<deviceDescription>" + "x".repeat(1000) + "</deviceDescription>\n";
            for (long written = 0; written < size; written += line.length()) {
                out.write(line);
            }
            out.write("</device_info><incident_info/><mfr_invest/></incident>");
        }
        return file;
    }
}
