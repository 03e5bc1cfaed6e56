package org.vigil.shared.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The hardened XML reader (OWASP XML External Entity Prevention Cheat Sheet; MDR Art. 87 reports and device imports
 * arrive from other organisations): every known XML attack is refused with a plain message before anything it points
 * to is read, and size and depth are limited while reading.
 */
class HardenedXmlTests {

    private static final String CANARY_TEXT = "CANARY-7f3a9c-secret";

    @TempDir
    Path temp;

    /** Reads the whole document and returns every text seen; throws what the reader throws. */
    private static List<String> readAll(InputStream in, HardenedXml.Limits limits, List<Integer> events)
            throws XMLStreamException {
        var xml = HardenedXml.streamReader(in, limits);
        List<String> texts = new ArrayList<>();
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                events.add(event);
                if (event == XMLStreamConstants.CHARACTERS) {
                    texts.add(xml.getText());
                }
            }
        } finally {
            xml.close();
        }
        return texts;
    }

    private static InputStream bytes(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private Path canary() throws IOException {
        return Files.writeString(temp.resolve("canary.txt"), CANARY_TEXT);
    }

    @Test
    void an_external_entity_pointing_at_a_local_file_is_refused_at_the_doctype_before_any_element_is_read()
            throws IOException {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + canary().toUri() + "\">]>\n"
                + "<r>&xxe;</r>";
        List<Integer> events = new ArrayList<>();
        var refused = catchThrowableOfType(XmlRefusedException.class,
                () -> readAll(bytes(xml), HardenedXml.Limits.DEFAULT, events));
        assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.DOCTYPE);
        assertThat(refused.plainMessage())
                .isEqualTo("The file declares a DTD (DOCTYPE); Vigil does not read DTDs, remove it.")
                .doesNotContain(CANARY_TEXT);
        assertThat(events).as("refused at the DOCTYPE: no element, so no entity reference, was ever reached")
                .doesNotContain(XMLStreamConstants.START_ELEMENT, XMLStreamConstants.ENTITY_REFERENCE);
    }

    @Test
    void an_external_dtd_and_parameter_entities_are_refused_at_the_doctype() throws IOException {
        Path dtd = Files.writeString(temp.resolve("evil.dtd"), "<!ENTITY % all \"<!ENTITY leak '" + CANARY_TEXT
                + "'>\"> %all;");
        for (String doctype : List.of("<!DOCTYPE r SYSTEM \"" + dtd.toUri() + "\">",
                "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]>")) {
            var refused = catchThrowableOfType(XmlRefusedException.class,
                    () -> readAll(bytes(doctype + "<r>&leak;</r>"), HardenedXml.Limits.DEFAULT, new ArrayList<>()));
            assertThat(refused.reason()).as(doctype).isEqualTo(XmlRefusedException.Reason.DOCTYPE);
            assertThat(refused.getMessage()).doesNotContain(CANARY_TEXT);
        }
    }

    @Test
    void a_billion_laughs_entity_bomb_is_refused_at_the_doctype_without_expanding_anything() {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        bomb.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"")
                    .append(String.join("", Collections.nCopies(10, "&lol" + (i - 1) + ";"))).append("\">\n");
        }
        bomb.append("]>\n<lolz>&lol9;</lolz>");
        List<Integer> events = new ArrayList<>();
        var refused = catchThrowableOfType(XmlRefusedException.class,
                () -> readAll(bytes(bomb.toString()), HardenedXml.Limits.DEFAULT, events));
        assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.DOCTYPE);
        assertThat(events).doesNotContain(XMLStreamConstants.START_ELEMENT);
    }

    @Test
    void an_entity_used_without_any_declaration_is_not_resolved() {
        assertThatThrownBy(() -> readAll(bytes("<r>&xxe;</r>"), HardenedXml.Limits.DEFAULT, new ArrayList<>()))
                .satisfiesAnyOf(
                        e -> assertThat(e).isInstanceOf(XmlRefusedException.class),
                        e -> assertThat(e).isInstanceOf(XMLStreamException.class).hasMessageContaining("xxe"));
    }

    @Test
    void ten_thousand_nested_elements_are_refused_at_the_depth_limit_with_a_plain_message() {
        String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
        List<Integer> events = new ArrayList<>();
        var refused = catchThrowableOfType(XmlRefusedException.class,
                () -> readAll(bytes(deep), HardenedXml.Limits.DEFAULT, events));
        assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.TOO_DEEP);
        assertThat(refused.plainMessage()).contains("more than 200 levels deep");
        assertThat(events.stream().filter(event -> event == XMLStreamConstants.START_ELEMENT).count())
                .as("stopped at the limit, not after reading everything").isEqualTo(200);
    }

    @Test
    void a_document_exactly_at_the_depth_limit_is_read() throws XMLStreamException {
        String deep = "<a>".repeat(200) + "x" + "</a>".repeat(200);
        assertThat(readAll(bytes(deep), HardenedXml.Limits.DEFAULT, new ArrayList<>())).containsExactly("x");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_while_reading_not_after() {
        // An endless document: if the limit were checked after reading, this test would never end.
        InputStream endless = new SequenceInputStream(bytes("<r>"), new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        });
        var refused = catchThrowableOfType(XmlRefusedException.class,
                () -> readAll(endless, new HardenedXml.Limits(1024 * 1024, 200), new ArrayList<>()));
        assertThat(refused.reason()).isEqualTo(XmlRefusedException.Reason.TOO_LARGE);
        assertThat(refused.plainMessage()).startsWith("The file is larger than 1 MB;");
    }

    @Test
    void an_xinclude_is_not_processed_so_the_included_file_is_never_read() throws Exception {
        String xml = "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + canary().toUri()
                + "\" parse=\"text\"/></r>";
        assertThat(String.join("", readAll(bytes(xml), HardenedXml.Limits.DEFAULT, new ArrayList<>())))
                .doesNotContain(CANARY_TEXT);
    }

    @Test
    void a_schema_location_in_the_document_does_not_make_the_validator_load_that_schema() throws Exception {
        // If the validator followed the hint, c:thing would be declared and the document valid.
        Path canarySchema = Files.writeString(temp.resolve("canary.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:canary">
                  <xs:element name="thing"/>
                </xs:schema>
                """);
        String xml = "<box xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:c=\"urn:canary\" "
                + "xsi:schemaLocation=\"urn:canary " + canarySchema.toUri() + "\"><c:thing/></box>";
        var schema = HardenedXml.compileClasspathSchema("/org/vigil/shared/xml", "box.xsd");
        List<String> errors = new ArrayList<>();
        var reader = HardenedXml.streamReader(bytes(xml));
        try {
            HardenedXml.validate(reader, schema, collecting(errors, reader), null);
        } catch (XmlRefusedException refused) {
            errors.add(refused.plainMessage());
        }
        assertThat(errors).isNotEmpty();
        assertThat(errors.getFirst()).contains("thing");
    }

    @Test
    void schema_errors_are_reported_at_the_path_of_the_element_they_concern() throws Exception {
        var schema = HardenedXml.compileClasspathSchema("/org/vigil/shared/xml", "box.xsd");
        List<String> errors = new ArrayList<>();
        var reader = HardenedXml.streamReader(bytes("<box><inner/><inner/></box>"));
        HardenedXml.validate(reader, schema, collecting(errors, reader), null);
        assertThat(errors).first().asString().startsWith("/box/inner ");
    }

    @Test
    void a_schema_reference_leaving_the_schema_folder_is_refused_when_compiling() {
        assertThatThrownBy(() -> HardenedXml.compileFolderSchema(temp, "../outside.xsd"))
                .isInstanceOf(XmlRefusedException.class)
                .hasMessageContaining("points outside the schema folder");
    }

    private static ErrorHandler collecting(List<String> errors, HardenedStreamReader reader) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(reader.elementPath() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(reader.elementPath() + " " + e.getMessage());
            }
        };
    }
}
