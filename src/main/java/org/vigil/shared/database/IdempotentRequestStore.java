package org.vigil.shared.database;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored responses of requests made with an {@code Idempotency-Key}, per user, kept for 24 hours. */
@Repository
public class IdempotentRequestStore {

    /** A stored response; {@code status} 0 means the first request is still being processed. */
    public record StoredResponse(byte[] fingerprint, int status, String type, String location, byte[] body) {
    }

    /** How often a user's expired responses are looked for: a system sending many requests pays for it rarely. */
    private static final long FORGET_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final JdbcClient jdbc;
    private final Map<UUID, Long> lastForgotten = new ConcurrentHashMap<>();

    IdempotentRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes the user's responses older than 24 hours, at most once a minute per user (responses are kept at least
     * 24 hours, never exactly 24): under load a DELETE with every request was one of a submission's round trips.
     */
    public void forgetExpired(UUID userId) {
        long now = System.nanoTime();
        Long last = lastForgotten.get(userId);
        if (last != null && now - last < FORGET_EVERY_NANOS) {
            return;
        }
        lastForgotten.put(userId, now);
        jdbc.sql("DELETE FROM idempotent_request WHERE user_id = ? AND created_at < now() - interval '24 hours'")
                .param(userId).update();
    }

    /**
     * Reserves {@code key} for the current transaction. Waits while another transaction holds the same key, and
     * answers {@code false} when the key was already used.
     */
    public boolean reserve(UUID userId, String key, UUID organisationId, byte[] fingerprint) {
        return jdbc.sql("""
                INSERT INTO idempotent_request (user_id, idempotency_key, org_id, request_fingerprint,
                                                response_status, response_body)
                VALUES (?, ?, ?, ?, 0, ''::bytea) ON CONFLICT (user_id, idempotency_key) DO NOTHING
                """).params(userId, key, organisationId, fingerprint).update() == 1;
    }

    public void complete(UUID userId, String key, StoredResponse response) {
        jdbc.sql("""
                UPDATE idempotent_request SET response_status = ?, response_type = ?, response_location = ?,
                       response_body = ? WHERE user_id = ? AND idempotency_key = ?
                """).params(response.status(), response.type(), response.location(), response.body(), userId, key)
                .update();
    }

    public StoredResponse find(UUID userId, String key) {
        return jdbc.sql("""
                SELECT request_fingerprint, response_status, response_type, response_location, response_body
                  FROM idempotent_request WHERE user_id = ? AND idempotency_key = ?
                """).params(userId, key).query((rs, n) -> new StoredResponse(rs.getBytes(1), rs.getInt(2),
                rs.getString(3), rs.getString(4), rs.getBytes(5))).single();
    }
}
