package org.vigil.device.importing.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.device.importing.DeviceImport;
import org.vigil.device.importing.ImportFormat;
import org.vigil.device.importing.ImportIssue;
import org.vigil.device.importing.ImportStatus;
import org.vigil.shared.Actor;

/** Import jobs and their reports in PostgreSQL; row-level security keeps each organisation to its own. */
@Repository
public class ImportRecords {

    private static final String COLUMNS = """
            id, format, file_name, file_size, created_by_name, status, records, total, processed, stored, rejected,
            notices, failure, created_at, started_at, finished_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ImportRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void insert(UUID id, Actor actor, ImportFormat format, String fileName, long size) {
        jdbc.sql("""
                INSERT INTO device_import (id, org_id, created_by, created_by_name, format, file_name, file_size, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED')
                """).params(id, actor.organisationId().value(), actor.userId() == null ? null : actor.userId().value(),
                actor.displayName(), format.name(), fileName, size).update();
    }

    public void started(UUID id) {
        jdbc.sql("UPDATE device_import SET status = 'RUNNING', started_at = clock_timestamp() WHERE id = ?")
                .param(id).update();
    }

    public void read(UUID id, int records, int total, int rejected, int notices) {
        jdbc.sql("UPDATE device_import SET records = ?, total = ?, rejected = ?, notices = ? WHERE id = ?")
                .params(records, total, rejected, notices, id).update();
    }

    public void progress(UUID id, int processed) {
        jdbc.sql("UPDATE device_import SET processed = ? WHERE id = ?").params(processed, id).update();
    }

    public void completed(UUID id, int stored, int rejected, int notices) {
        jdbc.sql("""
                UPDATE device_import SET status = 'COMPLETED', processed = total, stored = ?, rejected = ?, notices = ?,
                       finished_at = clock_timestamp() WHERE id = ?
                """).params(stored, rejected, notices, id).update();
    }

    public void failed(UUID id, String failure) {
        jdbc.sql("""
                UPDATE device_import SET status = 'FAILED', stored = 0, failure = left(?, 2000),
                       finished_at = clock_timestamp() WHERE id = ?
                """).params(failure, id).update();
    }

    public void addIssues(UUID id, Actor actor, int firstSeq, List<ImportIssue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        var sql = "INSERT INTO device_import_problem (import_id, seq, org_id, row_number, field, message, severity) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        var rows = new java.util.ArrayList<Object[]>(issues.size());
        int seq = firstSeq;
        for (ImportIssue issue : issues) {
            rows.add(new Object[] { id, seq++, actor.organisationId().value(), issue.row(), issue.field(),
                    issue.message().length() > 2000 ? issue.message().substring(0, 2000) : issue.message(),
                    issue.severity().name() });
        }
        batch.batchUpdate(sql, rows);
    }

    public int issueCount(UUID id) {
        return jdbc.sql("SELECT count(*) FROM device_import_problem WHERE import_id = ?").param(id)
                .query(Integer.class).single();
    }

    public Optional<DeviceImport> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device_import WHERE id = ?").param(id)
                .query(ImportRecords::deviceImport).optional();
    }

    public List<DeviceImport> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device_import ORDER BY created_at DESC LIMIT ?").param(limit)
                .query(ImportRecords::deviceImport).list();
    }

    /** The report in file order, errors and notices together; {@code limit} rows from {@code offset}. */
    public List<ImportIssue> issues(UUID id, int offset, int limit) {
        return jdbc.sql("""
                SELECT row_number, field, message, severity FROM device_import_problem WHERE import_id = ?
                 ORDER BY row_number, seq OFFSET ? LIMIT ?
                """).params(id, offset, limit).query((rs, n) -> new ImportIssue(rs.getInt("row_number"),
                rs.getString("field"), rs.getString("message"), ImportIssue.Severity.valueOf(rs.getString("severity"))))
                .list();
    }

    public int interrupted() {
        return jdbc.sql("SELECT device_import_interrupted()").query(Integer.class).single();
    }

    private static DeviceImport deviceImport(ResultSet rs, int n) throws SQLException {
        return new DeviceImport(rs.getObject("id", UUID.class), ImportFormat.valueOf(rs.getString("format")),
                rs.getString("file_name"), rs.getLong("file_size"), rs.getString("created_by_name"),
                ImportStatus.valueOf(rs.getString("status")), rs.getInt("records"), rs.getInt("total"),
                rs.getInt("processed"), rs.getInt("stored"), rs.getInt("rejected"), rs.getInt("notices"),
                rs.getString("failure"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
