package org.vigil.shared.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;

import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * The only way Vigil reads XML that comes from outside (OWASP XML External Entity Prevention Cheat Sheet; the
 * hardening MIR submissions and device imports need because they arrive from other organisations):
 * <ul>
 *   <li>no DTD at all: a {@code DOCTYPE} is refused the moment the parser meets it, before any entity is declared or
 *       resolved, so external entities, parameter entities and expansion bombs ("billion laughs") cannot happen;</li>
 *   <li>nothing is fetched on the document's say-so: external DTDs and schemas are off, {@code xsi:schemaLocation}
 *       hints are ignored, and XInclude is not processed (StAX has none, and the validator uses only the compiled
 *       schema);</li>
 *   <li>size ({@link Limits#maxBytes()}) and element depth ({@link Limits#maxDepth()}) are counted while reading, so a
 *       huge or deeply nested file is refused without being held in memory.</li>
 * </ul>
 * Every refusal is an {@link XmlRefusedException} with a plain message. Files are read with StAX, one event at a
 * time; schema validation is driven from the same reader ({@link #validate}), so an error can name the element path
 * where it occurred.
 */
public final class HardenedXml {

    /** 20 MB: far above a manufacturer incident report with its free texts, far below what could exhaust memory. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    /** 200 levels: the deepest EUDAMED vigilance element is about 15 levels down. */
    public static final int DEFAULT_MAX_DEPTH = 200;

    private static final XMLInputFactory STAX = staxFactory();
    private static final DOMImplementationLS LS = lsImplementation();
    private static final String CLASSPATH = "classpath";

    private HardenedXml() {
    }

    /**
     * How much a reader accepts.
     *
     * @param maxBytes the largest file, in bytes, counted as the bytes are read
     * @param maxDepth the deepest element nesting, the root being depth 1
     */
    public record Limits(long maxBytes, int maxDepth) {

        public static final Limits DEFAULT = new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);

        public Limits {
            if (maxBytes < 1) {
                throw org.vigil.shared.InvalidInputException.of("maxBytes", "The XML size limit must be at least "
                        + "one byte.");
            }
            if (maxDepth < 1) {
                throw org.vigil.shared.InvalidInputException.of("maxDepth", "The XML depth limit must be at least "
                        + "one level.");
            }
        }
    }

    private static XMLInputFactory staxFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        // The DTD is reported as an event (which the reader refuses) but never processed or loaded.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // The depth is limited per reader (Limits.maxDepth) with Vigil's own message; the JDK's fixed limit of 100
        // would otherwise refuse first, with a message nobody outside Java understands.
        factory.setProperty("jdk.xml.maxElementDepth", 0);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XmlRefusedException(XmlRefusedException.Reason.EXTERNAL_REFERENCE, "The file refers to "
                    + "an outside resource (" + systemId + "); Vigil reads nothing the file points to.");
        });
        return factory;
    }

    /** A streaming reader within the {@linkplain Limits#DEFAULT default limits}. */
    public static HardenedStreamReader streamReader(InputStream in) throws XMLStreamException {
        return streamReader(in, Limits.DEFAULT);
    }

    /** A streaming reader that refuses a DTD, entities, and anything beyond {@code limits}. */
    public static HardenedStreamReader streamReader(InputStream in, Limits limits) throws XMLStreamException {
        return new HardenedStreamReader(STAX.createXMLStreamReader(new BoundedInputStream(in, limits.maxBytes())),
                limits);
    }

    /**
     * Compiles a schema shipped inside Vigil. {@code include} and {@code import} references are resolved relative to
     * the including file and must stay inside {@code folder} on the classpath; anything else (another folder, a web
     * address, a local file) is refused, so a schema can never make Vigil fetch something.
     *
     * @param folder the classpath folder holding the schema set, e.g. {@code /eudamed/dtx-3.0.25}
     * @param files the entry files inside it, e.g. {@code service/Message.xsd}
     */
    public static Schema compileClasspathSchema(String folder, String... files) {
        String root = folder.endsWith("/") ? folder : folder + "/";
        return compile(new ConfinedResolver(CLASSPATH + ":" + root, path -> {
            InputStream in = HardenedXml.class.getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("No schema " + path + " on the classpath");
            }
            return in;
        }), folder, files);
    }

    /**
     * Compiles a schema set the operator placed in {@code folder} (such as the European Commission's MIR form XSDs):
     * its references may only name files inside that folder.
     *
     * @throws IllegalStateException when the schema does not compile, with the compiler's reason
     */
    public static Schema compileFolderSchema(Path folder, String... files) {
        String root = folder.toAbsolutePath().normalize().toUri().toString();
        return compile(new ConfinedResolver(root.endsWith("/") ? root : root + "/", path -> {
            try {
                return Files.newInputStream(Path.of(path));
            } catch (IOException e) {
                throw new IllegalStateException("The schema " + path + " cannot be read: " + e.getMessage(), e);
            }
        }), folder.toString(), files);
    }

    private static Schema compile(ConfinedResolver resolver, String name, String... files) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // The resolver answers every reference with a stream it opened itself, so nothing is opened by URL.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(resolver);
            List<Source> sources = new ArrayList<>();
            for (String file : files) {
                LSInput input = resolver.resolveResource(XMLConstants.W3C_XML_SCHEMA_NS_URI, null, null, file,
                        resolver.root());
                sources.add(new StreamSource(input.getByteStream(), input.getSystemId()));
            }
            return factory.newSchema(sources.toArray(Source[]::new));
        } catch (SAXException e) {
            throw new IllegalStateException("The schema set " + name + " does not compile: " + e.getMessage(), e);
        }
    }

    /** Answers schema references only with files under {@code root} (a URI ending in a slash). */
    private record ConfinedResolver(String root, java.util.function.Function<String, InputStream> open)
            implements LSResourceResolver {

        @Override
        public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId,
                String baseUri) {
            URI resolved;
            try {
                resolved = (baseUri == null ? URI.create(root) : URI.create(baseUri)).resolve(systemId).normalize();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new XmlRefusedException(XmlRefusedException.Reason.EXTERNAL_REFERENCE, "The schema reference "
                        + systemId + " cannot be resolved inside the schema folder.");
            }
            URI folder = URI.create(root);
            // Compared by scheme and path: resolving drops an empty authority (file:/// becomes file:/).
            if (!java.util.Objects.equals(resolved.getScheme(), folder.getScheme()) || resolved.getPath() == null
                    || !resolved.getPath().startsWith(folder.getPath()) || resolved.getPath().contains("..")
                    || resolved.getAuthority() != null && !resolved.getAuthority().equals(folder.getAuthority())) {
                throw new XmlRefusedException(XmlRefusedException.Reason.EXTERNAL_REFERENCE, "The schema reference "
                        + systemId + " points outside the schema folder; it was not fetched.");
            }
            return input(publicId, resolved.toString(), baseUri, open.apply(resolved.getPath()));
        }
    }

    /**
     * Validates the document {@code xml} is reading against {@code schema}, from its current position (the start of
     * the document or its root element) to the end. Schema errors go to {@code errors}, which can ask {@code xml} for
     * {@link HardenedStreamReader#elementPath()} and the location: both describe the element the error is about. The
     * document cannot widen the schema: {@code xsi:schemaLocation} hints are not loaded.
     *
     * @param onStartElement called at every start tag before the validator sees it (may be {@code null})
     */
    public static void validate(HardenedStreamReader xml, Schema schema, ErrorHandler errors,
            java.util.function.Consumer<HardenedStreamReader> onStartElement) throws XMLStreamException, SAXException {
        ValidatorHandler validator = reusableValidator(schema);
        boolean completed = false;
        try {
            feed(xml, validator, errors, onStartElement);
            completed = true;
        } finally {
            if (completed) {
                // the reused validator must not keep this document's reader (and its bytes) alive
                validator.setErrorHandler(null);
                validator.setDocumentLocator(null);
            } else {
                // a document refused or broken half-way may leave the validator mid-element: start afresh next time
                VALIDATORS.get().remove(schema);
            }
        }
    }

    /**
     * Whether a document Vigil itself wrote (with its own StAX writers, which escape all text and write no DTD) is
     * valid against {@code schema}: the JDK's parser validates the bytes directly, about twice as fast as
     * {@link #validate} for the path-tracking check of files from outside. It is still hardened: a document with a
     * DTD is not valid, nothing external is fetched, the JDK's secure-processing limits apply. Not for files from outside: a document
     * that is not valid is re-checked by the caller with {@link #validate} to name the element of each problem.
     */
    public static boolean isValidOwnDocument(byte[] document, Schema schema) {
        if (declaresDoctype(document)) {
            // the JDK's validator does not honour disallow-doctype-decl for a stream source; Vigil's writers never
            // write one and escape every '<' in text, so markup "<!DOCTYPE" is the only way these bytes can hold it
            return false;
        }
        javax.xml.validation.Validator validator = OWN_DOCUMENT_VALIDATORS.get().computeIfAbsent(schema,
                HardenedXml::newOwnDocumentValidator);
        try {
            validator.validate(new StreamSource(new java.io.ByteArrayInputStream(document)));
            return true;
        } catch (SAXException | IOException e) {
            // a validator that stopped half-way is not reused
            OWN_DOCUMENT_VALIDATORS.get().remove(schema);
            return false;
        }
    }

    private static boolean declaresDoctype(byte[] document) {
        byte[] doctype = "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + doctype.length <= document.length; i++) {
            for (int j = 0; j < doctype.length; j++) {
                if (document[i + j] != doctype[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static final ThreadLocal<Map<Schema, javax.xml.validation.Validator>> OWN_DOCUMENT_VALIDATORS =
            ThreadLocal.withInitial(IdentityHashMap::new);

    private static javax.xml.validation.Validator newOwnDocumentValidator(Schema schema) {
        javax.xml.validation.Validator validator = schema.newValidator();
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("The JDK's validator cannot be hardened: " + e.getMessage(), e);
        }
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("The JDK's validator cannot be hardened: " + e.getMessage(), e);
        }
        validator.setResourceResolver((type, namespaceUri, publicId, systemId, baseUri) -> {
            throw new XmlRefusedException(XmlRefusedException.Reason.EXTERNAL_REFERENCE, "The document asks for "
                    + systemId + "; nothing was fetched.");
        });
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(org.xml.sax.SAXParseException exception) {
            }

            @Override
            public void error(org.xml.sax.SAXParseException exception) throws SAXException {
                throw exception;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException exception) throws SAXException {
                throw exception;
            }
        });
        return validator;
    }

    /**
     * The validators of this thread, one per schema: a {@link ValidatorHandler} costs more to build than a MIR
     * document takes to validate, and is reset by each {@code startDocument}. Bounded, as schemas are few.
     */
    private static final ThreadLocal<Map<Schema, ValidatorHandler>> VALIDATORS =
            ThreadLocal.withInitial(IdentityHashMap::new);
    private static final int MAX_VALIDATORS_PER_THREAD = 16;

    private static ValidatorHandler reusableValidator(Schema schema) {
        Map<Schema, ValidatorHandler> validators = VALIDATORS.get();
        ValidatorHandler validator = validators.get(schema);
        if (validator == null) {
            if (validators.size() >= MAX_VALIDATORS_PER_THREAD) {
                validators.clear();
            }
            validator = newValidator(schema);
            validators.put(schema, validator);
        }
        return validator;
    }

    private static ValidatorHandler newValidator(Schema schema) {
        ValidatorHandler validator = schema.newValidatorHandler();
        setIfKnown(validator, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfKnown(validator, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // English Xerces messages, so callers can translate the cvc-* texts they know.
        setIfKnown(validator, "http://apache.org/xml/properties/locale", Locale.ENGLISH);
        validator.setResourceResolver((type, namespaceUri, publicId, systemId, baseUri) -> {
            throw new XmlRefusedException(XmlRefusedException.Reason.EXTERNAL_REFERENCE, "The file asks for the "
                    + "schema " + systemId + "; Vigil validates only against its own schemas and fetched nothing.");
        });
        return validator;
    }

    private static void feed(HardenedStreamReader xml, ValidatorHandler validator, ErrorHandler errors,
            java.util.function.Consumer<HardenedStreamReader> onStartElement) throws XMLStreamException, SAXException {
        validator.setErrorHandler(errors);
        validator.setDocumentLocator(new Locator() {
            @Override
            public String getPublicId() {
                return null;
            }

            @Override
            public String getSystemId() {
                return null;
            }

            @Override
            public int getLineNumber() {
                return xml.getLocation().getLineNumber();
            }

            @Override
            public int getColumnNumber() {
                return xml.getLocation().getColumnNumber();
            }
        });
        validator.startDocument();
        int event = xml.getEventType();
        while (true) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (onStartElement != null) {
                        onStartElement.accept(xml);
                    }
                    for (int i = 0; i < xml.getNamespaceCount(); i++) {
                        validator.startPrefixMapping(nonNull(xml.getNamespacePrefix(i)), nonNull(xml.getNamespaceURI(i)));
                    }
                    var attributes = new AttributesImpl();
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String prefix = nonNull(xml.getAttributePrefix(i));
                        String local = xml.getAttributeLocalName(i);
                        attributes.addAttribute(nonNull(xml.getAttributeNamespace(i)), local,
                                prefix.isEmpty() ? local : prefix + ":" + local, "CDATA", xml.getAttributeValue(i));
                    }
                    validator.startElement(nonNull(xml.getNamespaceURI()), xml.getLocalName(), qName(xml),
                            attributes);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    validator.endElement(nonNull(xml.getNamespaceURI()), xml.getLocalName(), qName(xml));
                    for (int i = 0; i < xml.getNamespaceCount(); i++) {
                        validator.endPrefixMapping(nonNull(xml.getNamespacePrefix(i)));
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    validator.characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                default -> {
                    // comments and processing instructions mean nothing to the schema
                }
            }
            if (event == XMLStreamConstants.END_DOCUMENT || !xml.hasNext()) {
                break;
            }
            event = xml.next();
        }
        validator.endDocument();
    }

    private static void setIfKnown(ValidatorHandler validator, String property, Object value) {
        try {
            validator.setProperty(property, value);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // an implementation without the property has nothing to switch off
        }
    }

    private static String qName(HardenedStreamReader xml) {
        String prefix = nonNull(xml.getPrefix());
        return prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** Counts the bytes as they are read and refuses the file once it passes the limit. */
    private static final class BoundedInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }

    /**
     * Refuses a file of {@code size} bytes beyond {@code limits} at once, with the message the reader gives while
     * reading: where the size is known beforehand (a file, a document already in memory) nothing need be parsed to
     * refuse it.
     *
     * @throws XmlRefusedException when {@code size} exceeds {@link Limits#maxBytes()}
     */
    public static void requireWithin(long size, Limits limits) {
        if (size > limits.maxBytes()) {
            throw tooLarge(limits.maxBytes());
        }
    }

    /**
     * Refuses {@code in} at once when it already says it holds more than {@code limits} allow: a file or a document in
     * memory reports its remaining size ({@link InputStream#available()}, which never counts bytes a stream does not
     * have), so it is refused without reading or parsing it. Other streams are counted as they are read.
     *
     * @throws XmlRefusedException when {@code in} has more bytes available than {@link Limits#maxBytes()}
     */
    public static void requireWithin(InputStream in, Limits limits) throws IOException {
        requireWithin(in.available(), limits);
    }

    private static XmlRefusedException tooLarge(long limit) {
        return new XmlRefusedException(XmlRefusedException.Reason.TOO_LARGE, "The file is larger than "
                + megabytes(limit) + "; Vigil reads XML files of at most that size (the limit is a setting "
                + "of the installation).");
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /** A resolved schema file handed to the schema compiler as a stream. */
    private static LSInput input(String publicId, String systemId, String baseUri, InputStream stream) {
        LSInput input = LS.createLSInput();
        input.setPublicId(publicId);
        input.setSystemId(systemId);
        input.setBaseURI(baseUri);
        input.setByteStream(stream);
        return input;
    }

    private static DOMImplementationLS lsImplementation() {
        try {
            return (DOMImplementationLS) DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                    .getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's DOM implementation is not available", e);
        }
    }
}
