package org.vigil.support;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.vigil.shared.database.DatabaseEndpoints;

/** A connection as the embedded server's superuser, for tests that play an attacker with database access. */
public final class Superuser {

    private Superuser() {
    }

    public static DataSource dataSource(DatabaseEndpoints endpoints) {
        var login = endpoints.embeddedServer().superuserLogin();
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(endpoints.url());
        dataSource.setUser(login.user());
        dataSource.setPassword(login.password());
        dataSource.setCurrentSchema("vigil");
        return dataSource;
    }
}
