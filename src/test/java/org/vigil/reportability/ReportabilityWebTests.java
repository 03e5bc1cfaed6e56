package org.vigil.reportability;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.casework.CaseWorld;
import org.vigil.shared.VigilPrincipal;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reportability page and API through the real security chain: a refused form keeps what was typed and names each
 * field, a signed decision shows its signature and deadlines, the REST answer is problem+json naming the field, and
 * the hospital gets 404.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ReportabilityWebTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseWorld world;

    static RequestPostProcessor as(VigilPrincipal principal) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, TestData.Person person,
            Object body) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + person.token()).accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
    }

    static Map<String, Object> deathBody(String password) {
        var body = new LinkedHashMap<String, Object>();
        body.put("incident", true);
        body.put("seriousOutcomes", List.of("DEATH"));
        body.put("publicHealthThreat", false);
        body.put("causality", "CANNOT_BE_EXCLUDED");
        body.put("expectedSideEffect", false);
        body.put("useContext", "NORMAL_USE");
        body.put("rationale", "The patient died; a link with the pump cannot be excluded.");
        body.put("incidentAwareAt", "2026-03-29T10:15:00");
        body.put("incidentAwareZone", "Europe/Berlin");
        body.put("incidentCountry", "DE");
        body.put("deviceKind", "MEDICAL_DEVICE");
        body.put("markets", List.of("EU"));
        body.put("manufacturerZone", "Europe/Berlin");
        body.put("password", password);
        return body;
    }

    @Test
    void over_rest_a_wrong_password_is_a_problem_naming_the_field_and_a_right_one_creates_the_signed_decision()
            throws Exception {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        String base = "/api/v1/cases/" + opened.id() + "/reportability";

        mvc.perform(json(post(base), parties.vigilance(), deathBody("wrong")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        var withoutTime = deathBody(TestData.PASSWORD);
        withoutTime.remove("incidentAwareAt");
        mvc.perform(json(post(base), parties.vigilance(), withoutTime)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("incidentAwareAt"));

        mvc.perform(json(post(base), parties.vigilance(), deathBody(TestData.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.classification").value("DEATH"))
                .andExpect(jsonPath("$.signature.meaning").value("reportability decision"))
                .andExpect(jsonPath("$.signature.printedName").value(parties.vigilance().principal().displayName()));
        mvc.perform(json(get(base), parties.vigilance(), Map.of())).andExpect(status().isOk())
                .andExpect(jsonPath("$.current.version").value(1))
                .andExpect(jsonPath("$.obligations[0].source.citation").value("MDR Art. 87(5)"))
                .andExpect(content().string(not(containsString(TestData.PASSWORD))));
        // Hospital staff hold no manufacturer role: refused before any case is looked at.
        mvc.perform(json(get(base), parties.safetyOfficer(), Map.of())).andExpect(status().isForbidden());
    }

    @Test
    void the_page_keeps_what_was_typed_when_a_field_is_refused_then_shows_the_signature_and_deadlines()
            throws Exception {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        String page = "/cases/" + opened.id() + "/reportability";
        var officer = as(parties.vigilance().principal());

        mvc.perform(get(page).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("No reportability decision yet")))
                .andExpect(content().string(containsString("value=\"DE\"")));

        mvc.perform(post(page).with(officer).with(csrf()).param("incident", "true")
                .param("seriousOutcomes", "DEATH").param("publicHealthThreat", "false")
                .param("causality", "ESTABLISHED").param("expectedSideEffect", "false")
                .param("useContext", "NORMAL_USE").param("rationale", "Pump failure killed the patient.")
                .param("incidentAwareAt", "29 March").param("incidentAwareZone", "Europe/Berlin")
                .param("incidentCountry", "DE").param("deviceKind", "MEDICAL_DEVICE").param("markets", "EU")
                .param("manufacturerZone", "Europe/Berlin").param("password", TestData.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the date and time as YYYY-MM-DDTHH:MM.")))
                .andExpect(content().string(containsString("Pump failure killed the patient.")));

        mvc.perform(post(page).with(officer).with(csrf()).param("incident", "true")
                .param("seriousOutcomes", "DEATH").param("publicHealthThreat", "false")
                .param("causality", "ESTABLISHED").param("expectedSideEffect", "false")
                .param("useContext", "NORMAL_USE").param("rationale", "Pump failure killed the patient.")
                .param("incidentAwareAt", "2026-03-29T10:15").param("incidentAwareZone", "Europe/Berlin")
                .param("incidentCountry", "DE").param("deviceKind", "MEDICAL_DEVICE").param("markets", "EU")
                .param("manufacturerZone", "Europe/Berlin").param("password", TestData.PASSWORD))
                .andExpect(redirectedUrl(page));

        mvc.perform(get(page).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Electronically signed")))
                .andExpect(content().string(containsString("content unchanged since signing")))
                .andExpect(content().string(containsString("MDR Art. 87(5)")))
                .andExpect(content().string(containsString("end of 2026-04-08 (Europe/Berlin)")));
    }

    @Test
    void an_event_form_with_a_wrong_date_names_the_field_and_a_correct_one_lists_the_event_and_its_deadline()
            throws Exception {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        String page = "/cases/" + opened.id() + "/reportability";
        var officer = as(parties.vigilance().principal());
        mvc.perform(json(post("/api/v1/cases/" + opened.id() + "/reportability"), parties.vigilance(),
                deathBody(TestData.PASSWORD))).andExpect(status().isCreated());

        mvc.perform(post(page + "/events").with(officer).with(csrf()).param("kind", "FINAL_REPORT_ANNOUNCED")
                .param("at", "2026-04-07T16:00").param("zone", "Europe/Berlin").param("setDate", "15 May"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the date as YYYY-MM-DD.")));
        mvc.perform(post(page + "/events").with(officer).with(csrf()).param("kind", "FINAL_REPORT_ANNOUNCED")
                .param("at", "2026-04-07T16:00").param("zone", "Europe/Berlin").param("setDate", "2026-05-15"))
                .andExpect(redirectedUrl(page + "#events"));
        mvc.perform(get(page).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Final report announced (Art. 89(5))")))
                .andExpect(content().string(containsString("end of 2026-05-15 (Europe/Berlin)")));
        mvc.perform(json(get("/api/v1/cases/" + opened.id() + "/clock-events"), parties.vigilance(), Map.of()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.events[0].kind").value("FINAL_REPORT_ANNOUNCED"));
        // The hospital's device-safety officer has no user-facility duties outside the US: refused, naming the field.
        mvc.perform(json(post("/api/v1/cases/" + opened.id() + "/clock-events"), parties.safetyOfficer(), Map.of(
                "kind", "USER_FACILITY_DEATH", "at", "2026-04-07T16:00:00", "zone", "Europe/Berlin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(get("/cases/" + opened.id() + "/user-facility").with(as(parties.safetyOfficer().principal())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("US user facility")));
    }
}
