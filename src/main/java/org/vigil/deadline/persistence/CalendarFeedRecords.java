package org.vigil.deadline.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * Calendar feeds in PostgreSQL (db/migration/deadline/V2__calendar_feeds.sql). Row-level security shows a person their
 * own feeds only; resolving a secret across organisations goes through the SECURITY DEFINER function
 * {@code calendar_feed_lookup}, which answers nothing for an unknown or revoked secret.
 */
@Repository
public class CalendarFeedRecords {

    private final JdbcClient jdbc;

    CalendarFeedRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person's live feed as they see it; the secret itself is never stored, only its first characters. */
    public record Feed(UUID id, String prefix, Instant createdAt, Instant lastReadAt) {
    }

    /** Whose feed a secret opens. */
    public record Holder(UUID feedId, UserId userId, OrganisationId organisationId) {
    }

    public void insert(UUID id, OrganisationId organisation, UserId user, byte[] tokenHash, String prefix) {
        jdbc.sql("""
                INSERT INTO calendar_feed (id, org_id, user_id, token_hash, token_prefix) VALUES (?, ?, ?, ?, ?)
                """).params(id, organisation.value(), user.value(), tokenHash, prefix).update();
    }

    public Optional<Feed> live(UserId user) {
        return jdbc.sql("""
                SELECT id, token_prefix, created_at, last_read_at FROM calendar_feed
                 WHERE user_id = ? AND revoked_at IS NULL
                """).param(user.value()).query(CalendarFeedRecords::feed).optional();
    }

    /** Revokes the person's live feed; answers the one revoked, if there was one. */
    public Optional<UUID> revokeLive(UserId user) {
        return jdbc.sql("""
                UPDATE calendar_feed SET revoked_at = clock_timestamp() WHERE user_id = ? AND revoked_at IS NULL
                RETURNING id
                """).param(user.value()).query((rs, n) -> rs.getObject(1, UUID.class)).optional();
    }

    public Optional<Holder> holder(byte[] tokenHash) {
        return jdbc.sql("SELECT * FROM calendar_feed_lookup(?)").param(tokenHash)
                .query((rs, n) -> new Holder(rs.getObject("feed_id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        new OrganisationId(rs.getObject("org_id", UUID.class))))
                .optional();
    }

    private static Feed feed(ResultSet rs, int row) throws SQLException {
        return new Feed(rs.getObject("id", UUID.class), rs.getString("token_prefix"), instant(rs, "created_at"),
                instant(rs, "last_read_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
