package org.vigil.mir.eudamed;

import java.time.LocalDate;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An indenting element writer over StAX for the DTX document: one namespace per element, values not given left out
 * rather than written empty, so the document says only what the manufacturer knows.
 */
final class DtxXml {

    private static final char[] INDENT = ("\n" + " ".repeat(80)).toCharArray();

    private final XMLStreamWriter xml;
    private int depth;
    /** Whether the element open at the current depth has children yet (to place its end tag). */
    private boolean hasChildren;

    DtxXml(XMLStreamWriter xml) {
        this.xml = xml;
    }

    XMLStreamWriter stax() {
        return xml;
    }

    void start(String prefix, String namespace, String name) throws XMLStreamException {
        newline();
        xml.writeStartElement(prefix, name, namespace);
        depth++;
        hasChildren = false;
    }

    void end() throws XMLStreamException {
        depth--;
        if (hasChildren) {
            newline();
        }
        xml.writeEndElement();
        hasChildren = true;
    }

    void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, value);
    }

    /** {@code <prefix:name>value</prefix:name>} when {@code value} is given. */
    void leaf(String prefix, String namespace, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        newline();
        xml.writeStartElement(prefix, name, namespace);
        xml.writeCharacters(value);
        xml.writeEndElement();
        hasChildren = true;
    }

    void leaf(String prefix, String namespace, String name, LocalDate value) throws XMLStreamException {
        leaf(prefix, namespace, name, value == null ? null : value.toString());
    }

    void leaf(String prefix, String namespace, String name, Boolean value) throws XMLStreamException {
        leaf(prefix, namespace, name, value == null ? null : value.toString());
    }

    /** A repeated value with its {@code ordinal} attribute ({@code vigbase:stringOrdinal}), counting from 1. */
    void ordinal(String prefix, String namespace, String name, int ordinal, String value) throws XMLStreamException {
        newline();
        xml.writeStartElement(prefix, name, namespace);
        xml.writeAttribute("ordinal", Integer.toString(ordinal));
        xml.writeCharacters(value);
        xml.writeEndElement();
        hasChildren = true;
    }

    private void newline() throws XMLStreamException {
        hasChildren = true;
        int spaces = Math.min(depth * 2, INDENT.length - 1);
        xml.writeCharacters(INDENT, 0, spaces + 1);
    }
}
