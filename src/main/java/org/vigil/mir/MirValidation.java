package org.vigil.mir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.vigil.mir.validation.MirDocumentCheck;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.shared.xml.XmlRefusedException;

/**
 * Checks a manufacturer incident report file (MDR Art. 87, IVDR Art. 82; MDCG 2023-3 on the MIR form) before Vigil
 * sends or accepts it: an EUDAMED vigilance document ({@code mir_2Type}) against the DTX 3.0.25 schemas shipped with
 * Vigil, or MIR form 7.3.1 XML against the European Commission's XSD for its report type when the operator configured
 * the folder holding them ({@value #FORM_XSD_DIR_SETTING}), otherwise by Vigil's structural check; the report says
 * which check was applied. Every problem carries its element path, MIR section and a plain message.
 *
 * <p>Files are read through {@link HardenedXml}: a DTD, an entity, a file beyond the size or depth limit is refused
 * with an {@link XmlRefusedException} before anything it refers to is read.
 */
public final class MirValidation {

    /** The setting naming the folder with the EC's MIR 7.3.1 XSDs ({@code incident-Initial-v7.3.xsd} and others). */
    public static final String FORM_XSD_DIR_SETTING = "vigil.mir.form-xsd-dir";

    private final HardenedXml.Limits limits;
    private final Optional<Path> formXsdDir;
    private final MirDocumentCheck check;

    /**
     * @param formXsdDir the EC MIR XSD folder, if configured
     * @param limits the size and depth limits for the files checked
     */
    public MirValidation(Optional<Path> formXsdDir, HardenedXml.Limits limits) {
        this.limits = limits;
        this.formXsdDir = formXsdDir;
        this.check = new MirDocumentCheck(formXsdDir, limits);
    }

    /** Whether the operator configured the EC's MIR 7.3.1 XSDs, against which forms are then validated. */
    public boolean formSchemasConfigured() {
        return formXsdDir.isPresent();
    }

    /** Validation with the default limits and without the EC MIR XSDs. */
    public static MirValidation withDefaults() {
        return new MirValidation(Optional.empty(), HardenedXml.Limits.DEFAULT);
    }

    /**
     * Checks the file at {@code file}, reading it as a stream (twice for the MIR form with EC XSDs).
     *
     * @throws XmlRefusedException when the file is hostile or too large or deep
     * @throws IOException when it cannot be read
     */
    public MirValidationReport validate(Path file) throws IOException {
        // a file over the limit is refused by its size, without parsing the 20 MB before it
        HardenedXml.requireWithin(Files.size(file), limits);
        return check.check(() -> Files.newInputStream(file));
    }

    /**
     * Checks an EUDAMED vigilance document Vigil generated itself ({@link MirEudamed#write}) before it is handed out:
     * valid documents pass the schema check on the fast path for Vigil's own documents; an invalid one is checked again
     * the way files from outside are, so each problem names its element.
     */
    public MirValidationReport validateGeneratedEudamed(byte[] document) throws IOException {
        if (HardenedXml.isValidOwnDocument(document, MirDocumentCheck.dtxSchema())) {
            return new MirValidationReport(MirDocumentKind.EUDAMED_MIR, MirDocumentKind.EUDAMED_MIR.label(),
                    java.util.List.of());
        }
        return validate(new ByteArrayInputStream(document));
    }

    /**
     * Checks the document {@code in} holds; it is read into memory up to the size limit and refused beyond it before
     * any of it is parsed.
     *
     * @throws XmlRefusedException when the document is hostile or too large or deep
     * @throws IOException when it cannot be read
     */
    public MirValidationReport validate(InputStream in) throws IOException {
        HardenedXml.requireWithin(in, limits);
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1);
        byte[] content = in.readNBytes(cap);
        HardenedXml.requireWithin(content.length, limits);
        if (content.length == cap) {
            // a limit beyond what one array holds: the rest is read, and counted, as the reader goes
            return check.check(() -> new SequenceInputStream(new ByteArrayInputStream(content), in));
        }
        return check.check(() -> new ByteArrayInputStream(content));
    }
}
