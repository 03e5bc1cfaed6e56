package org.vigil.notification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.notification.EmailDelivery;
import org.vigil.notification.Notice;
import org.vigil.notification.NoticeContent;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/** Notices and e-mail deliveries in PostgreSQL; row-level security limits notices to their recipient. */
@Repository
public class NoticeRecords {

    private final JdbcClient jdbc;

    NoticeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertNotice(UUID id, OrganisationId organisation, UserId recipient, NoticeContent content) {
        jdbc.sql("""
                INSERT INTO notice (id, org_id, user_id, category, subject, body, link) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(id, organisation.value(), recipient.value(), content.category(), content.subject(),
                content.body(), content.link()).update();
    }

    /** Writes the same notice to each of {@code recipients} in one statement; answers the notices' ids in order. */
    public List<UUID> insertNotices(OrganisationId organisation, List<UserId> recipients, NoticeContent content) {
        var ids = recipients.stream().map(recipient -> UUID.randomUUID()).toList();
        jdbc.sql("""
                INSERT INTO notice (id, org_id, user_id, category, subject, body, link)
                SELECT n.id, ?, n.user_id, ?, ?, ?, ? FROM unnest(?::uuid[], ?::uuid[]) AS n(id, user_id)
                """).params(organisation.value(), content.category(), content.subject(), content.body(),
                content.link(), ids.toArray(UUID[]::new),
                recipients.stream().map(UserId::value).toArray(UUID[]::new)).update();
        return ids;
    }

    /** Queues one e-mail per notice in one statement; the lists run in step. */
    public void insertDeliveries(OrganisationId organisation, List<UUID> noticeIds, List<UserId> recipients,
            List<String> toAddresses, String subject, List<String> bodies) {
        jdbc.sql("""
                INSERT INTO email_delivery (id, org_id, user_id, notice_id, to_address, subject, body, status)
                SELECT gen_random_uuid(), ?, d.user_id, d.notice_id, d.to_address, ?, d.body, 'PENDING'
                  FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]) AS d(notice_id, user_id, to_address, body)
                """).params(organisation.value(), subject, noticeIds.toArray(UUID[]::new),
                recipients.stream().map(UserId::value).toArray(UUID[]::new), toAddresses.toArray(String[]::new),
                bodies.toArray(String[]::new)).update();
    }

    /**
     * Writes a notice unless one with {@code dedupKey} exists already, in any organisation; answers whether it wrote.
     * Two writers racing with one key are stopped by the unique constraint (the second fails and is retried).
     */
    public boolean insertNoticeOnce(UUID id, OrganisationId organisation, UserId recipient, NoticeContent content,
            String dedupKey) {
        if (jdbc.sql("SELECT notice_dedup_key_taken(?)").param(dedupKey).query(Boolean.class).single()) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO notice (id, org_id, user_id, category, subject, body, link, dedup_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, organisation.value(), recipient.value(), content.category(), content.subject(),
                content.body(), content.link(), dedupKey).update();
        return true;
    }

    public void insertDelivery(UUID noticeId, OrganisationId organisation, UserId recipient, String toAddress,
            String subject, String body) {
        jdbc.sql("""
                INSERT INTO email_delivery (id, org_id, user_id, notice_id, to_address, subject, body, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')
                """).params(UUID.randomUUID(), organisation.value(), recipient.value(), noticeId, toAddress, subject,
                body).update();
    }

    public List<Notice> notices(UserId user, int limit) {
        return jdbc.sql("""
                SELECT n.id, n.category, n.subject, n.body, n.link, n.created_at, n.read_at,
                       (SELECT d.status FROM email_delivery d WHERE d.notice_id = n.id) AS email
                  FROM notice n WHERE n.user_id = ? ORDER BY n.created_at DESC LIMIT ?
                """).params(user.value(), limit).query(NoticeRecords::notice).list();
    }

    public long unread(UserId user) {
        return jdbc.sql("SELECT count(*) FROM notice WHERE user_id = ? AND read_at IS NULL").param(user.value())
                .query(Long.class).single();
    }

    public boolean markRead(UserId user, UUID id) {
        return jdbc.sql("UPDATE notice SET read_at = clock_timestamp() WHERE id = ? AND user_id = ? AND read_at IS NULL")
                .params(id, user.value()).update() > 0;
    }

    public Optional<Notice> notice(UserId user, UUID id) {
        return notices(user, 500).stream().filter(notice -> notice.id().equals(id)).findFirst();
    }

    public int markAllRead(UserId user) {
        return jdbc.sql("UPDATE notice SET read_at = clock_timestamp() WHERE user_id = ? AND read_at IS NULL")
                .param(user.value()).update();
    }

    public List<EmailDelivery> deliveries(OrganisationId organisation, boolean problemsOnly, int limit) {
        return jdbc.sql("""
                SELECT id, user_id, to_address, subject, status, attempts, created_at, next_attempt_at, sent_at,
                       last_error
                  FROM email_delivery
                 WHERE org_id = ? AND (NOT ? OR status = 'FAILED' OR (status = 'PENDING' AND attempts > 0))
                 ORDER BY created_at DESC LIMIT ?
                """).params(organisation.value(), problemsOnly, limit).query((rs, n) -> new EmailDelivery(
                rs.getObject("id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
                rs.getString("to_address"), rs.getString("subject"), Notice.EmailState.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
                instant(rs, "sent_at"), rs.getString("last_error"))).list();
    }

    /** A delivery claimed for sending. */
    public record Claimed(UUID id, String toAddress, String subject, String body, int attempts) {
    }

    public List<Claimed> claimDue(int limit, java.time.Duration lease) {
        return jdbc.sql("SELECT * FROM email_delivery_claim(?, ?)")
                .params(limit, new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, lease.toSeconds()))
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("to_address"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"))).list();
    }

    public void outcome(UUID id, boolean sent, String error, Instant retryAt) {
        jdbc.sql("SELECT email_delivery_outcome(?, ?, ?, ?)").params(id, sent, error,
                retryAt == null ? null : OffsetDateTime.ofInstant(retryAt, java.time.ZoneOffset.UTC))
                .query(rs -> Boolean.TRUE);
    }

    /** Deliveries waiting, overdue by more than ten minutes, and failed for good, across organisations. */
    public record Backlog(long pending, long overdue, long failed) {
    }

    public Backlog backlog() {
        return jdbc.sql("SELECT pending, overdue, failed FROM email_delivery_backlog()")
                .query((rs, n) -> new Backlog(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    static Notice notice(ResultSet rs, int row) throws SQLException {
        String email = rs.getString("email");
        return new Notice(rs.getObject("id", UUID.class), rs.getString("category"), rs.getString("subject"),
                rs.getString("body"), rs.getString("link"), instant(rs, "created_at"), instant(rs, "read_at"),
                email == null ? Notice.EmailState.NONE : Notice.EmailState.valueOf(email));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
