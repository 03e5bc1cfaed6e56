package org.vigil.mir;

import java.time.Instant;
import java.util.List;

import org.vigil.casework.CaseId;

/**
 * A manufacturer incident report of a case as its manufacturer sees it.
 *
 * @param id the report
 * @param caseId the case it reports
 * @param caseReference the case's number
 * @param sequence its place among the case's reports: 1 for the first
 * @param type the report type it was started as (MIR §1.2.e); the latest version's form says the type sent
 * @param createdByName who started it
 * @param createdAt when
 * @param versions every version, the latest first
 * @param submissions every submission, the latest first
 */
public record MirReportView(MirReportId id, CaseId caseId, String caseReference, int sequence, MirReportType type,
        String createdByName, Instant createdAt, List<MirVersion> versions, List<MirSubmission> submissions) {

    /** Where a report stands. */
    public enum State {
        DRAFT("Draft"),
        APPROVED("Approved for submission"),
        SUBMITTED("Submitted");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public MirReportView {
        versions = List.copyOf(versions);
        submissions = List.copyOf(submissions);
    }

    public MirVersion latest() {
        return versions.getFirst();
    }

    public State state() {
        if (!submissions.isEmpty()) {
            return State.SUBMITTED;
        }
        return latest().approved() ? State.APPROVED : State.DRAFT;
    }

    /** The version sent or to be sent: the latest approved one, if any. */
    public java.util.Optional<MirVersion> approvedVersion() {
        return versions.stream().filter(MirVersion::approved).findFirst();
    }
}
