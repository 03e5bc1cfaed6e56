package org.vigil.shared.database;

import java.sql.Connection;
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

    @Override
    public <T> T callAs(Actor actor, Supplier<T> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return Tenancy.callAs(actor, () -> ownTransaction.execute(status -> work.get()));
        }
        Actor caller = Tenancy.current().orElse(null);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        apply(connection, actor);
        T result;
        try {
            result = Tenancy.callAs(actor, work::get);
        } catch (RuntimeException | Error failure) {
            // The transaction is probably lost anyway; switching back must not hide why.
            try {
                apply(connection, caller);
            } catch (RuntimeException restore) {
                failure.addSuppressed(restore);
            }
            throw failure;
        }
        apply(connection, caller);
        return result;
    }

    private static void apply(Connection connection, Actor actor) {
        try {
            TenantAwareTransactionManager.applyTenant(connection, actor);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not switch the acting organisation", e);
        }
    }
}
