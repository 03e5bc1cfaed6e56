package org.vigil.deadline;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.support.TestData.Person;

/** The rule packs as people and machines review them: the page {@code /rule-packs} and {@code /api/v1/rule-packs}. */
@IntegrationTest
@AutoConfigureMockMvc
class RulePackWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;

    Person reporter;

    @BeforeEach
    void people() {
        reporter = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
    }

    @Test
    void any_signed_in_person_reads_every_pack_with_its_legal_sources_and_dates_in_force() throws Exception {
        mvc.perform(get("/rule-packs").with(as(reporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("EU MDR 2017/745"),
                        containsString("MDR Art. 87(5)"),
                        containsString("href=\"https://eur-lex.europa.eu/eli/reg/2017/745/oj\""),
                        containsString("until 2025-06-16 (exclusive)"),
                        containsString("21 CFR 803.53"),
                        containsString("5 working days"),
                        containsString("before it is undertaken"),
                        containsString("Awareness of reportability (MIR §1.2.d)"),
                        containsString("US: 2024–2028"))));
    }

    @Test
    void the_api_gives_each_rule_with_citation_url_period_and_dates_in_force() throws Exception {
        mvc.perform(get("/api/v1/rule-packs").header(HttpHeaders.AUTHORIZATION, "Bearer " + reporter.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'eu-mdr')].version").value(hasItem(1)))
                .andExpect(jsonPath("$[?(@.id == 'eu-mdr')].rules[?(@.id == 'mdr-87-death')].citation")
                        .value(hasItem("MDR Art. 87(5)")))
                .andExpect(jsonPath("$[?(@.id == 'eu-mdr')].rules[?(@.id == 'mdr-87-death')].period.count")
                        .value(hasItem(10)))
                .andExpect(jsonPath("$[?(@.id == 'gb-mdr')].rules[?(@.id == 'gb-meddev-other')].inForceTo")
                        .value(hasItem("2025-06-16")))
                .andExpect(jsonPath("$[?(@.id == 'gb-mdr')].rules[?(@.id == 'gb-meddev-other')].inForceOnDate")
                        .value(hasItem(false)))
                .andExpect(jsonPath("$[?(@.id == 'us-cfr-803')].rules[?(@.id == 'cfr-803.53')].period.kind")
                        .value(hasItem("WORKING_DAYS")));
    }

    @Test
    void anonymous_callers_are_asked_to_sign_in() throws Exception {
        mvc.perform(get("/api/v1/rule-packs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/rule-packs")).andExpect(status().is3xxRedirection());
    }

    private static RequestPostProcessor as(Person person) {
        var principal = person.principal();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
    }
}
