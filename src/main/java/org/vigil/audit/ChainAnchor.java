package org.vigil.audit;

import java.util.HexFormat;

/**
 * An end of the audit chain recorded outside Vigil (printed by {@code audit verify}), to detect a later rewrite of
 * the whole chain, which a hash chain alone cannot reveal to someone who can recompute every hash.
 */
public record ChainAnchor(long seq, byte[] hash) {

    /** Parses {@code SEQ:HEXHASH}, as {@code audit verify} prints it. */
    public static ChainAnchor parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("Expected SEQ:HASH, for example 1042:9f86d0…");
        }
        long seq = Long.parseLong(text.substring(0, colon).strip());
        byte[] hash = HexFormat.of().parseHex(text.substring(colon + 1).strip());
        if (seq < 1 || hash.length != 32) {
            throw new IllegalArgumentException("Expected a positive sequence number and a 64-digit hex SHA-256 hash");
        }
        return new ChainAnchor(seq, hash);
    }
}
