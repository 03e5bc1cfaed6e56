package org.vigil.audit.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An audit entry exactly as stored: the fields covered by its hash, plus its place in the chain.
 *
 * @param seq position in the chain; not covered by the hash, so that reordering shows up as broken links; {@code 0}
 *        (and no hashes) while the entry awaits sealing
 * @param recordedAt database clock, microsecond precision
 */
public record ChainedEntry(
        long seq,
        Instant recordedAt,
        UUID actorUserId,
        String actorName,
        UUID organisationId,
        String action,
        String recordType,
        UUID recordId,
        String before,
        String after,
        String reason,
        byte[] previousHash,
        byte[] hash) {

    /** Whether the stored hash matches the entry's content and its stored link to the previous entry. */
    public boolean contentIntact() {
        return java.security.MessageDigest.isEqual(hash, AuditChain.link(previousHash, this));
    }
}
