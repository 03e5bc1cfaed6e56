package org.vigil.organisation.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.organisation.Accounts;
import org.vigil.organisation.OrganisationDetails;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.persistence.LinkAndTokenRecords;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.SecretToken;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * API tokens are resolved from memory for a few seconds ({@link ApiTokenPrincipals}), yet a revocation, a
 * deactivation or a role change made in Vigil applies to the very next request (21 CFR 11.10(d)).
 */
@IntegrationTest
@AutoConfigureMockMvc
class ApiTokenCacheTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;
    @Autowired
    Accounts accounts;
    @Autowired
    UserManagement users;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    LinkAndTokenRecords tokenRecords;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApiTokenPrincipals recentTokens;

    @Test
    void a_token_works_on_consecutive_requests_the_second_served_from_memory() throws Exception {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);

        account(person.token()).andExpect(status().isOk());
        assertThat(recentTokens.remembers(SecretToken.hash(person.token()))).isTrue();
        account(person.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(person.email()));
    }

    @Test
    void a_revoked_token_is_refused_on_the_very_next_request() throws Exception {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        var issued = testData.as(person.principal(), () -> accounts.createToken("integration", 30));
        account(issued.secret()).andExpect(status().isOk());

        testData.as(person.principal(), () -> accounts.revokeToken(issued.token().id()));

        account(issued.secret()).andExpect(status().isUnauthorized());
        account(person.token()).andExpect(status().isOk());
    }

    @Test
    void a_token_revoked_by_another_instance_is_forgotten_here_when_its_holder_revokes_it_again() throws Exception {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        var issued = testData.as(person.principal(), () -> accounts.createToken("integration", 30));
        account(issued.secret()).andExpect(status().isOk());
        // Another Vigil instance on the same database: this one hears no event of it.
        testData.asPlatform(() -> transactions.execute(status -> tokenRecords.revokeAllTokens(
                person.principal().userId())));
        assertThat(recentTokens.remembers(SecretToken.hash(issued.secret()))).isTrue();

        testData.as(person.principal(), () -> accounts.revokeToken(issued.token().id()));

        assertThat(recentTokens.remembers(SecretToken.hash(issued.secret()))).isFalse();
        account(issued.secret()).andExpect(status().isUnauthorized());
    }

    @Test
    void a_deactivated_holder_is_refused_on_the_very_next_request() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var person = testData.person(hospital, Role.REPORTER);
        account(person.token()).andExpect(status().isOk());

        testData.as(admin.principal(), () -> users.deactivate(person.principal().userId(), "Left the hospital"));

        account(person.token()).andExpect(status().isUnauthorized());
    }

    @Test
    void a_granted_or_withdrawn_role_applies_to_the_very_next_request() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var person = testData.person(hospital, Role.REPORTER);
        members(person.token()).andExpect(status().isForbidden());

        testData.as(admin.principal(), () -> users.grantRole(person.principal().userId(), Role.ORGANISATION_ADMIN));
        members(person.token()).andExpect(status().isOk());

        testData.as(admin.principal(), () -> users.withdrawRole(person.principal().userId(),
                Role.ORGANISATION_ADMIN, "Covered for a colleague"));
        members(person.token()).andExpect(status().isForbidden());
    }

    @Test
    void a_renamed_organisation_is_named_anew_on_the_very_next_request() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var person = testData.person(hospital, Role.REPORTER);
        account(person.token()).andExpect(status().isOk());
        assertThat(recentTokens.remembers(SecretToken.hash(person.token()))).isTrue();

        testData.asPlatform(() -> organisations.update(hospital.id(), new OrganisationDetails(hospital.kind(),
                hospital.name() + " renamed", hospital.country(), hospital.srn())));

        assertThat(recentTokens.remembers(SecretToken.hash(person.token()))).isFalse();
    }

    @Test
    void unknown_tokens_are_refused_every_time_and_never_remembered() throws Exception {
        for (int i = 0; i < 20; i++) {
            String guess = SecretToken.generate("vgl_").value();
            account(guess).andExpect(status().isUnauthorized());
            account(guess).andExpect(status().isUnauthorized());
            assertThat(recentTokens.remembers(SecretToken.hash(guess))).isFalse();
        }
    }

    private ResultActions account(String token) throws Exception {
        return mvc.perform(get("/api/v1/account").header("Authorization", "Bearer " + token));
    }

    private ResultActions members(String token) throws Exception {
        return mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token));
    }
}
