package org.vigil.mir.emdr;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.stream.XMLStreamException;
import javax.xml.validation.Schema;

import org.vigil.mir.EmdrProblem;
import org.vigil.mir.validation.SchemaMessages;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.xml.HardenedStreamReader;
import org.vigil.shared.xml.HardenedXml;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;

/**
 * Validates an eMDR against FDA's eMDR HL7 schema: {@value #MESSAGE_SCHEMA}, FDA's consolidated schema of the
 * {@code PORR_IN040001UV01} interaction (ICSR Release 1), which includes the HL7 v3 core schemas (data types,
 * vocabulary, infrastructure root) from {@code coreschemas/}. Vigil does not ship these files (see the
 * {@code SOURCE.md} beside the test copy): the operator points Vigil at the folder of FDA's eMDR implementation
 * package that holds {@code coreschemas/}. The schema is compiled once per folder; the document is read through
 * {@link HardenedXml}, so it cannot widen the schema or make Vigil fetch anything.
 */
public final class EmdrSchemaCheck {

    /** FDA's message schema inside the schema folder; it includes {@code ../coreschemas/infrastructureRoot.xsd}. */
    public static final String MESSAGE_SCHEMA = "coreschemas/Con061019.xsd";
    private static final int MAX_PROBLEMS = 200;
    private static final Map<Path, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EmdrSchemaCheck() {
    }

    /**
     * Every schema problem of {@code document}, in document order; empty when it is valid.
     *
     * @throws InvalidInputException naming {@code schemaFolder} when the folder holds no {@value #MESSAGE_SCHEMA}
     * @throws org.vigil.shared.xml.XmlRefusedException when the document is hostile, too large or too deep
     */
    public static List<EmdrProblem> check(byte[] document, Path schemaFolder, HardenedXml.Limits limits) {
        Path folder = schemaFolder.toAbsolutePath().normalize();
        if (!Files.isRegularFile(folder.resolve(MESSAGE_SCHEMA))) {
            throw InvalidInputException.of("schemaFolder", "The folder " + folder + " holds no " + MESSAGE_SCHEMA
                    + "; point it at the folder of FDA's eMDR implementation package that holds coreschemas/.");
        }
        Schema schema = SCHEMAS.computeIfAbsent(folder,
                key -> HardenedXml.compileFolderSchema(key, MESSAGE_SCHEMA));
        List<EmdrProblem> problems = new ArrayList<>();
        try {
            HardenedStreamReader xml = HardenedXml.streamReader(new ByteArrayInputStream(document), limits);
            try {
                HardenedXml.validate(xml, schema, errors(xml, problems), null);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            add(problems, new EmdrProblem("/", e.getLocation() == null ? 0 : e.getLocation().getLineNumber(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNumber(),
                    "The document is not well-formed XML: " + e.getMessage(), ""));
        } catch (SAXException e) {
            add(problems, new EmdrProblem("/", 0, 0, "The document could not be validated: " + e.getMessage(), ""));
        }
        return List.copyOf(problems);
    }

    private static ErrorHandler errors(HardenedStreamReader xml, List<EmdrProblem> problems) {
        return SchemaMessages.placedAt(xml, () -> problems.isEmpty() ? null : problems.getLast().xpath(),
                (path, line, column, message, detail) -> add(problems, new EmdrProblem(path, line, column, message,
                        detail)));
    }

    private static void add(List<EmdrProblem> problems, EmdrProblem problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
