package org.vigil.mir;

import java.util.List;
import java.util.Objects;

/**
 * A MIR 7.3.1 form read back into a report.
 *
 * @param report what the form says, as far as Vigil understood it
 * @param problems what was not imported: elements Vigil does not know and values it could not read, each with its
 *        path and MIR section; empty when everything was imported
 */
public record MirFormImport(MirReport report, List<MirProblem> problems) {

    public MirFormImport {
        Objects.requireNonNull(report, "report");
        problems = List.copyOf(problems);
    }
}
