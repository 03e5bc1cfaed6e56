package org.vigil.mir.form;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.vigil.mir.MirFormImport;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReport;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.xml.HardenedStreamReader;
import org.vigil.shared.xml.HardenedXml;

/**
 * Reads MIR 7.3.1 form XML into a {@link MirReport} through {@link HardenedXml}: a DTD, an entity, a file beyond the
 * size or depth limit is refused before anything it points to is read. Elements Vigil does not know and values it
 * cannot read (a date that is not a date) are reported with their path and MIR section and left out; they do not stop
 * the import, because a form from another tool should still bring over everything Vigil understands.
 */
public final class MirFormReader {

    private MirFormReader() {
    }

    /**
     * Reads the form in {@code in}.
     *
     * @throws InvalidInputException naming {@code file} when it is not well-formed XML or not a MIR 7.3.1 form
     * @throws org.vigil.shared.xml.XmlRefusedException when it is hostile or too large or deep
     * @throws IOException when it cannot be read
     */
    public static MirFormImport read(InputStream in, HardenedXml.Limits limits) throws IOException {
        FormElement root;
        try {
            HardenedStreamReader xml = HardenedXml.streamReader(in, limits);
            try {
                root = tree(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "unreadable" : e.getMessage();
            int detail = message.indexOf("Message: ");
            throw InvalidInputException.of("file", "The file is not well-formed XML: "
                    + (detail >= 0 ? message.substring(detail + "Message: ".length()) : message));
        }
        if (root == null) {
            throw InvalidInputException.of("file", "The file holds no XML element.");
        }
        if (!"incident".equals(root.name)) {
            throw InvalidInputException.of("file", "This is not a MIR 7.3.1 form: the root element is " + root.name
                    + ", expected incident.");
        }
        String version = root.attributes.get("version");
        if (!MirFormMapping.VERSION.equals(version == null ? null : version.strip())) {
            throw InvalidInputException.of("file", "This MIR form is version " + (version == null ? "(none)" : version)
                    + "; Vigil reads version " + MirFormMapping.VERSION + ".");
        }
        List<MirProblem> problems = new ArrayList<>();
        MirReport report = MirFormMapping.fromTree(root, problems);
        return new MirFormImport(report, problems);
    }

    /** The document as a tree of elements; namespaced elements keep their local name (the form has no namespace). */
    private static FormElement tree(HardenedStreamReader xml) throws XMLStreamException {
        Deque<FormElement> open = new ArrayDeque<>();
        FormElement root = null;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    var element = new FormElement(xml.getLocalName(), xml.elementPath(),
                            xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber());
                    for (int index = 0; index < xml.getAttributeCount(); index++) {
                        element.attributes.put(xml.getAttributeLocalName(index), xml.getAttributeValue(index));
                    }
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().children.add(element);
                    }
                    open.push(element);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    FormElement current = open.peek();
                    if (current != null) {
                        current.text = current.text == null ? xml.getText() : current.text + xml.getText();
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> open.pop();
                default -> {
                    // comments and processing instructions carry nothing for the report
                }
            }
        }
        return root;
    }
}
