package org.vigil.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database Vigil talks to and the two logins it uses. Resolved once at start-up: the embedded server (started
 * here when no URL is configured) or the production server named by {@code VIGIL_DB_URL}.
 */
public final class DatabaseEndpoints implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseEndpoints.class);

    /** A login: user name and password. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[" + user + "]";
        }
    }

    private final String url;
    private final Login owner;
    private final Login app;
    private final String appRole;
    private final String switchToAppRole;
    private final EmbeddedPostgresServer embedded;

    private DatabaseEndpoints(String url, Login owner, Login app, String appRole, String switchToAppRole,
            EmbeddedPostgresServer embedded) {
        this.url = url;
        this.owner = owner;
        this.app = app;
        this.appRole = appRole;
        this.switchToAppRole = switchToAppRole;
        this.embedded = embedded;
    }

    static DatabaseEndpoints resolve(DatabaseProperties properties, DatabaseProperties.Embedded embedded) {
        String appRole = properties.appRole();
        if (!appRole.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalStateException("vigil.db.app-role must be a plain lower-case PostgreSQL role name");
        }
        if (properties.external()) {
            if (properties.user() == null || properties.user().isBlank()) {
                throw new IllegalStateException("VIGIL_DB_URL is set but VIGIL_DB_USER is not");
            }
            var owner = new Login(properties.user(), properties.password());
            if (properties.appUser() != null && !properties.appUser().isBlank()) {
                return new DatabaseEndpoints(properties.url(), owner,
                        new Login(properties.appUser(), properties.appPassword()), properties.appUser(), null, null);
            }
            log.warn("VIGIL_DB_APP_USER is not set: the application connects as {} and switches every connection "
                    + "to role {} (SET ROLE). Prefer a separate login; see the README.", owner.user(), appRole);
            return new DatabaseEndpoints(properties.url(), owner, owner, appRole, appRole, null);
        }
        var server = EmbeddedPostgresServer.acquire(embedded.dir(), embedded.cleanOnStart(),
                embedded.maxConnections());
        try {
            server.ensureDatabase(embedded.database(), appRole);
            var owner = server.ownerLogin();
            var app = server.appLogin(appRole);
            return new DatabaseEndpoints(server.jdbcUrl(embedded.database()), new Login(owner.user(), owner.password()),
                    new Login(app.user(), app.password()), appRole, null, server);
        } catch (RuntimeException e) {
            server.release();
            throw e;
        }
    }

    public String url() {
        return url;
    }

    public Login owner() {
        return owner;
    }

    public Login app() {
        return app;
    }

    /** The role the application's statements run as. */
    public String appRole() {
        return appRole;
    }

    /** The role every pooled connection switches to, or {@code null} when the app has its own login. */
    String switchToAppRole() {
        return switchToAppRole;
    }

    /** The embedded server, or {@code null} with a production database. */
    public EmbeddedPostgresServer embeddedServer() {
        return embedded;
    }

    /**
     * In single-login mode the application role may not exist yet: create it (without login, ownership or
     * BYPASSRLS) and let the owner switch to it. A DBA who prefers to create it themselves can; then this does
     * nothing.
     */
    void prepareAppRole(DataSource ownerDataSource) {
        if (switchToAppRole == null) {
            return;
        }
        try (Connection connection = ownerDataSource.getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                query.setString(1, appRole);
                exists = query.executeQuery().next();
            }
            try (var statement = connection.createStatement()) {
                if (!exists) {
                    statement.execute("CREATE ROLE " + appRole + " NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                            + "NOBYPASSRLS");
                }
                var member = statement.executeQuery("SELECT pg_has_role(current_user, '" + appRole + "', 'MEMBER')");
                member.next();
                if (!member.getBoolean(1)) {
                    statement.execute("GRANT " + appRole + " TO current_user");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the application role " + appRole + " as "
                    + owner.user() + ": " + e.getMessage() + ". Create it as described in the README.", e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.release();
        }
    }
}
