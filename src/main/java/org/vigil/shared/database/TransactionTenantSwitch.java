package org.vigil.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.shared.Actor;
import org.vigil.shared.Tenancy;
import org.vigil.shared.TenantSwitch;

/**
 * Switches the settings row-level security reads on the running transaction's connection, and back, with the same
 * statement {@link TenantAwareTransactionManager} uses at the start of every transaction.
 */
@Component
class TransactionTenantSwitch implements TenantSwitch {

    private final DataSource dataSource;
    private final TransactionTemplate ownTransaction;

    TransactionTenantSwitch(DataSource dataSource, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.ownTransaction = new TransactionTemplate(transactions);
    }

    // Reads what the transaction's settings are before changing them: they were set for whoever acted when the
    // transaction began, which need not be the actor bound now (a listener may act as the system for the same
    // organisation), and the rest of the transaction must see exactly them again.
    private static final String EXCHANGE = """
            WITH before AS MATERIALIZED (SELECT current_setting('vigil.org_id', true) AS org_id,
                                                current_setting('vigil.user_id', true) AS user_id,
                                                current_setting('vigil.scope', true) AS scope)
            SELECT org_id, user_id, scope, set_config('vigil.org_id', ?, true), set_config('vigil.user_id', ?, true),
                   set_config('vigil.scope', ?, true)
              FROM before""";

    @Override
    public <T> T callAs(Actor actor, Supplier<T> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return Tenancy.callAs(actor, () -> ownTransaction.execute(status -> work.get()));
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        String[] before = exchange(connection, TenantAwareTransactionManager.settingsOf(actor));
        T result;
        try {
            result = Tenancy.callAs(actor, work::get);
        } catch (RuntimeException | Error failure) {
            // The transaction is probably lost anyway; switching back must not hide why.
            try {
                exchange(connection, before);
            } catch (RuntimeException restore) {
                failure.addSuppressed(restore);
            }
            throw failure;
        }
        exchange(connection, before);
        return result;
    }

    private static String[] exchange(Connection connection, String[] settings) {
        try (PreparedStatement statement = connection.prepareStatement(EXCHANGE)) {
            for (int i = 0; i < 3; i++) {
                statement.setString(i + 1, settings[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new String[] { nonNull(row.getString(1)), nonNull(row.getString(2)), nonNull(row.getString(3)) };
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not switch the acting organisation", e);
        }
    }

    private static String nonNull(String setting) {
        return setting == null ? "" : setting;
    }
}
