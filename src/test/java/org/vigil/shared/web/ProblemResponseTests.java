package org.vigil.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
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
 * Every API error is {@code application/problem+json} (RFC 9457) with type, title, status, detail and, for invalid
 * input, one entry per invalid field; never a 500 for bad input.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ProblemResponseTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;

    @Test
    void invalid_input_lists_every_invalid_field() throws Exception {
        var admin = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.ORGANISATION_ADMIN);
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"nope\",\"roles\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:invalid-input"))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("email", "displayName",
                        "roles")));
    }

    @Test
    void a_value_of_the_wrong_type_names_its_field() throws Exception {
        var admin = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.ORGANISATION_ADMIN);
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@b.example\",\"displayName\":\"A\",\"roles\":[\"SURGEON\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(Matchers.startsWith("roles")));
    }

    @Test
    void malformed_json_is_a_400_not_a_500() throws Exception {
        var admin = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.ORGANISATION_ADMIN);
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void an_id_that_is_not_a_uuid_names_the_path_variable() throws Exception {
        var admin = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.ORGANISATION_ADMIN);
        mvc.perform(get("/api/v1/users/not-a-uuid").header("Authorization", "Bearer " + admin.token()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    @Test
    void a_missing_record_is_a_404_problem() throws Exception {
        var admin = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.ORGANISATION_ADMIN);
        mvc.perform(get("/api/v1/users/" + UUID.randomUUID()).header("Authorization", "Bearer " + admin.token()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:not-found"));
    }

    @Test
    void an_unknown_api_address_is_a_404_problem() throws Exception {
        var admin = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.ORGANISATION_ADMIN);
        mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + admin.token()))
                .andExpect(status().isNotFound());
    }

    @Test
    void an_unauthenticated_api_call_is_a_401_problem_with_a_bearer_challenge() throws Exception {
        mvc.perform(get("/api/v1/account"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:unauthenticated"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("WWW-Authenticate", Matchers.startsWith("Bearer")));
        mvc.perform(get("/api/v1/account").header("Authorization", "Bearer vgl_not-a-real-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_forbidden_api_call_is_a_403_problem() throws Exception {
        var reporter = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.REPORTER);
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + reporter.token()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:forbidden"));
    }

    @Test
    void health_shows_only_the_status_to_the_public() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void the_openapi_description_lists_the_rest_api() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/users']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/audit/verifications']").exists());
    }
}
