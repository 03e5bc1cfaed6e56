package org.vigil.mir.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.validation.Schema;

import org.vigil.mir.MirDocumentKind;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirValidationReport;
import org.vigil.shared.xml.HardenedStreamReader;
import org.vigil.shared.xml.HardenedXml;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;

/**
 * Recognises a MIR document by its root element and checks it, reading it as a stream through {@link HardenedXml}:
 * <ul>
 *   <li>EUDAMED vigilance documents against the vendored DTX 3.0.25 schemas ({@code service/Message.xsd} with
 *       {@code Entity/Vigilance/v1/vigilance-elements.xsd}), which must carry a {@code mir_2Type};</li>
 *   <li>MIR form 7.3.1 XML against the European Commission's XSD for its report type when the operator configured
 *       the folder holding them, otherwise by Vigil's structural check: root {@code incident}, {@code version}
 *       7.3.1, and the sections {@code admin_info}, {@code device_info}, {@code incident_info} and
 *       {@code mfr_invest} present and in that order.</li>
 * </ul>
 * A file is opened once per pass through {@code opener}: the MIR form needs a first pass to find the report type, and
 * hostile files are refused in that pass before any schema sees them.
 */
public final class MirDocumentCheck {

    /** The opener of the file being checked, called once per pass. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    static final String VIGILANCE_NS = "https://ec.europa.eu/tools/eudamed/dtx/datamodel/Entity/Vigilance";
    static final String VIGILANCE_V1_NS = VIGILANCE_NS + "/v1";
    static final String MESSAGE_NS = "https://ec.europa.eu/tools/eudamed/dtx/servicemodel/Message/v1";
    static final String FORM_VERSION = "7.3.1";
    static final List<String> FORM_SECTIONS = List.of("admin_info", "device_info", "incident_info", "mfr_invest");
    /** More problems than this say nothing new; the file is plainly not the right document. */
    static final int MAX_PROBLEMS = 200;

    private static volatile Schema dtxSchema;

    private final Optional<Path> formXsdDir;
    private final HardenedXml.Limits limits;
    private final ConcurrentMap<String, Schema> formSchemas = new ConcurrentHashMap<>();

    /**
     * @param formXsdDir the folder holding the EC's MIR 7.3.1 XSDs ({@code incident-Initial-v7.3.xsd} and the others),
     *        if the operator configured one
     */
    public MirDocumentCheck(Optional<Path> formXsdDir, HardenedXml.Limits limits) {
        this.formXsdDir = formXsdDir;
        this.limits = limits;
    }

    /** The DTX 3.0.25 schemas with the vigilance elements, compiled once. */
    public static Schema dtxSchema() {
        Schema compiled = dtxSchema;
        if (compiled == null) {
            synchronized (MirDocumentCheck.class) {
                if (dtxSchema == null) {
                    dtxSchema = HardenedXml.compileClasspathSchema("/eudamed/dtx-3.0.25", "service/Message.xsd",
                            "data/Entity/Vigilance/v1/vigilance-elements.xsd");
                }
                compiled = dtxSchema;
            }
        }
        return compiled;
    }

