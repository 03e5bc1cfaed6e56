package org.vigil.mir;

import java.util.List;

/**
 * A MIR form file imported into a report.
 *
 * @param report the report with the imported version as its latest
 * @param problems what the file held that was not imported (unknown elements, unreadable values), each with its path
 *        and MIR section
 */
public record MirImport(MirReportView report, List<MirProblem> problems) {

    public MirImport {
        problems = List.copyOf(problems);
    }
}
