package org.vigil.mir.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.vigil.mir.MirApproval;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReport;
import org.vigil.shared.xml.HardenedStreamReader;
import org.vigil.shared.xml.HardenedXml;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Renders the MIR PDF: {@link MirPdfContent} through the XHTML template {@code mir/pdf/mir-report.html} (a standalone
 * Thymeleaf engine, no Spring context, so the command line can use it) and openhtmltopdf. One instance serves every
 * render and every thread: the template is parsed once, the fonts are read from the jar once and their metrics are
 * cached across documents; per document only the layout and the font subsets are made.
 *
 * <p>The DejaVu fonts are embedded (subset) because the 14 standard PDF fonts cover WinAnsi only: names such as
 * Łódź or Ørsted must print as written. The renderer loads nothing from outside: every external resource is refused.
 */
public final class MirPdfRenderer {

    static {
        XRLog.setLoggerImpl(new RendererLog());
    }

    private static final String FOLDER = "mir/pdf/";
    private static final String TEMPLATE = "mir-report";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String SANS = "DejaVu Sans";
    static final String MONO = "DejaVu Sans Mono";

    private final TemplateEngine templates;
    private final byte[] sans;
    private final byte[] sansBold;
    private final byte[] mono;
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new MetricsCache();
    private final DOMImplementation documents;
    /** The output intent PDF/A requires: the sRGB profile the JDK ships. */
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** Reads the template and fonts from the class path. */
    public MirPdfRenderer() {
        var resolver = new ClassLoaderTemplateResolver(MirPdfRenderer.class.getClassLoader());
        resolver.setPrefix(FOLDER);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        // SpEL (Spring's expression language) evaluates the template's expressions; no application context needed
        var engine = new SpringTemplateEngine();
        engine.setEnableSpringELCompiler(true);
        engine.setTemplateResolver(resolver);
        this.templates = engine;
        this.sans = resource("fonts/DejaVuSans.ttf");
        this.sansBold = resource("fonts/DejaVuSans-Bold.ttf");
        this.mono = resource("fonts/DejaVuSansMono.ttf");
        try {
            // only to create empty documents, which DOMImplementation does safely from any thread
            this.documents = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = MirPdfRenderer.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Vigil's jar lacks " + FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The PDF of {@code report}; signed when {@code approval} is present, otherwise marked as a draft that lists
     * {@code problems}.
     */
    public byte[] render(MirReport report, Optional<MirApproval> approval, List<MirProblem> problems) {
        return pdf(xhtml(MirPdfContent.of(report, approval, problems)));
    }

    /** The XHTML the template makes of {@code content}. */
    String xhtml(MirPdfContent content) {
        var context = new Context(Locale.ENGLISH, Map.of("content", content));
        return templates.process(TEMPLATE, context);
    }

    private byte[] pdf(String xhtml) {
        Document document = dom(xhtml);
        var out = new ByteArrayOutputStream(96 * 1024);
        var builder = new PdfRendererBuilder();
        builder.useFastMode();
        // PDF/A-2u (ISO 19005-2): the archival PDF for records kept for the device's lifetime, every font embedded
        // and every character mapped to Unicode; it also keeps the 14 unembedded standard fonts out
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
        builder.useColorProfile(srgb);
        builder.withW3cDocument(document, "about:blank");
        builder.useFont(() -> new ByteArrayInputStream(sans), SANS, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(sansBold), SANS, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(mono), MONO, 400, FontStyle.NORMAL, true);
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
        // the template refers to nothing outside; should text ever become a reference, it is not followed
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withProducer("Vigil");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The MIR PDF could not be written", e);
        }
        return out.toByteArray();
    }

    /**
     * The template's output as a DOM for openhtmltopdf, read through {@link HardenedXml} like every XML Vigil reads:
     * no DTD, no entities, bounded size and depth.
     */
    private Document dom(String xhtml) {
        try {
            Document document = documents.createDocument(null, null, null);
            HardenedStreamReader xml = HardenedXml.streamReader(
                    new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
            try {
                Deque<Node> open = new ArrayDeque<>();
                open.push(document);
                while (xml.hasNext()) {
                    switch (xml.next()) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            String namespace = xml.getNamespaceURI();
                            Element element = document.createElementNS(namespace == null ? XHTML : namespace,
                                    xml.getLocalName());
                            for (int index = 0; index < xml.getAttributeCount(); index++) {
                                element.setAttribute(xml.getAttributeLocalName(index), xml.getAttributeValue(index));
                            }
                            open.peek().appendChild(element);
                            open.push(element);
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                            if (open.peek() != document) {
                                open.peek().appendChild(document.createTextNode(xml.getText()));
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> open.pop();
                        default -> {
                            // comments and processing instructions do not print
                        }
                    }
                }
            } finally {
                xml.close();
            }
            return document;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The MIR PDF template gave no well-formed XHTML", e);
        }
    }

    /** Font metrics shared by every document the renderer makes: the fonts never change while Vigil runs. */
    private static final class MetricsCache implements FSCacheEx<String, FSCacheValue> {

        private final Map<String, FSCacheValue> values = new ConcurrentHashMap<>();

        @Override
        public void put(String key, FSCacheValue value) {
            values.put(key, value);
        }

        @Override
        public FSCacheValue get(String key, Callable<? extends FSCacheValue> compute) {
            return values.computeIfAbsent(key, absent -> {
                try {
                    return compute.call();
                } catch (Exception e) {
                    throw new IllegalStateException("font metrics of " + key, e);
                }
            });
        }

        @Override
        public FSCacheValue get(String key) {
            return values.get(key);
        }
    }
}
