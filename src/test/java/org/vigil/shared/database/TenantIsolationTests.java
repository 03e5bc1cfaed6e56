package org.vigil.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * The second wall of tenant isolation: PostgreSQL row-level security, forced on every table holding an
 * organisation's data, with the tenant set per transaction. These tests use SQL directly, the way a bug that
 * forgot a WHERE clause would, and show the database still refuses.
 */
@IntegrationTest
class TenantIsolationTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TestData testData;

    @Test
    void the_application_role_owns_nothing_is_no_superuser_and_cannot_bypass_row_level_security() {
        var facts = jdbc.sql("""
                SELECT r.rolsuper, r.rolbypassrls,
                       (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) AS owned
                  FROM pg_roles r WHERE r.rolname = current_user
                """).query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getLong(3) > 0)).single();
        assertThat(facts).containsExactly(false, false, false);
    }

    @Test
    void every_table_with_organisation_data_forces_row_level_security() {
        assertThat(RuntimeRoleGuard.unprotectedTenantTables(jdbc)).isEmpty();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'vigil' AND c.relkind = 'r' AND c.relforcerowsecurity
                """).query(Long.class).single()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void without_an_actor_a_query_sees_no_organisations_people() {
        var organisation = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        testData.person(organisation, Role.REPORTER);
        long visible = transactions.execute(status -> jdbc.sql("SELECT count(*) FROM user_account")
                .query(Long.class).single());
        assertThat(visible).isZero();
    }

    @Test
    void a_query_without_a_where_clause_still_sees_only_the_acting_organisations_people() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var reporter = testData.person(hospital, Role.REPORTER);
        testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        List<UUID> seen = Tenancy.callAs(reporter.principal().actor(), () -> transactions.execute(status ->
                jdbc.sql("SELECT DISTINCT org_id FROM user_account").query(UUID.class).list()));
        assertThat(seen).containsExactly(hospital.id().value());
    }

    @Test
    void an_organisation_cannot_write_rows_into_another_organisations_data() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var other = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        assertThatThrownBy(() -> Tenancy.callAs(admin.principal().actor(), () -> transactions.execute(status ->
                jdbc.sql("""
                        INSERT INTO user_account (id, org_id, email, display_name, status)
                        VALUES (?, ?, 'intruder@test.example', 'Intruder', 'ACTIVE')
                        """).params(UUID.randomUUID(), other.id().value()).update())))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void the_application_cannot_alter_delete_or_truncate_the_audit_trail() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        testData.person(hospital, Role.REPORTER);
        Actor platform = Actor.platform("test");
        for (String statement : List.of("UPDATE audit_entry SET reason = 'rewritten'", "DELETE FROM audit_entry",
                "TRUNCATE audit_entry")) {
            assertThatThrownBy(() -> Tenancy.callAs(platform, () -> transactions.execute(status ->
                    jdbc.sql(statement).update())))
                    .as(statement)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining("permission denied");
        }
    }

    @Test
    void the_application_cannot_read_password_hashes() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        testData.person(hospital, Role.REPORTER);
        assertThatThrownBy(() -> Tenancy.callAs(Actor.platform("test"), () -> transactions.execute(status ->
                jdbc.sql("SELECT password_hash FROM user_credential").query(String.class).list())))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void users_are_never_deleted() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var person = testData.person(hospital, Role.REPORTER);
        assertThatThrownBy(() -> Tenancy.callAs(Actor.platform("test"), () -> transactions.execute(status ->
                jdbc.sql("DELETE FROM user_account WHERE id = ?").param(person.principal().userId().value())
                        .update())))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void the_tenant_is_forgotten_when_the_transaction_ends_so_the_pooled_connection_carries_nothing_over()
            throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var reporter = testData.person(hospital, Role.REPORTER);
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var set = connection.prepareStatement("SELECT set_config('vigil.org_id', ?, true)")) {
                set.setString(1, reporter.principal().organisationId().toString());
                set.execute();
            }
            connection.commit();
            try (var read = connection.prepareStatement("SELECT current_setting('vigil.org_id', true)");
                    var rows = read.executeQuery()) {
                rows.next();
                assertThat(rows.getString(1)).isNullOrEmpty();
            }
            connection.setAutoCommit(true);
        }
    }
}
