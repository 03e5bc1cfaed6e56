package org.vigil.shared.database;

import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Connects Vigil to PostgreSQL with two logins: migrations run as the schema owner, the application runs as a role
 * that owns nothing and is subject to row-level security ({@code FORCE ROW LEVEL SECURITY} on every tenant table).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DatabaseProperties.class, DatabaseProperties.Embedded.class })
class DatabaseConfiguration {

    static final String SCHEMA = "vigil";

    @Bean(destroyMethod = "close")
    DatabaseEndpoints databaseEndpoints(DatabaseProperties properties, DatabaseProperties.Embedded embedded) {
        return DatabaseEndpoints.resolve(properties, embedded);
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(DatabaseEndpoints endpoints, DatabaseProperties properties) {
        return pool(endpoints.url(), endpoints.app(), endpoints.switchToAppRole(), properties);
    }

    /** The application's connection pool for {@code url}, with the timeouts of {@code properties}. */
    static HikariDataSource pool(String url, DatabaseEndpoints.Login login, String switchToAppRole,
            DatabaseProperties properties) {
        var config = new HikariConfig();
        config.setPoolName("vigil");
        config.setJdbcUrl(url);
        config.setUsername(login.user());
        config.setPassword(login.password());
        config.setMaximumPoolSize(properties.poolSize());
        config.setConnectionTimeout(properties.connectTimeout().toMillis());
        config.setValidationTimeout(Math.min(properties.connectTimeout().toMillis(), 3_000));
        config.setInitializationFailTimeout(properties.connectTimeout().toMillis());
        config.setDataSourceProperties(driverProperties(properties));
        if (switchToAppRole != null) {
            config.setConnectionInitSql("SET ROLE " + switchToAppRole);
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new IllegalStateException("Could not connect to the database " + url + " as " + login.user() + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(DatabaseEndpoints endpoints, DatabaseProperties properties) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(endpoints.url());
        dataSource.setUser(endpoints.owner().user());
        dataSource.setPassword(endpoints.owner().password());
        dataSource.setConnectTimeout((int) properties.connectTimeout().toSeconds());
        dataSource.setLoginTimeout((int) properties.connectTimeout().toSeconds());
        dataSource.setApplicationName("vigil-migrations");
        return dataSource;
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new TenantAwareTransactionManager(dataSource);
    }

    @Bean
    FlywayConfigurationCustomizer vigilFlywayConventions(DatabaseProperties properties) {
        return configuration -> configuration
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .placeholders(java.util.Map.of("app_role", properties.appRole()));
    }

    /**
     * Each module keeps its migrations in {@code db/migration/<module>} with its own history table
     * ({@code flyway_schema_history_<module>}), migrated in the order of module dependencies given by
     * {@code vigil.db.migration-modules} (the modularity tests check that order against the module model). Before
     * that, the application role is made to exist.
     */
    @Bean
    FlywayMigrationStrategy vigilMigrationStrategy(DatabaseEndpoints endpoints, DatabaseProperties properties) {
        return (Flyway flyway) -> {
            endpoints.prepareAppRole(flyway.getConfiguration().getDataSource());
            var base = flyway.getConfiguration();
            for (String module : properties.migrationModules()) {
                Flyway.configure()
                        .configuration(base)
                        .locations("classpath:db/migration/" + module)
                        .table(base.getTable() + "_" + module)
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .load()
                        .migrate();
            }
        };
    }

    private static Properties driverProperties(DatabaseProperties properties) {
        var driver = new Properties();
        driver.setProperty("connectTimeout", Long.toString(Math.max(1, properties.connectTimeout().toSeconds())));
        driver.setProperty("loginTimeout", Long.toString(Math.max(1, properties.connectTimeout().toSeconds())));
        driver.setProperty("socketTimeout", Long.toString(Math.max(1, properties.socketTimeout().toSeconds())));
        driver.setProperty("tcpKeepAlive", "true");
        driver.setProperty("ApplicationName", "vigil");
        driver.setProperty("currentSchema", SCHEMA);
        return driver;
    }
}
