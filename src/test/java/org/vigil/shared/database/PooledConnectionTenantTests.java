package org.vigil.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.organisation.OrganisationView;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.TestData;
import org.vigil.support.TestData.Person;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant of one request never reaches the next one, even when both run on the very same database connection.
 * The application's pool here holds exactly one connection, so every request of organisation A and of
 * organisation B (and of a platform administrator, whose platform scope would be the most dangerous thing to leave
 * behind) passes through it in turn. After each request the connection, taken straight from the pool outside any
 * transaction, carries no organisation, user or scope and shows no one's people; and a transaction with no actor sees
 * no one's people either.
 *
 * <p>Regulatory source: 21 CFR 11.10(d), access to records limited to authorised individuals; a tenant setting left
 * on a pooled connection would hand one organisation's records to whoever uses the connection next.
 *
 * <p>The deadline reminder sweep is off here: it sends each reminder's notice in a transaction of its own while it
 * holds the reminder's, which a pool of one cannot serve, and it would take the one connection from under the test.
 */
@SpringBootTest(properties = { "vigil.db.pool-size=1", "vigil.deadlines.schedule=false" })
@Import(TestData.class)
@AutoConfigureMockMvc
class PooledConnectionTenantTests {

    private static final int ROUNDS = 15;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    HikariDataSource pool;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData testData;

    /** An organisation, its administrator and its other member, as the test calls them. */
    record Organisation(OrganisationView view, Person admin, Person member) {

        Set<String> emails() {
            return Set.of(admin.email(), member.email());
        }

        List<Person> people() {
            return List.of(admin, member);
        }
    }

    /** The state of the single pooled connection, read outside any transaction. */
    record ConnectionState(int backendPid, String organisation, String user, String scope, long visiblePeople) {
    }

    @Test
    void alternating_requests_of_two_organisations_on_one_pooled_connection_each_see_only_their_own_people()
            throws Exception {
        assertThat(pool.getMaximumPoolSize()).as("the pool holds exactly one connection").isEqualTo(1);
        var hospital = organisation(OrganisationKind.HEALTHCARE_ORGANISATION, Role.REPORTER);
        var manufacturer = organisation(OrganisationKind.MANUFACTURER, Role.VIGILANCE_OFFICER);
        var platformAdmin = testData.person(testData.organisation(OrganisationKind.PLATFORM_OPERATOR),
                Role.PLATFORM_ADMIN);
        int connection = connectionState().backendPid();

        for (int round = 1; round <= ROUNDS; round++) {
            for (var organisation : List.of(hospital, manufacturer)) {
                for (var person : organisation.people()) {
                    Map<String, Object> account = getJson("/api/v1/account", person);
                    assertThat(account.get("email")).as("round %d: who %s is", round, person.email())
                            .isEqualTo(person.email());
                    assertThat(idOf(account.get("organisationId"))).as("round %d: %s's organisation", round,
                            person.email()).isEqualTo(organisation.view().id().value().toString());
                    assertConnectionCarriesNoTenant(connection);
                }
                assertThat(emailsOf(getJson("/api/v1/users", organisation.admin())))
                        .as("round %d: the members %s's administrator sees", round, organisation.view().name())
                        .containsExactlyInAnyOrderElementsOf(organisation.emails());
                assertConnectionCarriesNoTenant(connection);
            }
            // Platform scope, legitimately reading another organisation, must not stay on the connection either.
            assertThat(emailsOf(getJson("/api/v1/users?organisation=" + manufacturer.view().id(), platformAdmin)))
                    .as("round %d: the platform administrator reads the manufacturer's members", round)
                    .containsExactlyInAnyOrderElementsOf(manufacturer.emails());
            assertConnectionCarriesNoTenant(connection);
        }
    }

    @Test
    void after_requests_a_transaction_with_no_actor_sees_no_people_and_no_organisation() throws Exception {
        var hospital = organisation(OrganisationKind.HEALTHCARE_ORGANISATION, Role.DEVICE_SAFETY_OFFICER);
        var authority = organisation(OrganisationKind.COMPETENT_AUTHORITY, Role.AUTHORITY_REVIEWER);
        for (var organisation : List.of(hospital, authority, hospital, authority)) {
            assertThat(emailsOf(getJson("/api/v1/users", organisation.admin())))
                    .containsExactlyInAnyOrderElementsOf(organisation.emails());
        }
        var seen = transactions.execute(status -> jdbc.sql("""
                SELECT (SELECT count(*) FROM user_account), coalesce(current_setting('vigil.org_id', true), ''),
                       pg_backend_pid()
                """).query((rs, n) -> List.of(rs.getLong(1), rs.getString(2), rs.getInt(3))).single());
        assertThat(seen.get(0)).as("people visible to a transaction with no actor").isEqualTo(0L);
        assertThat(seen.get(1)).as("vigil.org_id inside a transaction with no actor").isEqualTo("");
        var bare = connectionState();
        assertThat(seen.get(2)).as("the transaction ran on the pool's only connection").isEqualTo(bare.backendPid());
        assertThat(bare.organisation()).as("vigil.org_id left on the bare connection").isNullOrEmpty();
        assertThat(bare.visiblePeople()).as("people visible on the bare connection").isZero();
    }

    private void assertConnectionCarriesNoTenant(int expectedConnection) throws SQLException {
        var state = connectionState();
        assertThat(state.backendPid()).as("the pool's only connection").isEqualTo(expectedConnection);
        assertThat(state.organisation()).as("vigil.org_id left on the connection").isNullOrEmpty();
        assertThat(state.user()).as("vigil.user_id left on the connection").isNullOrEmpty();
        assertThat(state.scope()).as("vigil.scope left on the connection").isNullOrEmpty();
        assertThat(state.visiblePeople()).as("people visible on the bare connection").isZero();
        long inTransaction = transactions.execute(status -> jdbc.sql("SELECT count(*) FROM user_account")
                .query(Long.class).single());
        assertThat(inTransaction).as("people visible to a transaction with no actor").isZero();
    }

    /** Reads the pooled connection as it is between requests: no transaction, so no transaction manager either. */
    private ConnectionState connectionState() throws SQLException {
        try (var connection = pool.getConnection();
                var statement = connection.prepareStatement("""
                        SELECT pg_backend_pid(), current_setting('vigil.org_id', true),
                               current_setting('vigil.user_id', true), current_setting('vigil.scope', true),
                               (SELECT count(*) FROM user_account)
                        """);
                var rows = statement.executeQuery()) {
            assertThat(connection.getAutoCommit()).as("the connection is handed out outside a transaction").isTrue();
            rows.next();
            return new ConnectionState(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4),
                    rows.getLong(5));
        }
    }

    private Organisation organisation(OrganisationKind kind, Role memberRole) {
        var view = testData.organisation(kind);
        return new Organisation(view, testData.person(view, Role.ORGANISATION_ADMIN),
                testData.person(view, memberRole));
    }

    private <T> T getJson(String path, Person person) throws Exception {
        var response = mvc.perform(MockMvcRequestBuilders.get(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + person.token())
                        .accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as("GET %s as %s", path, person.email()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        T body = (T) JSON.readValue(response.getContentAsString(StandardCharsets.UTF_8), Object.class);
        return body;
    }

    private static List<String> emailsOf(List<Map<String, Object>> users) {
        return users.stream().map(user -> (String) user.get("email")).toList();
    }

    /** An id as the API writes it: the plain UUID string. */
    private static String idOf(Object id) {
        return (String) id;
    }
}
