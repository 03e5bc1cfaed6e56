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
    // An entry awaiting sealing has no place in the chain yet: seq 0, no hashes.
    private static final String PENDING_COLUMNS = "0 AS seq, recorded_at, actor_user_id, actor_name, org_id, action, "
            + "record_type, record_id, old_value, new_value, reason, NULL::bytea AS prev_hash, NULL::bytea AS hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    AuditEntryStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(2_000);
    }

    /** An entry to append; the database adds its time, and the sealer its place in the chain and its hashes. */
    public record NewEntry(UUID actorUserId, String actorName, UUID organisationId, String action, String recordType,
            UUID recordId, String before, String after, String reason) {
    }

    public ChainVerifier.Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE singleton")
                .query((rs, n) -> new ChainVerifier.Head(rs.getLong(1), rs.getBytes(2)))
                .single();
    }

    /**
     * Adds {@code entries}, in order, to the entries awaiting sealing, in one round trip, in the calling transaction.
     * Nothing is locked: concurrent writers never wait for each other here.
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
        // WITH ORDINALITY keeps the caller's order in the identity column, which is the order of sealing.
        jdbc.sql("""
                INSERT INTO audit_pending (actor_user_id, actor_name, org_id, action, record_type, record_id, old_value,
                                           new_value, reason)
                SELECT a, n, o, act, rt, ri, b, af, r
                  FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[],
                              ?::text[]) WITH ORDINALITY AS e(a, n, o, act, rt, ri, b, af, r, i)
                 ORDER BY i
                """)
                .params(actorIds, actorNames, organisations, actions, recordTypes, recordIds, befores, afters, reasons)
                .update();
    }

    /**
     * Moves up to {@code limit} committed pending entries into the chain (in the calling transaction, which holds the
     * chain head until it ends) and answers how many.
     */
    public int seal(int limit) {
        return jdbc.sql("SELECT audit_seal(?)").param(limit).query(Integer.class).single();
    }

    /**
     * The record's entries, oldest first: the sealed ones in chain order, then those awaiting sealing. One statement,
     * so one snapshot: an entry being sealed meanwhile is read in one place or the other, never in neither.
     */
    public List<ChainedEntry> history(String recordType, UUID recordId) {
        return jdbc.sql("SELECT * FROM (SELECT " + COLUMNS + ", 0 AS pending, seq AS ord FROM audit_entry "
                        + "WHERE record_type = ? AND record_id = ? UNION ALL SELECT " + PENDING_COLUMNS
                        + ", 1 AS pending, id AS ord FROM audit_pending WHERE record_type = ? AND record_id = ?) e "
                        + "ORDER BY pending, ord")
                .params(recordType, recordId, recordType, recordId)
                .query(AuditEntryStore::entry)
                .list();
    }

    /** The newest entries first: those awaiting sealing, then the chain from its end; one snapshot, as above. */
    public List<ChainedEntry> latest(int limit) {
        return jdbc.sql("SELECT * FROM ((SELECT " + PENDING_COLUMNS + ", 1 AS pending, id AS ord FROM audit_pending "
                        + "ORDER BY id DESC LIMIT ?) UNION ALL (SELECT " + COLUMNS + ", 0 AS pending, seq AS ord "
                        + "FROM audit_entry ORDER BY seq DESC LIMIT ?)) e ORDER BY pending DESC, ord DESC LIMIT ?")
                .params(limit, limit, limit)
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
