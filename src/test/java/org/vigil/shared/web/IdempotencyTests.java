package org.vigil.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * Creating API requests honour {@code Idempotency-Key}: a retried request creates nothing new and returns the first
 * answer; the same key with a different body is refused with 422; failed requests can be retried.
 */
@IntegrationTest
@AutoConfigureMockMvc
class IdempotencyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;

    @Test
    void the_same_key_with_the_same_body_returns_the_first_result_and_creates_nothing_new() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        String key = UUID.randomUUID().toString();
        String body = invitation("same-" + key + "@test.example");
        var first = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin.token())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse();
        var second = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin.token())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse();
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(second.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + admin.token()))
                .andExpect(jsonPath("$[?(@.email == 'same-" + key + "@test.example')]").value(
                        org.hamcrest.Matchers.hasSize(1)));
    }

    @Test
    void the_same_key_with_a_different_body_is_refused_with_422() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin.token())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(invitation("a-" + key + "@test.example")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin.token())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(invitation("b-" + key + "@test.example")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:idempotency-key-reused"));
    }

    @Test
    void a_refused_request_stores_nothing_so_the_corrected_request_can_reuse_the_key() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin.token())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(invitation("not an address")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin.token())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(invitation("fixed-" + key + "@test.example")))
                .andExpect(status().isCreated());
    }

    @Test
    void keys_belong_to_their_user_so_another_user_may_use_the_same_key() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var first = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var second = testData.person(hospital, Role.ORGANISATION_ADMIN);
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + first.token())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(invitation("one-" + key + "@test.example")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + second.token())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(invitation("two-" + key + "@test.example")))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
    }

    @Test
    void an_unusable_key_is_refused_naming_the_header() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin.token())
                        .header("Idempotency-Key", "x".repeat(300)).contentType(MediaType.APPLICATION_JSON)
                        .content(invitation("long@test.example")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Idempotency-Key")));
    }

    private static String invitation(String email) {
        return """
                {"email": "%s", "displayName": "Anna Invited", "roles": ["REPORTER"]}
                """.formatted(email);
    }
}