    /**
     * Checks the file {@code opener} opens.
     *
     * @throws org.vigil.shared.xml.XmlRefusedException when the file is hostile (DTD, entities, too large or deep)
     * @throws IOException when it cannot be read
     */
    public MirValidationReport check(Opener opener) throws IOException {
        Problems problems = new Problems();
        try (InputStream in = opener.open()) {
            HardenedStreamReader xml = HardenedXml.streamReader(in, limits);
            try {
                if (!toRoot(xml)) {
                    problems.add("/", 0, 0, "The file holds no XML element.", "");
                    return new MirValidationReport(MirDocumentKind.UNRECOGNISED, "none", problems.list);
                }
                String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
                String root = xml.getLocalName();
                if ("incident".equals(root) && namespace.isEmpty()) {
                    return checkForm(xml, problems, opener);
                }
                if (MESSAGE_NS.equals(namespace) || VIGILANCE_NS.equals(namespace) && "Dossier".equals(root)
                        || VIGILANCE_V1_NS.equals(namespace) && "mir_2Element".equals(root)) {
                    return checkDtx(xml, problems);
                }
                problems.add(xml.elementPath(), xml.getLocation().getLineNumber(),
                        xml.getLocation().getColumnNumber(), "This is not a manufacturer incident report Vigil "
                                + "knows: the root element is " + root + (namespace.isEmpty() ? "" : " in namespace "
                                + namespace) + "; expected an EUDAMED vigilance document (mir_2Element, Dossier or "
                                + "a DTX message) or the MIR 7.3.1 form (incident).", "");
                return new MirValidationReport(MirDocumentKind.UNRECOGNISED, "none", problems.list);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            problems.notWellFormed(e);
            return new MirValidationReport(MirDocumentKind.UNRECOGNISED, "none", problems.list);
        }
    }

    private static boolean toRoot(HardenedStreamReader xml) throws XMLStreamException {
        while (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
            if (!xml.hasNext()) {
                return false;
            }
            xml.next();
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------ EUDAMED DTX

    private MirValidationReport checkDtx(HardenedStreamReader xml, Problems problems) {
        String check = MirDocumentKind.EUDAMED_MIR.label();
        int[] reports = { "mir_2Element".equals(xml.getLocalName()) ? 1 : 0 };
        try {
            HardenedXml.validate(xml, dtxSchema(), problems.fromSchema(xml), element -> {
                if ("Data".equals(element.getLocalName()) && VIGILANCE_NS.equals(element.getNamespaceURI())) {
                    String type = element.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
                    String local = type == null ? "" : type.substring(type.indexOf(':') + 1);
                    String prefix = type == null || type.indexOf(':') < 0 ? "" : type.substring(0, type.indexOf(':'));
                    String typeNamespace = element.getNamespaceContext().getNamespaceURI(prefix);
                    if ("mir_2Type".equals(local) && VIGILANCE_V1_NS.equals(typeNamespace)) {
                        reports[0]++;
                    } else {
                        problems.add(element.elementPath(), element.getLocation().getLineNumber(),
                                element.getLocation().getColumnNumber(), "This dossier holds "
                                        + (type == null ? "no typed data" : type) + ", not a manufacturer incident "
                                        + "report (vig:mir_2Type).", "");
                    }
                }
            });
        } catch (XMLStreamException e) {
            problems.notWellFormed(e);
        } catch (SAXException e) {
            problems.add(xml.elementPath(), 0, 0, "The file could not be validated: " + e.getMessage(), "");
        }
        if (reports[0] == 0 && problems.list.isEmpty()) {
            problems.add("/", 0, 0, "The message carries no manufacturer incident report (a vigilance Dossier whose "
                    + "Data is vig:mir_2Type).", "");
        }
        return new MirValidationReport(MirDocumentKind.EUDAMED_MIR, check, problems.list);
    }

    // -------------------------------------------------------------------------------------------- MIR form 7.3.1

    private MirValidationReport checkForm(HardenedStreamReader xml, Problems problems, Opener opener)
            throws IOException {
        String version = xml.getAttributeValue(null, "version");
        if (!FORM_VERSION.equals(version)) {
            problems.add("/incident/@version", xml.getLocation().getLineNumber(),
                    xml.getLocation().getColumnNumber(), version == null
                            ? "The form has no version; MIR form XML says version=\"7.3.1\" on incident."
                            : "The form is version " + version + "; Vigil reads MIR form 7.3.1.", "");
        }
        Structure structure = new Structure();
        try {
            structure.read(xml);
        } catch (XMLStreamException e) {
            problems.notWellFormed(e);
            return new MirValidationReport(MirDocumentKind.MIR_FORM, "MIR form 7.3.1, well-formedness",
                    problems.list);
        }
        Optional<String> xsd = FormReportType.xsdFor(structure.reportType);
        if (formXsdDir.isPresent() && xsd.isPresent() && Files.isRegularFile(formXsdDir.get().resolve(xsd.get()))) {
            Schema schema = formSchemas.computeIfAbsent(xsd.get(),
                    file -> HardenedXml.compileFolderSchema(formXsdDir.get(), file));
            try (InputStream again = opener.open()) {
                HardenedStreamReader second = HardenedXml.streamReader(again, limits);
                try {
                    HardenedXml.validate(second, schema, problems.fromSchema(second), null);
                } finally {
                    second.close();
                }
            } catch (XMLStreamException e) {
                problems.notWellFormed(e);
            } catch (SAXException e) {
                problems.add("/incident", 0, 0, "The file could not be validated: " + e.getMessage(), "");
            }
            return new MirValidationReport(MirDocumentKind.MIR_FORM, "MIR form 7.3.1, EC schema " + xsd.get(),
                    problems.list);
        }
        structure.problems(problems);
        String why = formXsdDir.isEmpty() ? "no EC schema folder configured"
                : xsd.isEmpty() ? "report type not recognised, so no EC schema chosen"
                        : "the EC schema folder has no " + xsd.get();
        return new MirValidationReport(MirDocumentKind.MIR_FORM, "MIR form 7.3.1, Vigil's structural check (" + why
                + ")", problems.list);
    }

    /** The form's top-level sections in order and its report type, read in one pass. */
    private static final class Structure {

        private final List<Section> sections = new ArrayList<>();
        private String reportType;

        private record Section(String name, String path, int line, int column) {
        }

        void read(HardenedStreamReader xml) throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.depth() == 2) {
                    sections.add(new Section(xml.getLocalName(), xml.elementPath(), xml.getLocation().getLineNumber(),
                            xml.getLocation().getColumnNumber()));
                } else if (xml.depth() == 3 && reportType == null && "reportType".equals(xml.getLocalName())
                        && "admin_info".equals(sections.getLast().name())) {
                    reportType = ownText(xml);
                }
            }
        }

        /** The text directly inside the current element; anything nested is the schema's business, not ours. */
        private static String ownText(HardenedStreamReader xml) throws XMLStreamException {
            int depth = xml.depth();
            var text = new StringBuilder();
            int event;
            while ((event = xml.next()) != XMLStreamConstants.END_ELEMENT || xml.depth() > depth) {
                if (event == XMLStreamConstants.CHARACTERS && xml.depth() == depth) {
                    text.append(xml.getText());
                }
            }
            return text.toString().strip();
        }

        void problems(Problems problems) {
            int expected = 0;
            for (Section section : sections) {
                int index = FORM_SECTIONS.indexOf(section.name());
                if (index < 0) {
                    continue;
                }
                if (index < expected) {
                    problems.add(section.path(), section.line(), section.column(), "Section " + section.name()
                            + " comes after " + FORM_SECTIONS.get(expected - 1) + "; MIR 7.3.1 orders the sections "
                            + String.join(", ", FORM_SECTIONS) + ".", "");
                } else {
                    expected = index + 1;
                }
            }
            for (String name : FORM_SECTIONS) {
                if (sections.stream().noneMatch(section -> section.name().equals(name))) {
                    problems.add("/incident/" + name, 0, 0, "Section " + name + " is missing; every MIR 7.3.1 form "
                            + "has " + String.join(", ", FORM_SECTIONS) + ".", "");
                }
            }
            if (sections.stream().anyMatch(section -> section.name().equals("admin_info")) && reportType == null) {
                problems.add("/incident/admin_info/reportType", 0, 0, "The report type (§1.2) is missing.", "");
            }
        }
    }

