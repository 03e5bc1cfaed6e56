package org.vigil.mir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One stored version of a report: its MIR form XML exactly as kept (and, once approved, as signed), the report it
 * holds, and what the rules of its report type still miss ({@link MirReportRules}).
 */
public record MirDocument(byte[] formXml, MirReport report, List<MirProblem> problems) {

    public MirDocument {
        problems = List.copyOf(problems);
    }

    /** The document of stored form XML, which Vigil wrote itself and therefore reads completely. */
    public static MirDocument of(byte[] formXml) {
        try {
            var report = MirForm.read(new ByteArrayInputStream(formXml)).report();
            return new MirDocument(formXml, report, MirReportRules.check(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the report may be approved and sent. */
    public boolean complete() {
        return problems.isEmpty();
    }
}
