package org.vigil.mir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.vigil.casework.CaseWorld;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incident reports through the real security chain: REST answers are problem+json naming the form field, a hostile
 * file is refused naming the file, the editor keeps what was typed beside the message, and the hospital gets 404.
 */
@IntegrationTest
@AutoConfigureMockMvc
class MirWebTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseWorld world;
    @Autowired
    MirReports reports;
    @Autowired
    TestData testData;
    @Autowired
    MirWorld mirWorld;

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, TestData.Person person,
            Object body) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + person.token()).accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
    }

    @Test
    void over_rest_a_report_starts_its_values_read_back_and_an_unreadable_date_is_a_problem_naming_the_field()
            throws Exception {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        var created = mvc.perform(json(post("/api/v1/cases/{id}/mir-reports", opened.id().value()),
                parties.vigilance(), Map.of("type", "INITIAL")).header("Idempotency-Key", "mir-start-1"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.versions[0].version").value(1))
                .andReturn().getResponse().getContentAsString();
        String id = JSON.readTree(created).get("id").asString();

        mvc.perform(json(get("/api/v1/mir-reports/{id}/versions/1", id), parties.vigilance(), Map.of()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.values['admin_info/reportType']").value("Initial"))
                .andExpect(jsonPath("$.missing[*].xpath", hasItem("/incident/mfr_invest/manufacturersPrelimAnalysis")));

        mvc.perform(json(post("/api/v1/mir-reports/{id}/versions", id), parties.vigilance(), Map.of("basedOn", 1,
                "values", Map.of("admin_info/reportType", "Initial", "admin_info/reportDate", "next Tuesday"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("admin_info/reportDate"));

        String hostile = "<!DOCTYPE incident [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><incident version=\"7.3.1\">"
                + "<admin_info><ncaName>&e;</ncaName></admin_info></incident>";
        mvc.perform(post("/api/v1/mir-reports/{id}/versions/import", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + parties.vigilance().token())
                .contentType(MediaType.APPLICATION_XML).content(hostile.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));

        mvc.perform(json(get("/api/v1/mir-reports/{id}", id), parties.safetyOfficer(), Map.of()))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_editor_keeps_what_was_typed_and_shows_the_message_beside_the_field() throws Exception {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        var principal = parties.vigilance().principal();
        var report = testData.as(principal, () -> reports.start(opened.id(), MirReportType.INITIAL));
        mvc.perform(post("/mir/{id}", report.id().value()).with(csrf())
                .with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        principal.authorities())))
                .param("basedOn", "1").param("admin_info/reportType", "Initial")
                .param("admin_info/mfrAwarenessDate", "yesterday")
                .param("mfr_invest/manufacturersPrelimAnalysis", "Motor stall found in the log"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Motor stall found in the log")))
                .andExpect(content().string(containsString("admin_info/mfrAwarenessDate-problem")));
        mvc.perform(get("/mir/{id}", report.id().value())
                .with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        principal.authorities()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"missing\"")));
    }

    @Test
    void a_submission_to_an_authority_no_obligation_names_is_recorded_with_the_typed_country_MDR_87() throws Exception {
        var s = mirWorld.aReportableDeath();
        var report = mirWorld.asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        mirWorld.asOfficer(s, () -> reports.save(report.id(), MirReportsTests.completeInitialValues(reports), 1, null));
        mirWorld.asOfficer(s, () -> reports.approve(report.id(), 2, TestData.PASSWORD));
        var principal = s.parties().vigilance().principal();
        var signedIn = authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));

        mvc.perform(post("/mir/{id}/submissions", report.id().value()).with(csrf()).with(signedIn)
                .param("recipient", "OTHER").param("otherCountry", "Austria").param("channel", "EMAIL_PACKAGE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("country-problem")));
        mvc.perform(post("/mir/{id}/submissions", report.id().value()).with(csrf()).with(signedIn)
                .param("recipient", "OTHER").param("otherCountry", "at").param("channel", "EMAIL_PACKAGE"))
                .andExpect(status().is3xxRedirection());
        var submissions = mirWorld.asOfficer(s, () -> reports.find(report.id())).submissions();
        assertThat(submissions).singleElement().satisfies(submission -> {
            assertThat(submission.country()).isEqualTo("AT");
            assertThat(submission.obligations()).isEmpty();
        });
    }
}
