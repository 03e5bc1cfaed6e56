package org.vigil.mir;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The electronic signature approving a report for submission, as shown on screen, in the PDF and in the submission
 * package (21 CFR 11.50: printed name, date and time, meaning; 11.70: bound to the content).
 *
 * @param printedName the signer's name
 * @param signedAt when it was signed, in the signer's organisation's zone
 * @param meaning what the signature means, "approved for submission"
 * @param contentHash lower-case hex SHA-256 of the exact MIR form XML bytes submitted
 */
public record MirApproval(String printedName, OffsetDateTime signedAt, String meaning, String contentHash) {

    public MirApproval {
        Objects.requireNonNull(printedName, "printedName");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