    /** The EC ships one XSD per report type; the file name follows the report type the form states. */
    static final class FormReportType {

        private FormReportType() {
        }

        static Optional<String> xsdFor(String reportType) {
            if (reportType == null) {
                return Optional.empty();
            }
            String type = reportType.toLowerCase(Locale.ROOT);
            boolean initial = type.contains("initial");
            boolean fin = type.contains("final");
            boolean nonReportable = type.contains("non");
            String kind;
            if (initial && fin) {
                kind = "InitialFinal";
            } else if (fin && nonReportable) {
                kind = "FinalNonRep";
            } else if (fin) {
                kind = "FinalRep";
            } else if (type.contains("follow")) {
                kind = "Followup";
            } else if (initial) {
                kind = "Initial";
            } else {
                return Optional.empty();
            }
            return Optional.of("incident-" + kind + "-v7.3.xsd");
        }
    }

    /** The problems found so far, in document order, at most {@link #MAX_PROBLEMS}. */
    private static final class Problems {

        final List<MirProblem> list = new ArrayList<>();

        void add(String path, int line, int column, String message, String detail) {
            if (list.size() < MAX_PROBLEMS) {
                list.add(new MirProblem(path, MirSections.of(path), line, column, message, detail));
            }
        }

        void notWellFormed(XMLStreamException e) {
            String message = e.getMessage() == null ? "unreadable" : e.getMessage();
            int detail = message.indexOf("Message: ");
            add("/", e.getLocation() == null ? 0 : e.getLocation().getLineNumber(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNumber(),
                    "The file is not well-formed XML: "
                            + (detail >= 0 ? message.substring(detail + "Message: ".length()) : message), "");
        }

        /** Schema errors placed at the element {@code xml} is at when the validator reports them. */
        ErrorHandler fromSchema(HardenedStreamReader xml) {
            return SchemaMessages.placedAt(xml, () -> list.isEmpty() ? null : list.getLast().xpath(), this::add);
        }
    }
}
