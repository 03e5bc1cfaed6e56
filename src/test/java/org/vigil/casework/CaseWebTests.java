package org.vigil.casework;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.VigilPrincipal;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case over REST and as pages, through the real security chain: problem+json naming the field, a hospital's
 * internal note never in the manufacturer's answers, another manufacturer answered 404, and the inbox's filters.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CaseWebTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseWorld world;
    @Autowired
    TestData testData;

    static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, TestData.Person person) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + person.token()).accept(MediaType.APPLICATION_JSON);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, TestData.Person person,
            Object body) {
        return api(request, person).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
    }

    static RequestPostProcessor as(VigilPrincipal principal) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
    }

    @Test
    void over_rest_a_hospital_internal_note_never_reaches_the_manufacturer_and_another_manufacturer_gets_404()
            throws Exception {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        String base = "/api/v1/cases/" + opened.id();
        mvc.perform(json(post(base + "/internal-notes"), parties.safetyOfficer(),
                Map.of("text", "Hospital only: legal hold on the pump"))).andExpect(status().isCreated());
        mvc.perform(json(post(base + "/messages"), parties.safetyOfficer(), Map.of("text", "Pump kept for you")))
                .andExpect(status().isCreated());

        mvc.perform(api(get(base + "/timeline"), parties.vigilance())).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].body", hasItem("Pump kept for you")))
                .andExpect(content().string(not(containsString("legal hold"))));
        mvc.perform(api(get(base + "/timeline"), parties.reporter())).andExpect(status().isOk())
                .andExpect(content().string(containsString("legal hold")));

        var stranger = testData.person(testData.organisation(OrganisationKind.MANUFACTURER), Role.VIGILANCE_OFFICER);
        mvc.perform(api(get(base), stranger)).andExpect(status().isNotFound());
        mvc.perform(api(get(base + "/timeline"), stranger)).andExpect(status().isNotFound());
        mvc.perform(json(post(base + "/messages"), stranger, Map.of("text", "hello"))).andExpect(status().isNotFound());
        mvc.perform(api(get("/api/v1/cases/" + UUID.randomUUID()), stranger)).andExpect(status().isNotFound());
    }

    @Test
    void over_rest_the_manufacturer_works_the_case_and_bad_input_names_the_field() throws Exception {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        String base = "/api/v1/cases/" + opened.id();

        mvc.perform(json(post(base + "/status"), parties.vigilance(), Map.of("status", "CLOSED")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(json(post(base + "/status"), parties.safetyOfficer(), Map.of("status", "UNDER_INVESTIGATION")))
                .andExpect(status().isForbidden());
        mvc.perform(json(post(base + "/status"), parties.vigilance(), Map.of("status", "UNDER_INVESTIGATION")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNDER_INVESTIGATION"));
        mvc.perform(json(post(base + "/interim-advice"), parties.vigilance(), Map.of("advice", "STOP_USING")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(json(post(base + "/interim-advice"), parties.vigilance(),
                Map.of("advice", "STOP_USING", "text", "Stop until the sensor is replaced.")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.interimAdvice").value("STOP_USING"));

        mvc.perform(json(post(base + "/device-return/request"), parties.vigilance(), Map.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("instructions"));
        mvc.perform(json(post(base + "/device-return/request"), parties.vigilance(),
                Map.of("instructions", "Use the prepaid box."))).andExpect(status().isOk())
                .andExpect(jsonPath("$.deviceReturn.state").value("REQUESTED"));
        mvc.perform(json(post(base + "/device-return/ship"), parties.safetyOfficer(),
                Map.of("trackingReference", "JJD0001"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.deviceReturn.state").value("SHIPPED"));
        mvc.perform(json(post(base + "/device-return/teleport"), parties.vigilance(), Map.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("step"));
        mvc.perform(json(post(base + "/device-return/receive"), parties.vigilance(), Map.of()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deviceReturn.state").value("RECEIVED"));

        mvc.perform(json(post(base + "/assignee"), parties.vigilance(),
                Map.of("assignee", parties.complaints().principal().userId().value())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.assigneeName")
                        .value(parties.complaints().principal().displayName()));
        mvc.perform(json(post(base + "/outcome"), parties.vigilance(), Map.of("outcome", "Confirmed")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rootCause"));

        mvc.perform(api(get("/api/v1/cases").param("assignee", parties.complaints().principal().userId().toString()),
                parties.vigilance())).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].reference", hasItem(opened.reference())));
    }

    @Test
    void a_complaint_is_created_once_for_one_idempotency_key_and_bad_input_names_each_field() throws Exception {
        var parties = world.parties();
        mvc.perform(json(post("/api/v1/complaints"), parties.complaints(), Map.of("device", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("source")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("device")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("description")));
        var body = Map.of("source", "EMAIL", "device", "Acme pump P1", "description", "Alarm too quiet.");
        String first = mvc.perform(json(post("/api/v1/complaints"), parties.complaints(), body)
                .header("Idempotency-Key", "complaint-" + UUID.randomUUID().toString().substring(0, 8) + "-a"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String key = "complaint-" + UUID.randomUUID();
        String once = mvc.perform(json(post("/api/v1/complaints"), parties.complaints(), body)
                .header("Idempotency-Key", key)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        String again = mvc.perform(json(post("/api/v1/complaints"), parties.complaints(), body)
                .header("Idempotency-Key", key)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(once).isNotEqualTo(first);
        mvc.perform(api(get("/api/v1/cases").param("origin", "COMPLAINT"), parties.vigilance()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
        mvc.perform(json(post("/api/v1/complaints"), parties.reporter(), body)).andExpect(status().isForbidden());
    }

    @Test
    void the_pages_show_one_timeline_the_advice_prominently_and_keep_what_was_typed_on_error() throws Exception {
        var parties = world.parties();
        var report = world.submitReport(parties, false);
        var opened = world.caseOf(report, parties.vigilance());
        var hospital = as(parties.safetyOfficer().principal());
        var maker = as(parties.vigilance().principal());

        mvc.perform(get("/cases/by-report/" + report.id()).with(hospital))
                .andExpect(redirectedUrl("/cases/" + opened.id()));
        mvc.perform(post("/cases/" + opened.id() + "/internal-notes").with(hospital).with(csrf())
                .param("text", "Our secret note")).andExpect(redirectedUrl("/cases/" + opened.id()));
        mvc.perform(post("/cases/" + opened.id() + "/interim-advice").with(maker).with(csrf())
                .param("advice", "QUARANTINE").param("text", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Explain the advice to the hospital.")));
        mvc.perform(post("/cases/" + opened.id() + "/interim-advice").with(maker).with(csrf())
                .param("advice", "QUARANTINE").param("text", "Keep lot LOT42 aside."))
                .andExpect(redirectedUrl("/cases/" + opened.id()));

        mvc.perform(get("/cases/" + opened.id()).with(hospital)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Is it still safe to use?")))
                .andExpect(content().string(containsString("Keep lot LOT42 aside.")))
                .andExpect(content().string(containsString("Our secret note")))
                .andExpect(content().string(containsString("The pump stopped without alarm")));
        mvc.perform(get("/cases/" + opened.id()).with(maker)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Our secret note"))))
                .andExpect(content().string(containsString("Work the case")));

        mvc.perform(get("/inbox").with(maker)).andExpect(status().isOk())
                .andExpect(content().string(containsString(opened.reference())));
        mvc.perform(get("/inbox").param("origin", "COMPLAINT").with(maker)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(opened.reference()))));
        mvc.perform(get("/cases").with(hospital)).andExpect(status().isOk())
                .andExpect(content().string(containsString(opened.reference())));

        mvc.perform(post("/complaints").with(as(parties.complaints().principal())).with(csrf())
                .param("source", "PHONE").param("device", "").param("description", "Typed text survives"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Typed text survives")))
                .andExpect(content().string(containsString("Scan the device")));
        mvc.perform(get("/complaints/new").with(maker)).andExpect(status().isOk());
    }
}
