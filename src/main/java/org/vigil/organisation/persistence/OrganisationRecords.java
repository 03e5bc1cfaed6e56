package org.vigil.organisation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.organisation.OrganisationView;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;

/** The organisation directory in PostgreSQL. */
@Repository
public class OrganisationRecords {

    private static final String COLUMNS = "id, kind, name, country, srn, created_at";

    private final JdbcClient jdbc;

    OrganisationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(OrganisationId id, OrganisationKind kind, String name, String country, String srn) {
        jdbc.sql("INSERT INTO organisation (id, kind, name, country, srn) VALUES (?, ?, ?, ?, ?)")
                .params(id.value(), kind.name(), name, country, srn).update();
    }

    public void update(OrganisationId id, String name, String country, String srn) {
        jdbc.sql("UPDATE organisation SET name = ?, country = ?, srn = ? WHERE id = ?")
                .params(name, country, srn, id.value()).update();
    }

    public Optional<OrganisationView> find(OrganisationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = ?").param(id.value())
                .query(OrganisationRecords::view).optional();
    }

    public List<OrganisationView> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation ORDER BY kind, lower(name)")
                .query(OrganisationRecords::view).list();
    }

    public List<OrganisationView> ofKind(OrganisationKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE kind = ? ORDER BY lower(name)")
                .param(kind.name()).query(OrganisationRecords::view).list();
    }

    public boolean nameTaken(OrganisationKind kind, String name, OrganisationId except) {
        return jdbc.sql("SELECT count(*) FROM organisation WHERE kind = ? AND lower(name) = lower(?) AND id <> ?")
                .params(kind.name(), name, except == null ? new UUID(0, 0) : except.value())
                .query(Long.class).single() > 0;
    }

    public boolean srnTaken(String srn, OrganisationId except) {
        return jdbc.sql("SELECT count(*) FROM organisation WHERE srn = ? AND id <> ?")
                .params(srn, except == null ? new UUID(0, 0) : except.value()).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single();
    }

    static OrganisationView view(ResultSet rs, int row) throws SQLException {
        return new OrganisationView(new OrganisationId(rs.getObject("id", UUID.class)),
                OrganisationKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("country"),
                rs.getString("srn"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
