package org.vigil.organisation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.organisation.UserStatus;
import org.vigil.organisation.UserView;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Role;
import org.vigil.shared.UserId;

/** People and their roles in PostgreSQL; row-level security limits them to the acting organisation. */
@Repository
public class UserRecords {

    private static final String SELECT = """
            SELECT a.id, a.org_id, o.name AS org_name, a.email, a.display_name, a.status, a.created_at,
                   a.activated_at, a.deactivated_at,
                   coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_role r WHERE r.user_id = a.id),
                            '{}') AS roles
              FROM user_account a JOIN organisation o ON o.id = a.org_id
            """;

    private final JdbcClient jdbc;

    UserRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UserId id, OrganisationId organisation, String email, String displayName, UserStatus status) {
        jdbc.sql("""
                INSERT INTO user_account (id, org_id, email, display_name, status, activated_at)
                VALUES (?, ?, ?, ?, ?, CASE WHEN ? = 'ACTIVE' THEN clock_timestamp() END)
                """).params(id.value(), organisation.value(), email, displayName, status.name(), status.name())
                .update();
    }

    public Optional<UserView> find(UserId id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id.value()).query(UserRecords::view).optional();
    }

    public Optional<UserView> findByEmail(String email) {
        return jdbc.sql(SELECT + " WHERE a.email = ?").param(email).query(UserRecords::view).optional();
    }

    public List<UserView> members(OrganisationId organisation) {
        return jdbc.sql(SELECT + " WHERE a.org_id = ? ORDER BY lower(a.display_name), a.email")
                .param(organisation.value()).query(UserRecords::view).list();
    }

    /** Active members holding {@code role}. */
    /** The active members holding any of {@code roles}, each once, by name. */
    public List<UserView> holdersOf(OrganisationId organisation, Collection<Role> roles) {
        return jdbc.sql(SELECT + """
                 WHERE a.org_id = ? AND a.status = 'ACTIVE'
                   AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = a.id AND r.role = ANY(?))
                 ORDER BY lower(a.display_name)
                """).params(organisation.value(), roles.stream().map(Role::name).toArray(String[]::new))
                .query(UserRecords::view).list();
    }

    public void setStatus(UserId id, UserStatus status) {
        jdbc.sql("""
                UPDATE user_account SET status = ?,
                       activated_at = CASE WHEN ? = 'ACTIVE' THEN coalesce(activated_at, clock_timestamp())
                                           ELSE activated_at END,
                       deactivated_at = CASE WHEN ? = 'DEACTIVATED' THEN clock_timestamp() ELSE NULL END
                 WHERE id = ?
                """).params(status.name(), status.name(), status.name(), id.value()).update();
    }

    public void rename(UserId id, String displayName) {
        jdbc.sql("UPDATE user_account SET display_name = ? WHERE id = ?").params(displayName, id.value()).update();
    }

    public void grantRole(UserId id, OrganisationId organisation, Role role, UserId grantedBy) {
        jdbc.sql("""
                INSERT INTO user_role (user_id, org_id, role, granted_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, role) DO NOTHING
                """).params(id.value(), organisation.value(), role.name(),
                grantedBy == null ? null : grantedBy.value()).update();
    }

    public boolean withdrawRole(UserId id, Role role) {
        return jdbc.sql("DELETE FROM user_role WHERE user_id = ? AND role = ?").params(id.value(), role.name())
                .update() > 0;
    }

    public long countByStatus(OrganisationId organisation, UserStatus status) {
        return jdbc.sql("SELECT count(*) FROM user_account WHERE org_id = ? AND status = ?")
                .params(organisation.value(), status.name()).query(Long.class).single();
    }

    static UserView view(ResultSet rs, int row) throws SQLException {
        String[] roleNames = (String[]) rs.getArray("roles").getArray();
        Set<Role> roles = roleNames.length == 0 ? Set.of()
                : EnumSet.copyOf(Arrays.stream(roleNames).map(Role::valueOf).toList());
        return new UserView(new UserId(rs.getObject("id", UUID.class)),
                new OrganisationId(rs.getObject("org_id", UUID.class)), rs.getString("org_name"),
                rs.getString("email"), rs.getString("display_name"), UserStatus.valueOf(rs.getString("status")),
                roles, instant(rs, "created_at"), instant(rs, "activated_at"), instant(rs, "deactivated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
