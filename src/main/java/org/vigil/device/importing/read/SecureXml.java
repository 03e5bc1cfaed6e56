package org.vigil.device.importing.read;

import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * XML parsers that cannot be turned against Vigil (OWASP XML External Entity Prevention): no document type
 * declarations at all (so no external entities and no entity expansion such as "billion laughs"), no access to external
 * DTDs or schemas, and the JDK's secure-processing limits on. Import files are read with StAX, one element at a time,
 * so a large file never sits in memory as a tree.
 */
public final class SecureXml {

    private static final XMLInputFactory STAX = staxFactory();

    private SecureXml() {
    }

    private static XMLInputFactory staxFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** A streaming reader; a document type declaration makes {@link #refuseDtd} fail the read. */
    public static XMLStreamReader streamReader(InputStream in) throws XMLStreamException {
        return STAX.createXMLStreamReader(in);
    }

    /** Stops reading at a DTD event: import files never need one, and entities are how XML attacks work. */
    public static void refuseDtd(XMLStreamReader reader) throws XMLStreamException {
        if (reader.getEventType() == javax.xml.stream.XMLStreamConstants.DTD
                || reader.getEventType() == javax.xml.stream.XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException("The file declares a document type (DOCTYPE) or uses entities; Vigil does "
                    + "not accept either in import files.");
        }
    }

    /** A SAX reader for schema validation that refuses any DOCTYPE before it is processed. */
    public static XMLReader saxReader() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setXIncludeAware(false);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return reader;
    }
}
