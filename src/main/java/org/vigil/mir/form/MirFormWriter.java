package org.vigil.mir.form;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.vigil.mir.MirReport;

/**
 * Writes a {@link MirReport} as MIR 7.3.1 form XML: root {@code incident} with {@code version="7.3.1"}, the sections
 * {@code admin_info}, {@code device_info}, {@code incident_info}, {@code mfr_invest} and, when there is anything to
 * say, {@code comments}; UTF-8, indented by two spaces like the EC's examples. Values not given are left out rather
 * than written empty, so the document says only what the manufacturer knows.
 */
public final class MirFormWriter {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newInstance();
    private static final String INDENT = "  ";

    private MirFormWriter() {
    }

    /** The form XML of {@code report}. */
    public static byte[] write(MirReport report) {
        var out = new ByteArrayOutputStream();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the form XML of {@code report} to {@code out}, leaving it open. */
    public static void write(MirReport report, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            element(xml, MirFormMapping.toTree(report), 0);
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("The MIR form could not be written: " + e.getMessage(), e);
        }
    }

    private static void element(XMLStreamWriter xml, FormElement element, int depth) throws XMLStreamException {
        xml.writeStartElement(element.name);
        for (Map.Entry<String, String> attribute : element.attributes.entrySet()) {
            xml.writeAttribute(attribute.getKey(), attribute.getValue());
        }
        if (element.children.isEmpty()) {
            xml.writeCharacters(element.text == null ? "" : element.text);
        } else {
            for (FormElement child : element.children) {
                xml.writeCharacters("\n" + INDENT.repeat(depth + 1));
                element(xml, child, depth + 1);
            }
            xml.writeCharacters("\n" + INDENT.repeat(depth));
        }
        xml.writeEndElement();
    }
}
