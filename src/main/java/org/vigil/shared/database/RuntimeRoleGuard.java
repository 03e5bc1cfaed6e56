package org.vigil.shared.database;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when tenant isolation could be bypassed: the application's database role must not be a superuser,
 * must not have BYPASSRLS and must own no table (owners are exempt from row-level security unless it is forced), and
 * every table holding an organisation's data (a column {@code org_id}) must have row-level security enabled and
 * forced. The last check catches a future migration that forgets its policies. The database must be UTF8, because the
 * audit chain hashes the same UTF-8 bytes in PostgreSQL and in Java.
 */
@Component
@DependsOnDatabaseInitialization
class RuntimeRoleGuard implements InitializingBean {

    private final JdbcClient jdbc;

    RuntimeRoleGuard(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void afterPropertiesSet() {
        var role = jdbc.sql("""
                SELECT r.rolname, r.rolsuper, r.rolbypassrls,
                       (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = :schema AND c.relowner = r.oid) AS owned
                  FROM pg_roles r WHERE r.rolname = current_user
                """).param("schema", DatabaseConfiguration.SCHEMA)
                .query((rs, n) -> new RoleFacts(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getLong(4)))
                .single();
        if (role.superuser() || role.bypassesRls() || role.ownedObjects() > 0) {
            throw new IllegalStateException("The application's database role " + role.name()
                    + " must not be a superuser, must not have BYPASSRLS and must own nothing in schema "
                    + DatabaseConfiguration.SCHEMA + " (found: superuser=" + role.superuser() + ", bypassrls="
                    + role.bypassesRls() + ", owned objects=" + role.ownedObjects() + ")");
        }
        String encoding = jdbc.sql("SHOW server_encoding").query(String.class).single();
        if (!"UTF8".equalsIgnoreCase(encoding)) {
            // The audit chain hashes UTF-8 bytes in the database and in Java; both must see the same bytes.
            throw new IllegalStateException("Vigil needs a UTF8 database; this one is " + encoding);
        }
        List<String> unprotected = unprotectedTenantTables(jdbc);
        if (!unprotected.isEmpty()) {
            throw new IllegalStateException("Tables holding organisation data without forced row-level security: "
                    + unprotected);
        }
    }

    /** Tables with an {@code org_id} column whose row-level security is not both enabled and forced. */
    static List<String> unprotectedTenantTables(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT c.relname FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = :schema AND c.relkind IN ('r', 'p')
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id'
                                AND NOT a.attisdropped)
                   AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
                 ORDER BY c.relname
                """).param("schema", DatabaseConfiguration.SCHEMA).query(String.class).list();
    }

    private record RoleFacts(String name, boolean superuser, boolean bypassesRls, long ownedObjects) {
    }
}
