package org.vigil.portal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.organisation.NewUser;
import org.vigil.organisation.UserManagement;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.VigilPrincipal;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * The pages people use: each dashboard shows the panels for the viewer's roles, refused forms keep what was typed
 * and name the field, and the audit pages render.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;
    @Autowired
    UserManagement users;

    @Test
    void a_reporters_dashboard_shows_their_role_and_organisation_but_no_administration() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var reporter = testData.person(hospital, Role.REPORTER);
        mvc.perform(get("/").with(as(reporter.principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Welcome, " + reporter.principal().displayName()),
                        containsString("Reporter"), containsString(hospital.name()),
                        not(containsString("href=\"/admin/users\"")), not(containsString("Recent changes")))));
    }

    @Test
    void an_organisation_administrators_dashboard_counts_the_people_and_offers_an_invitation() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        mvc.perform(get("/").with(as(admin.principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("People of your organisation"),
                        containsString("1 active, 0 invited, 0 deactivated"), containsString("href=\"/admin/users\""),
                        containsString("Recent changes"))));
    }

    @Test
    void a_platform_administrators_dashboard_counts_organisations_by_kind() throws Exception {
        var platform = testData.organisation(OrganisationKind.PLATFORM_OPERATOR);
        var operator = testData.person(platform, Role.PLATFORM_ADMIN);
        mvc.perform(get("/").with(as(operator.principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Organisations on this platform"),
                        containsString("href=\"/admin/organisations\""), containsString("href=\"/admin/audit\""))));
    }

    @Test
    void a_refused_invitation_keeps_what_was_typed_and_names_the_field() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        mvc.perform(post("/admin/users").with(as(admin.principal())).with(csrf())
                        .param("organisation", hospital.id().toString())
                        .param("displayName", "Tuula Typed").param("email", "not-an-address"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Tuula Typed\""),
                        containsString("value=\"not-an-address\""), containsString("id=\"email-problem\""),
                        containsString("id=\"roles-problem\""), containsString("Please correct the following"))));
    }

    @Test
    void an_invitation_shows_the_one_time_link_once() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        mvc.perform(post("/admin/users").with(as(admin.principal())).with(csrf())
                        .param("organisation", hospital.id().toString()).param("displayName", "Olli Onetime")
                        .param("email", "olli." + System.nanoTime() + "@test.example").param("roles", "REPORTER"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("http://localhost/invitations/"),
                        containsString("shown only now"))));
    }

    @Test
    void a_refused_password_change_names_each_field() throws Exception {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        mvc.perform(post("/account/password").with(as(person.principal())).with(csrf())
                        .param("currentPassword", "wrong").param("newPassword", "short").param("confirmation", "other"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"currentPassword-problem\""),
                        containsString("id=\"newPassword-problem\""), containsString("id=\"confirmation-problem\""))));
    }

    @Test
    void the_invitation_page_lets_the_invited_person_choose_a_password_and_sends_them_to_sign_in() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var invited = testData.asPlatform(() -> users.invite(hospital.id(), new NewUser(
                "page." + System.nanoTime() + "@test.example", "Paula Page", Set.of(Role.REPORTER))));
        mvc.perform(get(invited.link().path()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Paula Page"), containsString(hospital.name()))));
        mvc.perform(post(invited.link().path()).with(csrf()).param("password", "tiny").param("confirmation", "tiny"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"password-problem\"")));
        mvc.perform(post(invited.link().path()).with(csrf()).param("password", "a sunny day by the lake")
                        .param("confirmation", "a sunny day by the lake"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get(invited.link().path()))
                .andExpect(content().string(containsString("can no longer be used")));
    }

    @Test
    void an_unknown_one_time_link_is_not_found() throws Exception {
        mvc.perform(get("/invitations/no-such-token")).andExpect(status().isNotFound());
    }

    @Test
    void a_persons_history_page_shows_who_changed_what_when_and_why() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var person = testData.person(hospital, Role.REPORTER, Role.DEVICE_SAFETY_OFFICER);
        testData.as(admin.principal(), () -> users.withdrawRole(person.principal().userId(),
                Role.DEVICE_SAFETY_OFFICER, "Rotation to the emergency department"));
        mvc.perform(get("/history/user/" + person.principal().userId()).with(as(admin.principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Role withdrawn"),
                        containsString("Rotation to the emergency department"),
                        containsString(admin.principal().displayName()), containsString("UTC"))));
    }

    @Test
    void the_chain_check_answers_htmx_with_the_result_fragment_only() throws Exception {
        var platform = testData.organisation(OrganisationKind.PLATFORM_OPERATOR);
        var operator = testData.person(platform, Role.PLATFORM_ADMIN);
        mvc.perform(post("/admin/audit/verification").with(as(operator.principal())).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"verification\""),
                        not(containsString("<html")))));
        mvc.perform(post("/admin/audit/verification").with(as(operator.principal())).with(csrf())
                        .param("expect", "not an anchor").header("HX-Request", "true"))
                .andExpect(content().string(containsString("alert-danger")));
    }

    private static RequestPostProcessor as(VigilPrincipal principal) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
    }
}
