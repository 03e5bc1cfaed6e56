package org.vigil.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.vigil.shared.Actor;
import org.vigil.shared.Tenancy;

/**
 * Tells PostgreSQL, at the start of every transaction, who is acting: organisation, user and scope, as
 * transaction-local settings ({@code set_config(…, true)}). Row-level security policies read them; they vanish at
 * commit or rollback, so a pooled connection never carries one request's tenant into the next. All three settings
 * are always written, empty when nobody acts, so that nothing set earlier on the connection can survive.
 */
class TenantAwareTransactionManager extends JdbcTransactionManager {

    private static final String SET_TENANT = "SELECT set_config('vigil.org_id', ?, true), "
            + "set_config('vigil.user_id', ?, true), set_config('vigil.scope', ?, true)";

    TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        applyTenant(connection, Tenancy.current().orElse(null));
    }

    /** Writes who acts into the connection's transaction-local settings; {@code null}: nobody. */
    static void applyTenant(Connection connection, Actor actor) throws SQLException {
        String[] settings = settingsOf(actor);
        try (PreparedStatement statement = connection.prepareStatement(SET_TENANT)) {
            for (int i = 0; i < settings.length; i++) {
                statement.setString(i + 1, settings[i]);
            }
            statement.execute();
        }
    }

    /** The organisation, user and scope settings for {@code actor}, each empty when not given. */
    static String[] settingsOf(Actor actor) {
        return new String[] { actor == null || actor.organisationId() == null ? "" : actor.organisationId().toString(),
            actor == null || actor.userId() == null ? "" : actor.userId().toString(),
            actor == null ? "" : switch (actor.scope()) {
                case TENANT -> "tenant";
                case PLATFORM -> "platform";
                case AUDIT_CHAIN_CHECK -> "audit-chain-check";
            } };
    }
}
