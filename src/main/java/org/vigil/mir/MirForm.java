package org.vigil.mir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

import org.vigil.mir.form.MirFormReader;
import org.vigil.mir.form.MirFormWriter;
import org.vigil.shared.xml.HardenedXml;

/**
 * The European Commission's MIR form 7.3.1 as XML (MDCG 2023-3; mandatory for manufacturer incident reports in the
 * EU and Switzerland until EUDAMED's vigilance module is in use): root {@code incident} with {@code version="7.3.1"}
 * and the sections {@code admin_info}, {@code device_info}, {@code incident_info}, {@code mfr_invest}. Writing and
 * reading round-trip: a written report reads back equal.
 */
public final class MirForm {

    private MirForm() {
    }

    /** The form XML of {@code report}, UTF-8. */
    public static byte[] write(MirReport report) {
        return MirFormWriter.write(report);
    }

    /**
     * Reads a form with the default XML limits.
     *
     * @throws org.vigil.shared.InvalidInputException naming {@code file} when it is not well-formed or not a MIR 7.3.1
     *         form
     * @throws org.vigil.shared.xml.XmlRefusedException when it is hostile or too large or deep
     */
    public static MirFormImport read(InputStream in) throws IOException {
        return read(in, HardenedXml.Limits.DEFAULT);
    }

    /**
     * Reads a form within {@code limits}; see {@link #read(InputStream)}. A file or a document in memory larger than
     * the limit is refused by its size before any of it is read; another stream is read into memory up to the limit
     * and refused beyond it before any of it is parsed, as {@link MirValidation} does (issue 6: hostile XML is refused
     * within 50 ms; counting while parsing 20 MB takes longer).
     */
    public static MirFormImport read(InputStream in, HardenedXml.Limits limits) throws IOException {
        HardenedXml.requireWithin(in, limits);
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1);
        byte[] content = in.readNBytes(cap);
        HardenedXml.requireWithin(content.length, limits);
        if (content.length == cap) {
            // a limit beyond what one array holds: the rest is read, and counted, as the reader goes
            return MirFormReader.read(new SequenceInputStream(new ByteArrayInputStream(content), in), limits);
        }
        return MirFormReader.read(new ByteArrayInputStream(content), limits);
    }
}
