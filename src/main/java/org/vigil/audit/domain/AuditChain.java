package org.vigil.audit.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash chain of the audit trail: {@code hash(n) = SHA-256(hash(n-1) || canonical(entry n))}, starting from 32 zero
 * bytes. Changing, removing, inserting or reordering any entry breaks every later link unless all later hashes are
 * recomputed; the last hash, recorded outside Vigil, then exposes even that.
 *
 * <p>The canonical form is versioned ({@value #FORMAT}) and unambiguous: every field is written as its UTF-8 byte
 * length, a colon and the bytes, or {@code -} when absent; the time is whole microseconds since the epoch (the
 * database's precision).
 */
public final class AuditChain {

    public static final String FORMAT = "vigil-audit-1";
    public static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    /** The hash an entry with these contents must carry when it follows {@code previousHash}. */
    public static byte[] link(byte[] previousHash, ChainedEntry entry) {
        return link(previousHash, entry.recordedAt(), entry.actorUserId(), entry.actorName(), entry.organisationId(),
                entry.action(), entry.recordType(), entry.recordId(), entry.before(), entry.after(), entry.reason());
    }

    public static byte[] link(byte[] previousHash, Instant recordedAt, UUID actorUserId, String actorName,
            UUID organisationId, String action, String recordType, UUID recordId, String before, String after,
            String reason) {
        var canonical = new ByteArrayOutputStream(256);
        field(canonical, FORMAT);
        field(canonical, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt)));
        field(canonical, actorUserId == null ? null : actorUserId.toString());
        field(canonical, actorName);
        field(canonical, organisationId.toString());
        field(canonical, action);
        field(canonical, recordType);
        field(canonical, recordId.toString());
        field(canonical, before);
        field(canonical, after);
        field(canonical, reason);
        MessageDigest sha256 = sha256();
        sha256.update(previousHash);
        sha256.update(canonical.toByteArray());
        return sha256.digest();
    }

    /** Truncates to the microsecond precision PostgreSQL stores, so a hash computed before storage still verifies. */
    public static Instant databasePrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write('-');
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(':');
            out.writeBytes(bytes);
        }
        out.write('\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
