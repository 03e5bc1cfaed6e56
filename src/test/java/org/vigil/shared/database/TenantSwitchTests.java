package org.vigil.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Tenancy;
import org.vigil.shared.TenantSwitch;
import org.vigil.shared.UserId;
import org.vigil.support.IntegrationTest;

/**
 * Acting for another organisation inside a running transaction: row-level security sees that organisation for the
 * duration, then the caller's own again, also when the work fails; without a transaction the work gets its own.
 */
@IntegrationTest
class TenantSwitchTests {

    private static final OrganisationId HOSPITAL = OrganisationId.random();
    private static final OrganisationId MANUFACTURER = OrganisationId.random();

    @Autowired
    TenantSwitch tenants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private String actingOrganisation() {
        return jdbc.sql("SELECT current_setting('vigil.org_id', true)").query(String.class).single();
    }

    @Test
    void inside_a_transaction_the_other_organisation_acts_for_the_work_and_the_caller_again_afterwards() {
        var seen = Tenancy.callAs(Actor.system(HOSPITAL, "test"), () -> new TransactionTemplate(transactionManager)
                .execute(status -> {
                    String during = tenants.callAs(Actor.system(MANUFACTURER, "test"), this::actingOrganisation);
                    return new String[] { during, actingOrganisation() };
                }));

        assertThat(seen).containsExactly(MANUFACTURER.toString(), HOSPITAL.toString());
    }

    @Test
    void the_transactions_own_settings_come_back_even_when_another_actor_is_bound_by_then() {
        var person = new Actor(UserId.random(), "Anna Virtanen", HOSPITAL, Actor.Scope.TENANT);
        var seen = Tenancy.callAs(person, () -> new TransactionTemplate(transactionManager).execute(status ->
                // As a listener acting for the system of the same hospital does, inside the person's transaction.
                Tenancy.callAs(Actor.system(HOSPITAL, "case opening"), () -> {
                    tenants.callAs(Actor.system(MANUFACTURER, "test"), this::actingOrganisation);
                    return jdbc.sql("SELECT current_setting('vigil.user_id', true)").query(String.class).single();
                })));

        assertThat(seen).isEqualTo(person.userId().toString());
    }

    @Test
    void when_the_work_fails_the_caller_acts_again_and_the_failure_is_what_is_thrown() {
        String after = Tenancy.callAs(Actor.system(HOSPITAL, "test"), () -> new TransactionTemplate(transactionManager)
                .execute(status -> {
                    assertThatThrownBy(() -> tenants.callAs(Actor.system(MANUFACTURER, "test"), () -> {
                        throw new IllegalArgumentException("refused");
                    })).isInstanceOf(IllegalArgumentException.class).hasMessage("refused");
                    return actingOrganisation();
                }));

        assertThat(after).isEqualTo(HOSPITAL.toString());
    }

    @Test
    void without_a_transaction_the_work_runs_in_its_own_as_the_other_organisation() {
        assertThat(tenants.callAs(Actor.system(MANUFACTURER, "test"), this::actingOrganisation))
                .isEqualTo(MANUFACTURER.toString());
    }
}
