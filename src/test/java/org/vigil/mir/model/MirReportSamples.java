package org.vigil.mir.model;

import org.vigil.mir.IncidentInformation;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;

/**
 * {@link MirReportExamples} for tests outside this package (the eMDR tests in {@code org.vigil.mir.emdr}): the same
 * complete reports about the invented insulin-pump incident, and the same way to change one section.
 */
public final class MirReportSamples {

    private MirReportSamples() {
    }

    /** A report of {@code type} that meets every MIR rule for that type. */
    public static MirReport complete(MirReportType type) {
        return MirReportExamples.complete(type);
    }

    /** {@code report} with another §3 incident section. */
    public static MirReport withIncident(MirReport report, IncidentInformation incident) {
        return MirReportExamples.withIncident(report, incident);
    }
}
