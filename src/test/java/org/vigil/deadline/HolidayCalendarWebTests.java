package org.vigil.deadline;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * The holiday calendar page and API: everyone reads a calendar and its history; an administrator's refused change
 * names the field and keeps what was typed; the API answers problem+json naming the field, and 404 for what is no
 * country code.
 */
@IntegrationTest
@AutoConfigureMockMvc
class HolidayCalendarWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;

    @Test
    void a_calendar_shows_its_holidays_and_a_refused_change_names_the_field_and_keeps_what_was_typed()
            throws Exception {
        var admin = testData.person(testData.organisation(OrganisationKind.PLATFORM_OPERATOR), Role.PLATFORM_ADMIN);
        var as = authentication(UsernamePasswordAuthenticationToken.authenticated(admin.principal(), null,
                admin.principal().authorities()));
        mvc.perform(get("/holidays/us").with(as)).andExpect(status().isOk())
                .andExpect(content().string(containsString("2026-11-26")))
                .andExpect(content().string(containsString("Cover the next year")));
        mvc.perform(post("/holidays/US/additions").with(as).with(csrf()).param("day", "26 Dec")
                .param("name", "Boxing Day").param("reason", "Test"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the date as YYYY-MM-DD.")))
                .andExpect(content().string(containsString("Boxing Day")));
        mvc.perform(get("/holidays/FR").with(as)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vigil has no holiday calendar for")));
        mvc.perform(get("/api/v1/holiday-calendars/CH").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin.token())
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk())
                .andExpect(jsonPath("$.firstYear").value(2024));
        mvc.perform(post("/api/v1/holiday-calendars/CH/holidays")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin.token()).accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON).content("{\"day\":\"2026-06-01\",\"name\":\"Test\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(get("/api/v1/holiday-calendars/1X").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin.token())
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
    }
}
