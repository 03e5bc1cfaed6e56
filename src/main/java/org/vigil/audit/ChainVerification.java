package org.vigil.audit;

import java.time.Instant;

/**
 * The outcome of checking the whole audit chain.
 *
 * @param intact whether every entry is present, unaltered and in its place
 * @param entriesChecked how many entries were read
 * @param lastSeq the sequence number of the last entry read
 * @param lastHash the hash of the last entry read, hex; record it outside Vigil to detect a later rewrite of the
 *        whole chain
 * @param checkedAt when the check finished
 * @param firstProblem the first tampering found, or {@code null} when intact
 */
public record ChainVerification(
        boolean intact,
        long entriesChecked,
        long lastSeq,
        String lastHash,
        Instant checkedAt,
        Tampering firstProblem) {

    /** What was done to the chain. */
    public enum Kind { EDITED, DELETED, INSERTED, REORDERED }

    /**
     * The first entry found tampered with.
     *
     * @param kind edited, deleted, inserted or reordered
     * @param seq the sequence number of the entry concerned (for a deletion: of the missing entry, if known, else of
     *        the entry that follows the gap)
     * @param explanation what was found, in plain words
     */
    public record Tampering(Kind kind, long seq, String explanation) {
    }
}
