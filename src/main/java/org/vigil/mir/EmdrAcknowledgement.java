package org.vigil.mir;

import java.util.List;
import java.util.Objects;

/**
 * An acknowledgement FDA's eMDR system sends back for a submission (21 CFR 803.12(a); FDA's eMDR acknowledgements):
 * ACK1 is the gateway's receipt (not read here), ACK2 the plain-text notice that CDRH received the submission, ACK3
 * the XML result of loading each report into FDA's database. Only an ACK3 with status {@code passed} means a report
 * was accepted; a failed report counts as not submitted and must be corrected and sent again.
 *
 * @param kind which acknowledgement
 * @param messageId ACK2: the gateway's message id; {@code null} for ACK3
 * @param coreId the gateway's core id of the submission, the key that ties ACK2 and ACK3 to one submission
 * @param batchId ACK3: the batch id of the submission ({@code CFN-yyyymmddhhmmss}), {@code null} when FDA could
 *        not read it
 * @param generated when FDA produced the acknowledgement, as FDA wrote it
 * @param outcome success, partial success or failure
 * @param reportsPassed ACK3: how many reports FDA accepted; {@code null} for ACK2
 * @param reportsFailed ACK3: how many it rejected; {@code null} for ACK2
 * @param reports ACK3: each report's result in FDA's order; empty for ACK2
 */
public record EmdrAcknowledgement(Kind kind, String messageId, String coreId, String batchId, String generated,
        Outcome outcome, Integer reportsPassed, Integer reportsFailed, List<ReportResult> reports) {

    public EmdrAcknowledgement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    /** The acknowledgement's type in FDA's numbering. */
    public enum Kind {
        /** CDRH received the submission (plain text). */
        ACK2,
        /** The result of loading each report (XML root {@code submission}). */
        ACK3
    }

    /** What the acknowledgement says of the submission as a whole. */
    public enum Outcome {
        /** ACK2: received; ACK3: every report passed. */
        SUCCESS,
        /** ACK3: some reports passed, some failed. */
        PARTIAL,
        /** ACK3: no report passed. */
        FAILURE
    }

    /**
     * One report's result in an ACK3.
     *
     * @param reportId the report number FDA read: the manufacturer report number (3500A G9) of the report, or
     *        FDA's words when it could not read one (e.g. {@code Unable to retrieve report ID})
     * @param passed whether FDA accepted the report
     * @param errors why it was rejected, empty when it passed
     */
    public record ReportResult(String reportId, boolean passed, List<ReportError> errors) {

        public ReportResult {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    /**
     * One reason FDA rejected a report. ACK3 carries no severity: every detail listed is a rejection.
     *
     * @param section where FDA placed it: a 3500A block such as {@code F10} or {@code H6}, or a part of the message
     *        such as {@code reportIdentifier}; {@code null} when FDA named none
     * @param message FDA's message
     * @param value the value FDA refused, {@code null} when none
     * @param xpath the place in the submission FDA names, {@code null} when none
     */
    public record ReportError(String section, String message, String value, String xpath) {

        public ReportError {
            Objects.requireNonNull(message, "message");
        }
    }
}
