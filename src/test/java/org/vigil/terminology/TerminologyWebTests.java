package org.vigil.terminology;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.support.TestData.Person;

/**
 * The terminologies as people and machines reach them: the REST API under {@code /api/v1/terminology} with
 * {@code application/problem+json} errors naming the field, the browse and term pages, the pickers' options, the
 * server-side refusal of retired codes for new coding (IMDRF/AE WG N43) and the administrators' upload that loads
 * nothing from a broken file.
 */
@IntegrationTest
@AutoConfigureMockMvc
class TerminologyWebTests {

    private static final String BROKEN = """
            [
              {"code": "C90", "term": "Top", "definition": "d", "CodeHierarchy": "C90"},
              {"code": "C9101", "term": "Orphan", "definition": "d", "CodeHierarchy": "C91|C9101"}
            ]
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;
    @Autowired
    ImdrfTerminology imdrf;

    Person reporter;
    Person operator;

    @BeforeEach
    void people() {
        reporter = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        operator = testData.person(testData.organisation(OrganisationKind.PLATFORM_OPERATOR), Role.PLATFORM_ADMIN);
    }

    @Test
    void any_signed_in_caller_searches_an_annex_by_word_over_the_api_and_gets_terms_with_definitions()
            throws Exception {
        mvc.perform(get("/api/v1/terminology/imdrf/A/terms").param("q", "implant subsidence")
                .header(HttpHeaders.AUTHORIZATION, bearer(reporter)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("A0107"))
                .andExpect(jsonPath("$[0].definition").isNotEmpty())
                .andExpect(jsonPath("$[0].selectable").value(true));
        mvc.perform(get("/api/v1/terminology/imdrf/annexes").header(HttpHeaders.AUTHORIZATION, bearer(reporter)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].annex").value("A"))
                .andExpect(jsonPath("$[0].currentRelease").value("2024"));
    }

    @Test
    void the_api_gives_a_term_with_its_path_children_and_fda_codes_and_a_retired_one_too() throws Exception {
        mvc.perform(get("/api/v1/terminology/imdrf/A/terms/A0101").header(HttpHeaders.AUTHORIZATION,
                bearer(reporter)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.term.term").value("Patient-Device Incompatibility"))
                .andExpect(jsonPath("$.path[0].code").value("A01"))
                .andExpect(jsonPath("$.children[*].code", hasItem("A010101")))
                .andExpect(jsonPath("$.fdaCodes[*].fdaCode", hasItem("2682")));
        mvc.perform(get("/api/v1/terminology/imdrf/G/terms/G04081").header(HttpHeaders.AUTHORIZATION,
                bearer(reporter)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.term.status").value("RETIRED"))
                .andExpect(jsonPath("$.term.selectable").value(false));
        mvc.perform(get("/api/v1/terminology/imdrf/A/terms/A01/children").header(HttpHeaders.AUTHORIZATION,
                bearer(reporter)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("A0101")));
    }

    @Test
    void an_unknown_code_or_annex_answers_404_and_a_bad_parameter_400_naming_it() throws Exception {
        mvc.perform(get("/api/v1/terminology/imdrf/A/terms/A9999").header(HttpHeaders.AUTHORIZATION,
                bearer(reporter)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/terminology/imdrf/Q/terms").header(HttpHeaders.AUTHORIZATION, bearer(reporter)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/terminology/imdrf/A/terms").param("q", "leak").param("limit", "many")
                .header(HttpHeaders.AUTHORIZATION, bearer(reporter)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/terminology/crosswalk").header(HttpHeaders.AUTHORIZATION, bearer(reporter)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fda"));
    }

    @Test
    void the_crosswalk_and_emdn_are_served_over_the_api() throws Exception {
        mvc.perform(get("/api/v1/terminology/crosswalk").param("fda", "2682")
                .header(HttpHeaders.AUTHORIZATION, bearer(reporter)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].imdrfCode").value("A0101"));
        mvc.perform(get("/api/v1/terminology/emdn/terms/A0101").header(HttpHeaders.AUTHORIZATION,
                bearer(reporter)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.term.term").value("NEEDLES FOR INFUSION AND SAMPLING"))
                .andExpect(jsonPath("$.path[0].code").value("A"));
        mvc.perform(get("/api/v1/terminology/emdn/terms").param("q", "needles")
                .header(HttpHeaders.AUTHORIZATION, bearer(reporter)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").isNotEmpty());
    }

    @Test
    void a_platform_administrator_loads_a_release_over_the_api_and_it_becomes_the_annexs_current_release()
            throws Exception {
        String version = "2022-api-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] annexB = new ClassPathResource("org/vigil/terminology/imdrf/release-2022/annexb_1.json")
                .getContentAsByteArray();
        mvc.perform(post("/api/v1/terminology/imdrf/B/releases").param("version", version)
                .header(HttpHeaders.AUTHORIZATION, bearer(reporter))
                .contentType(MediaType.APPLICATION_JSON).content(annexB))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/terminology/imdrf/B/releases").param("version", version)
                .header(HttpHeaders.AUTHORIZATION, bearer(operator))
                .contentType(MediaType.APPLICATION_JSON).content(annexB))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(version))
                .andExpect(jsonPath("$.current").value(true))
                .andExpect(jsonPath("$.termCount").value(24));
    }

    @Test
    void a_broken_upload_over_the_api_loads_nothing_and_lists_every_problem_under_file() throws Exception {
        int releases = imdrf.releases().size();
        mvc.perform(post("/api/v1/terminology/imdrf/C/releases").param("version", "broken-api")
                .header(HttpHeaders.AUTHORIZATION, bearer(operator))
                .contentType(MediaType.APPLICATION_JSON).content(BROKEN))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("line 3")));
        org.assertj.core.api.Assertions.assertThat(imdrf.releases()).hasSize(releases);
    }

    @Test
    void the_terminology_page_lists_the_annexes_and_offers_the_pickers() throws Exception {
        mvc.perform(get("/terminology").with(as(reporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Annex A — Medical Device Problem"),
                        containsString("role=\"combobox\""),
                        containsString("hx-get=\"/terminology/pick/imdrf?annex=A&amp;name=problem\""),
                        containsString("hx-trigger=\"keyup changed delay:200ms\""),
                        not(containsString("href=\"/admin/terminology\"")))));
        mvc.perform(get("/terminology").param("q", "leak").param("scope", "A").with(as(reporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/terminology/imdrf/A/A")));
    }

    @Test
    void the_picker_lists_retired_terms_but_marks_them_not_choosable() throws Exception {
        mvc.perform(get("/terminology/pick/imdrf").param("annex", "G").param("q", "leaflet")
                .param("name", "component").with(as(reporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-code=\"G04081\""),
                        containsString("role=\"option\""),
                        containsString("Retired"))))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*aria-disabled=\"true\"[^>]*data-code=\"G04081\".*|.*data-code=\"G04081\"[^>]*"
                                + "aria-disabled=\"true\".*")));
    }

    @Test
    void checking_picked_codes_refuses_a_retired_component_next_to_its_field_and_keeps_the_other_choice()
            throws Exception {
        mvc.perform(get("/terminology/picker-check").param("problem", "A0101").param("component", "G04081")
                .with(as(reporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"component-problem\""),
                        containsString("is retired"), containsString("value=\"A0101\""))));
        mvc.perform(get("/terminology/picker-check").param("problem", "A0101").param("component", "G04040")
                .param("device", "A0101").with(as(reporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("These codes may be used in a new report"),
                        containsString("G04040"))));
    }

    @Test
    void a_term_page_shows_definition_status_path_and_fda_codes() throws Exception {
        mvc.perform(get("/terminology/imdrf/A/A0101").with(as(reporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Patient-Device Incompatibility"),
                        containsString("May be chosen for new reports"), containsString("2682"),
                        containsString("/terminology/imdrf/A/A01"))));
        mvc.perform(get("/terminology/imdrf/E").with(as(reporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Nervous System"), containsString("E0102"))));
        mvc.perform(get("/terminology/emdn/A01").with(as(reporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A0101")));
        mvc.perform(get("/terminology/imdrf/A/A9999").with(as(reporter))).andExpect(status().isNotFound());
    }

    @Test
    void an_administrators_broken_upload_shows_every_problem_with_its_line_and_keeps_what_was_typed()
            throws Exception {
        int releases = imdrf.releases().size();
        var file = new MockMultipartFile("file", "annexc.json", "application/json",
                BROKEN.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/terminology/imdrf").file(file).param("annex", "C")
                .param("version", "2099").with(as(operator)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("line 3"), containsString("parent C91"),
                        containsString("value=\"2099\""), containsString("id=\"file-problem\""))));
        org.assertj.core.api.Assertions.assertThat(imdrf.releases()).hasSize(releases);
        mvc.perform(get("/admin/terminology").with(as(reporter))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/terminology").with(as(operator))).andExpect(status().isOk());
    }

    private static String bearer(Person person) {
        return "Bearer " + person.token();
    }

    private static RequestPostProcessor as(Person person) {
        var principal = person.principal();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
    }
}
