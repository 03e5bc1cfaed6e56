package org.vigil.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.audit.domain.AuditChain;
import org.vigil.audit.domain.ChainVerifier;
import org.vigil.audit.domain.ChainedEntry;

/** Reads and appends audit entries. Row-level security decides which entries a caller sees. */
@Repository
public class AuditEntryStore {

    private static final String COLUMNS = "seq, recorded_at, actor_user_id, actor_name, org_id, action, record_type, "
            + "record_id, old_value, new_value, reason, prev_hash, hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    AuditEntryStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(2_000);
    }

    /** An entry to append; the database adds its time, place in the chain and hashes. */
    public record NewEntry(UUID actorUserId, String actorName, UUID organisationId, String action, String recordType,
            UUID recordId, String before, String after, String reason) {
    }

    public ChainVerifier.Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE singleton")
                .query((rs, n) -> new ChainVerifier.Head(rs.getLong(1), rs.getBytes(2)))
                .single();
    }

    /**
     * Appends {@code entries} to the chain, in order, in one round trip; the chain head stays locked until the
     * calling transaction ends.
     */
    public void append(List<NewEntry> entries) {
        int n = entries.size();
        var actorIds = new UUID[n];
        var actorNames = new String[n];
        var organisations = new UUID[n];
        var actions = new String[n];
        var recordTypes = new String[n];
        var recordIds = new UUID[n];
        var befores = new String[n];
        var afters = new String[n];
        var reasons = new String[n];
        for (int i = 0; i < n; i++) {
            NewEntry entry = entries.get(i);
            actorIds[i] = entry.actorUserId();
            actorNames[i] = entry.actorName();
            organisations[i] = entry.organisationId();
            actions[i] = entry.action();
            recordTypes[i] = entry.recordType();
            recordIds[i] = entry.recordId();
            befores[i] = entry.before();
            afters[i] = entry.after();
            reasons[i] = entry.reason();
        }
        jdbc.sql("SELECT audit_append(?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(actorIds, actorNames, organisations, actions, recordTypes, recordIds, befores, afters, reasons)
                .query(Long.class).single();
    }

    public List<ChainedEntry> history(String recordType, UUID recordId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE record_type = ? AND record_id = ? ORDER BY seq")
                .params(recordType, recordId)
                .query(AuditEntryStore::entry)
                .list();
    }

    public List<ChainedEntry> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq DESC LIMIT ?")
                .param(limit)
                .query(AuditEntryStore::entry)
                .list();
    }

    /** Streams every visible entry in sequence order until {@code consumer} answers {@code false}. */
    public void streamAll(Predicate<ChainedEntry> consumer) {
        streaming.query("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq", rs -> {
            boolean more = true;
            while (more && rs.next()) {
                more = consumer.test(entry(rs, 0));
            }
            return null;
        });
    }

    public OptionalLong seqOfHash(byte[] hash) {
        return jdbc.sql("SELECT seq FROM audit_entry WHERE hash = ?").param(hash).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    static ChainedEntry entry(ResultSet rs, int row) throws SQLException {
        return new ChainedEntry(
                rs.getLong("seq"),
                instant(rs, "recorded_at"),
                rs.getObject("actor_user_id", UUID.class),
                rs.getString("actor_name"),
                rs.getObject("org_id", UUID.class),
                rs.getString("action"),
                rs.getString("record_type"),
                rs.getObject("record_id", UUID.class),
                rs.getString("old_value"),
                rs.getString("new_value"),
                rs.getString("reason"),
                rs.getBytes("prev_hash"),
                rs.getBytes("hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return AuditChain.databasePrecision(rs.getObject(column, OffsetDateTime.class).toInstant());
    }
}
