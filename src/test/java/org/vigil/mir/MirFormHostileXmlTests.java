package org.vigil.mir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.shared.xml.XmlRefusedException;

/**
 * Importing a MIR form 7.3.1 file ({@link MirForm#read}, the path {@code mir render} and the import take) refuses the
 * same hostile XML as {@link MirValidation} does (OWASP XML External Entity Prevention; MDR Art. 87 reports arrive
 * from other organisations): external entities and DTDs, entity expansion bombs, deep nesting and oversized files are
 * refused with a plain message before anything they point to is read, and XInclude or schema hints are never
 * followed. Each case mirrors one in {@code MirValidationTests}; how fast the refusal comes is measured by
 * {@code HostileXmlBenchmark}, not asserted here.
 */
class MirFormHostileXmlTests {

    private static final String CANARY_TEXT = "CANARY-mir-import-5150";

    @TempDir
    Path temp;

    private static MirFormImport read(String xml) throws IOException {
        return MirForm.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private Path canary() throws IOException {
        return Files.writeString(temp.resolve("canary.txt"), CANARY_TEXT);
    }

    @Test
    void an_external_entity_aimed_at_a_local_file_is_refused_at_the_doctype_and_the_file_never_appears()
            throws IOException {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE incident [<!ENTITY xxe SYSTEM \"" + canary().toUri()
                + "\">]>\n<incident version=\"7.3.1\"><admin_info><ncaName>&xxe;</ncaName></admin_info></incident>";
        var refused = catchThrowableOfType(XmlRefusedException.class, () -> read(xml));
        assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.DOCTYPE);
        assertThat(refused.plainMessage())
                .isEqualTo("The file declares a DTD (DOCTYPE); Vigil does not read DTDs, remove it.");
        assertThat(refused.getMessage()).doesNotContain(CANARY_TEXT);
    }

    @Test
    void an_external_dtd_and_a_parameter_entity_are_refused_at_the_doctype_before_they_are_fetched()
            throws IOException {
        Path canary = canary();
        String externalDtd = "<!DOCTYPE incident SYSTEM \"" + canary.toUri() + "\"><incident version=\"7.3.1\"/>";
        assertThat(catchThrowableOfType(XmlRefusedException.class, () -> read(externalDtd)).reason())
                .isEqualTo(XmlRefusedException.Reason.DOCTYPE);
        String parameterEntity = "<!DOCTYPE incident [<!ENTITY % remote SYSTEM \"" + canary.toUri() + "\"> %remote;]>"
                + "<incident version=\"7.3.1\"/>";
        var refused = catchThrowableOfType(XmlRefusedException.class, () -> read(parameterEntity));
        assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.DOCTYPE);
        assertThat(refused.getMessage()).doesNotContain(CANARY_TEXT);
    }

    @Test
    void a_billion_laughs_bomb_is_refused_at_the_doctype() {
        String bomb = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<incident version=\"7.3.1\"><admin_info><ncaName>&lol3;</ncaName></admin_info></incident>";
        assertThat(catchThrowableOfType(XmlRefusedException.class, () -> read(bomb)).reason())
                .isEqualTo(XmlRefusedException.Reason.DOCTYPE);
    }

    @Test
    void an_entity_reference_without_a_dtd_is_refused_naming_the_entity_as_not_well_formed() {
        var refused = catchThrowableOfType(InvalidInputException.class, () -> read(
                "<incident version=\"7.3.1\"><admin_info><ncaName>&secret;</ncaName></admin_info></incident>"));
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("file");
            assertThat(error.message()).startsWith("The file is not well-formed XML:").contains("\"secret\"");
        });
    }

    @Test
    void an_xinclude_or_schema_location_in_a_form_is_never_followed_and_the_element_is_reported()
            throws IOException {
        Path canary = canary();
        String xml = "<incident version=\"7.3.1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:schemaLocation=\"urn:x " + canary.toUri() + "\"><admin_info><ncaName>DE-CA-000000001"
                + "</ncaName><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + canary.toUri()
                + "\" parse=\"text\"/></admin_info><device_info/><incident_info/><mfr_invest/></incident>";
        MirFormImport imported = read(xml);
        assertThat(imported.report().administrative().competentAuthority()).isEqualTo("DE-CA-000000001");
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.xpath()).isEqualTo("/incident/admin_info/xi:include");
            assertThat(problem.message()).doesNotContain(CANARY_TEXT);
        });
        assertThat(imported.report().toString()).doesNotContain(CANARY_TEXT);
    }

    @Test
    void ten_thousand_nested_elements_are_refused_with_the_default_depth_limit_named() {
        String deep = "<incident version=\"7.3.1\">" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</incident>";
        var refused = catchThrowableOfType(XmlRefusedException.class, () -> read(deep));
        assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.TOO_DEEP);
        assertThat(refused.plainMessage()).contains("more than 200 levels deep");
    }

    @Test
    void a_file_over_the_default_size_limit_is_refused_while_it_is_read() throws IOException {
        Path huge = MirValidationTests.hugeForm(temp.resolve("huge.xml"), HardenedXml.DEFAULT_MAX_BYTES + 1024 * 1024);
        try (InputStream in = Files.newInputStream(huge)) {
            var refused = catchThrowableOfType(XmlRefusedException.class, () -> MirForm.read(in));
            assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.TOO_LARGE);
            assertThat(refused.plainMessage()).startsWith("The file is larger than 20 MB;");
        }
    }

    @Test
    void a_stream_that_does_not_tell_its_size_is_refused_while_it_is_read() throws IOException {
        Path huge = MirValidationTests.hugeForm(temp.resolve("huge.xml"), HardenedXml.DEFAULT_MAX_BYTES + 1024 * 1024);
        try (InputStream file = Files.newInputStream(huge); InputStream network = new FilterInputStream(file) {
            @Override
            public int available() {
                return 0;
            }
        }) {
            var refused = catchThrowableOfType(XmlRefusedException.class, () -> MirForm.read(network));
            assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.TOO_LARGE);
            assertThat(refused.plainMessage()).startsWith("The file is larger than 20 MB;");
        }
    }
}
