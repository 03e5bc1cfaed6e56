package org.vigil.mir;

import java.time.Instant;

import org.vigil.organisation.ElectronicSignature;
import org.vigil.shared.UserId;

/**
 * One saved state of a report; versions are never changed (21 CFR 11.10(e)).
 *
 * @param version 1, 2, …
 * @param contentHash lower-case hex SHA-256 of the version's form XML
 * @param origin how it came about
 * @param note what the author said about the change; may be {@code null}
 * @param savedBy who saved it (the author, for four-eyes approval)
 * @param savedByName their name as it was
 * @param savedAt when
 * @param approval the signature approving it for submission; {@code null} when not approved
 */
public record MirVersion(int version, String contentHash, Origin origin, String note, UserId savedBy,
        String savedByName, Instant savedAt, ElectronicSignature approval) {

    /** How a version came about. */
    public enum Origin {
        PREFILLED("Generated from the case"),
        CONTINUED("Continued from the previous report"),
        EDITED("Edited"),
        IMPORTED("Imported from a MIR XML file");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean approved() {
        return approval != null;
    }
}
