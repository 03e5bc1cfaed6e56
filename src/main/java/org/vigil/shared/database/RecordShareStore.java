package org.vigil.shared.database;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordRef;
import org.vigil.shared.UserId;

/** Shares of records between organisations; row-level security lets only the owner grant and revoke. */
@Repository
public class RecordShareStore {

    private final JdbcClient jdbc;

    RecordShareStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers {@code false} when the record was already shared with {@code grantee}. */
    public boolean share(RecordRef record, OrganisationId owner, OrganisationId grantee, UserId by) {
        return jdbc.sql("""
                INSERT INTO record_share (id, record_type, record_id, owner_org_id, grantee_org_id, granted_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (record_type, record_id, grantee_org_id) WHERE revoked_at IS NULL DO NOTHING
                """).params(UUID.randomUUID(), record.type(), record.id(), owner.value(), grantee.value(),
                by == null ? null : by.value()).update() == 1;
    }

    public boolean revoke(RecordRef record, OrganisationId owner, OrganisationId grantee, UserId by) {
        return jdbc.sql("""
                UPDATE record_share SET revoked_at = clock_timestamp(), revoked_by = ?
                 WHERE record_type = ? AND record_id = ? AND owner_org_id = ? AND grantee_org_id = ?
                   AND revoked_at IS NULL
                """).params(by == null ? null : by.value(), record.type(), record.id(), owner.value(),
                grantee.value()).update() > 0;
    }

    public List<OrganisationId> grantees(RecordRef record) {
        return jdbc.sql("""
                SELECT grantee_org_id FROM record_share
                 WHERE record_type = ? AND record_id = ? AND revoked_at IS NULL ORDER BY granted_at
                """).params(record.type(), record.id()).query(UUID.class).list().stream()
                .map(OrganisationId::new).toList();
    }
}
