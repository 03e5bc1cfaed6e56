package org.vigil.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.audit.AuditEntry;
import org.vigil.audit.AuditTrail;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * Sign-in with e-mail and password: lockout after repeated failures (audited), deactivated accounts refused, CSRF
 * required, pages carry the CSRF meta tags for htmx (21 CFR 11.300(d), 11.10(d)).
 */
@IntegrationTest
@AutoConfigureMockMvc
class SignInTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;
    @Autowired
    AuditTrail audit;
    @Autowired
    UserManagement users;

    @Test
    void a_person_signs_in_with_e_mail_address_and_password_in_any_letter_case() throws Exception {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        mvc.perform(formLogin("/login").user("email", person.email().toUpperCase()).password(TestData.PASSWORD))
                .andExpect(authenticated().withUsername(person.principal().toString()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void a_wrong_password_fails_without_saying_whether_the_address_exists() throws Exception {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        mvc.perform(formLogin("/login").user("email", person.email()).password("wrong password here"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("email", "nobody@nowhere.example").password("wrong password here"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void three_failures_in_a_row_lock_the_account_even_for_the_right_password_and_the_lockout_is_audited_CFR_11_300_d()
            throws Exception {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        for (int attempt = 0; attempt < 3; attempt++) {
            mvc.perform(formLogin("/login").user("email", person.email()).password("not the password " + attempt))
                    .andExpect(unauthenticated());
        }
        mvc.perform(formLogin("/login").user("email", person.email()).password(TestData.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        var history = testData.as(person.principal(), () -> audit.history(RecordRef.of("user",
                person.principal().userId().value())));
        assertThat(history).extracting(AuditEntry::action)
                .containsSubsequence("user.sign-in-failed", "user.sign-in-failed", "user.sign-in-failed",
                        "user.locked-out");
    }

    @Test
    void a_successful_sign_in_resets_the_failure_count_and_is_audited() throws Exception {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        for (int round = 0; round < 2; round++) {
            mvc.perform(formLogin("/login").user("email", person.email()).password("wrong one"));
            mvc.perform(formLogin("/login").user("email", person.email()).password("wrong two"));
            mvc.perform(formLogin("/login").user("email", person.email()).password(TestData.PASSWORD))
                    .andExpect(authenticated());
        }
        var history = testData.as(person.principal(), () -> audit.history(RecordRef.of("user",
                person.principal().userId().value())));
        assertThat(history).extracting(AuditEntry::action).contains("user.signed-in")
                .doesNotContain("user.locked-out");
    }

    @Test
    void a_deactivated_person_cannot_sign_in() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var person = testData.person(hospital, Role.REPORTER);
        testData.as(admin.principal(), () -> users.deactivate(person.principal().userId(), "Left the hospital"));
        mvc.perform(formLogin("/login").user("email", person.email()).password(TestData.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?deactivated"));
    }

    @Test
    void signing_in_without_the_csrf_token_is_refused() throws Exception {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        mvc.perform(post("/login").param("email", person.email()).param("password", TestData.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void pages_carry_the_csrf_meta_tags_that_htmx_requests_use() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<meta name=\"_csrf\" content=\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"")));
    }

    @Test
    void pages_forbid_framing_and_inline_scripts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void signing_out_needs_a_post_with_the_csrf_token() throws Exception {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        var session = mvc.perform(formLogin("/login").user("email", person.email()).password(TestData.PASSWORD))
                .andReturn().getRequest().getSession(false);
        mvc.perform(post("/logout").session((org.springframework.mock.web.MockHttpSession) session).with(csrf()))
                .andExpect(redirectedUrl("/login?signedOut"));
    }
}
