package org.vigil.mir.emdr;

import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over StAX for the eMDR writer: every element in the HL7 v3 namespace, indented by two spaces, text
 * and attribute values escaped by the writer itself (so {@code &}, {@code <} and any script arrive as data).
 */
final class Xml {

    static final String HL7 = "urn:hl7-org:v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String INDENT = "  ";

    private final XMLStreamWriter out;
    /** Per open element: whether it has child elements yet (then its end tag goes on its own line). */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    Xml(XMLStreamWriter out) {
        this.out = out;
    }

    /** Opens {@code name} with attribute name/value pairs; a {@code null} value leaves that attribute out. */
    Xml start(String name, String... attributes) throws XMLStreamException {
        newLine();
        out.writeStartElement(HL7, name);
        if (open.isEmpty()) {
            out.writeDefaultNamespace(HL7);
            out.writeNamespace("xsi", XSI);
        }
        attributes(attributes);
        open.push(new boolean[1]);
        return this;
    }

    /** An element without children: {@code text} inside it ({@code null} for none) and the attributes. */
    Xml leaf(String name, String text, String... attributes) throws XMLStreamException {
        newLine();
        if (text == null) {
            out.writeEmptyElement(HL7, name);
            attributes(attributes);
        } else {
            out.writeStartElement(HL7, name);
            attributes(attributes);
            out.writeCharacters(text);
            out.writeEndElement();
        }
        return this;
    }

    /** A typed {@code value} element ({@code xsi:type}, HL7 v3 data type flavour of an observation's value). */
    Xml value(String type, String text, String... attributes) throws XMLStreamException {
        newLine();
        if (text == null) {
            out.writeEmptyElement(HL7, "value");
        } else {
            out.writeStartElement(HL7, "value");
        }
        out.writeAttribute("xsi", XSI, "type", type);
        attributes(attributes);
        if (text != null) {
            out.writeCharacters(text);
            out.writeEndElement();
        }
        return this;
    }

    /** Opens a typed {@code value} element that gets children, such as {@code originalText}. */
    Xml startValue(String type, String... attributes) throws XMLStreamException {
        newLine();
        out.writeStartElement(HL7, "value");
        out.writeAttribute("xsi", XSI, "type", type);
        attributes(attributes);
        open.push(new boolean[1]);
        return this;
    }

    Xml end() throws XMLStreamException {
        boolean[] hadChildren = open.pop();
        if (hadChildren[0]) {
            out.writeCharacters("\n" + INDENT.repeat(open.size()));
        }
        out.writeEndElement();
        return this;
    }

    private void newLine() throws XMLStreamException {
        if (!open.isEmpty()) {
            open.peek()[0] = true;
        }
        out.writeCharacters("\n" + INDENT.repeat(open.size()));
    }

    private void attributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }
}
