package org.vigil.shared.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Vigil keeps its data. With no {@code vigil.db.url} (environment {@code VIGIL_DB_URL}) Vigil runs its own
 * embedded PostgreSQL in {@code vigil.embedded-db.dir}; otherwise it uses the given server.
 *
 * @param url JDBC URL of a production PostgreSQL ({@code VIGIL_DB_URL}); empty for the embedded server
 * @param user the login that owns the schema and runs migrations ({@code VIGIL_DB_USER})
 * @param password its password ({@code VIGIL_DB_PASSWORD})
 * @param appUser optional separate login for the running application ({@code VIGIL_DB_APP_USER}); it must own no
 *        table and must not have BYPASSRLS. Without it Vigil connects as {@code user} and switches every connection
 *        to {@code appRole} with {@code SET ROLE}
 * @param appPassword password of {@code appUser} ({@code VIGIL_DB_APP_PASSWORD})
 * @param appRole the role the application's queries run as; row-level security applies to it
 * @param poolSize maximum connections in the application's pool
 * @param connectTimeout how long to wait for the server to accept a connection
 * @param socketTimeout how long to wait for the server to answer once connected; a frozen database fails fast
 * @param migrationModules the modules with a migration folder, in dependency order
 */
@ConfigurationProperties("vigil.db")
public record DatabaseProperties(
        String url,
        String user,
        String password,
        String appUser,
        String appPassword,
        @DefaultValue("vigil_app") String appRole,
        @DefaultValue("10") int poolSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration socketTimeout,
        @DefaultValue({ "shared", "audit", "organisation", "terminology", "notification", "device", "incident", "casework", "deadline", "reportability", "mir" }) java.util.List<String> migrationModules) {

    public boolean external() {
        return url != null && !url.isBlank();
    }

    /**
     * The embedded server's settings.
     *
     * @param dir the data folder; it survives restarts ({@code ./vigil-data} by default)
     * @param database the database name inside the embedded server
     * @param cleanOnStart wipe the data folder before starting (tests only)
     * @param maxConnections the server's {@code max_connections}
     */
    @ConfigurationProperties("vigil.embedded-db")
    public record Embedded(
            @DefaultValue("vigil-data") Path dir,
            @DefaultValue("vigil") String database,
            @DefaultValue("false") boolean cleanOnStart,
            @DefaultValue("100") int maxConnections) {
    }
}
