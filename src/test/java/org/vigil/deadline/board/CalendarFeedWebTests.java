package org.vigil.deadline.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.vigil.deadline.board.BoardWorld.daysAgo;
import static org.vigil.deadline.board.BoardWorld.reference;
import static org.vigil.deadline.board.DeadlineBoardWebTests.as;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.audit.AuditTrail;
import org.vigil.deadline.Classification;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationView;
import org.vigil.organisation.UserManagement;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.support.TestData.Person;

/**
 * Each person's iCalendar feed (RFC 5545) at a secret address calendar apps read without signing in: valid iCalendar
 * with one event per pending obligation at its due time, what that person may see and nothing of another
 * organisation; a reset or revoked address, an unknown one, or one of a deactivated person answers 404.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CalendarFeedWebTests {

    private static final Pattern FEED_URL = Pattern.compile("/calendar/(vcal_[A-Za-z0-9_-]{43})\\.ics");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;
    @Autowired
    BoardWorld world;
    @Autowired
    TestData testData;
    @Autowired
    AuditTrail audit;
    @Autowired
    UserManagement users;

    BoardWorld.Manufacturer m;
    ObligationView officers;
    ObligationView unassigned;
    ObligationView colleagues;
    ObligationView foreign;

    @BeforeEach
    void cases() {
        m = world.manufacturer();
        var org = m.organisation().id();
        officers = world.track(org, reference("OWN"), "Infusion pump, model \"Alpha\"; 2 ml",
                m.officer().principal().userId(), world.classified("DE", Set.of(Jurisdiction.EU),
                        Classification.DEATH, daysAgo(3))).getFirst();
        unassigned = world.track(org, reference("NOBODY"), "Insulin pen Gamma", null,
                world.classified("US", Set.of(Jurisdiction.US), Classification.DEATH, Instant.now())).getFirst();
        colleagues = world.track(org, reference("COLLEAGUE"), "Hip stem Beta",
                m.otherOfficer().principal().userId(), world.classified("DE", Set.of(Jurisdiction.EU),
                        Classification.OTHER_REPORTABLE, Instant.now())).getFirst();
        var other = world.manufacturer();
        foreign = world.track(other.organisation().id(), reference("FOREIGN"), "Foreign pump", null,
                world.classified("DE", Set.of(Jurisdiction.EU), Classification.DEATH, Instant.now())).getFirst();
    }

    @Test
    void the_feed_is_valid_icalendar_with_one_event_per_obligation_the_officer_is_responsible_for_or_nobody_is()
            throws Exception {
        String secret = issue(m.officer());

        var response = mvc.perform(get("/calendar/" + secret + ".ics")).andExpect(status().isOk()).andReturn()
                .getResponse();

        assertThat(MediaType.parseMediaType(response.getContentType()))
                .isEqualTo(MediaType.parseMediaType("text/calendar;charset=UTF-8"));
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        byte[] bytes = response.getContentAsByteArray();
        String body = new String(bytes, StandardCharsets.UTF_8);
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Vigil//Deadlines//EN\r\n")
                .endsWith("END:VCALENDAR\r\n");
        assertThat(body.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n", "\r");
        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of %s", line).isLessThanOrEqualTo(75);
        }
        String unfolded = ICalendarTests.unfold(body);
        assertThat(unfolded).contains(
                "UID:" + officers.id() + "@vigil\r\n",
                "DTSTART:" + UTC.format(officers.due().deadline()) + "\r\n",
                "SUMMARY:Due: Initial report to National competent authority\\, DE — " + officers.caseReference(),
                "Infusion pump\\, model \"Alpha\"\\; 2 ml",
                "MDR Art. 87(5)",
                "Official text: " + officers.source().url(),
                "/cases/" + officers.caseId() + "\r\n",
                "TRIGGER:-P1D\r\n",
                "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n",
                "UID:" + unassigned.id() + "@vigil\r\n",
                "SUMMARY:Due: Initial report to US Food and Drug Administration\\, US — "
                        + unassigned.caseReference());
        assertThat(unfolded).doesNotContain(colleagues.id().toString(), colleagues.caseReference(),
                foreign.id().toString(), foreign.caseReference());
        assertThat(count(unfolded, "BEGIN:VEVENT")).isEqualTo(count(unfolded, "BEGIN:VALARM")).isEqualTo(2);
    }

    @Test
    void the_prrc_reads_every_pending_obligation_of_the_organisation_and_nothing_of_another() throws Exception {
        String unfolded = ICalendarTests.unfold(feed(issue(m.prrc())));

        assertThat(unfolded).contains("UID:" + officers.id() + "@vigil", "UID:" + unassigned.id() + "@vigil",
                "UID:" + colleagues.id() + "@vigil").doesNotContain(foreign.id().toString());
    }

    @Test
    void the_address_is_shown_once_and_a_reset_or_revoked_address_answers_404_like_an_unknown_one() throws Exception {
        String first = issue(m.officer());
        String board = mvc.perform(get("/deadlines").with(as(m.officer()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(board).contains(first.substring(0, 11) + "…").doesNotContain(first);

        String second = issue(m.officer());
        assertThat(second).isNotEqualTo(first);
        mvc.perform(get("/calendar/" + first + ".ics")).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/" + second + ".ics")).andExpect(status().isOk());

        mvc.perform(post("/deadlines/calendar-feed/revocation").with(as(m.officer())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var revoked = mvc.perform(get("/calendar/" + second + ".ics")).andExpect(status().isNotFound()).andReturn()
                .getResponse();
        var unknown = mvc.perform(get("/calendar/vcal_" + "A".repeat(43) + ".ics")).andExpect(status().isNotFound())
                .andReturn().getResponse();
        assertThat(revoked.getContentAsString()).isEqualTo(unknown.getContentAsString());
        assertThat(revoked.getContentType()).isEqualTo(unknown.getContentType());
        mvc.perform(get("/calendar/not-a-feed.ics")).andExpect(status().isNotFound());
    }

    @Test
    void issuing_resetting_and_revoking_the_address_are_in_the_audit_trail() throws Exception {
        issue(m.officer());
        issue(m.officer());
        mvc.perform(post("/deadlines/calendar-feed/revocation").with(as(m.officer())).with(csrf()));

        var actions = testData.as(m.officer().principal(), () -> audit.latest(20)).stream()
                .filter(entry -> entry.record().type().equals("calendar-feed")).map(entry -> entry.action())
                .toList();
        assertThat(actions).containsExactlyInAnyOrder("calendar-feed.created", "calendar-feed.created",
                "calendar-feed.revoked", "calendar-feed.revoked");
    }

    @Test
    void a_deactivated_persons_address_answers_404() throws Exception {
        String secret = issue(m.officer());
        mvc.perform(get("/calendar/" + secret + ".ics")).andExpect(status().isOk());

        testData.asPlatform(() -> users.deactivate(m.officer().principal().userId(), "Left the company"));

        mvc.perform(get("/calendar/" + secret + ".ics")).andExpect(status().isNotFound());
    }

    @Test
    void only_people_who_see_the_board_may_have_an_address() throws Exception {
        var hospital = testData.organisation(org.vigil.shared.OrganisationKind.HEALTHCARE_ORGANISATION);
        mvc.perform(post("/deadlines/calendar-feed").with(as(testData.person(hospital,
                org.vigil.shared.Role.REPORTER))).with(csrf())).andExpect(status().isForbidden());
        assertThat(issue(m.handler())).startsWith("vcal_");
    }

    @Test
    void over_rest_the_address_is_issued_once_shown_by_its_prefix_and_revoked() throws Exception {
        String issued = mvc.perform(post("/api/v1/calendar-feed").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + m.officer().token())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.webcal").value(org.hamcrest.Matchers.startsWith("webcal://")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var matcher = FEED_URL.matcher(issued);
        assertThat(matcher.find()).as("the address in %s", issued).isTrue();
        String secret = matcher.group(1);
        assertThat(ICalendarTests.unfold(feed(secret))).contains("UID:" + officers.id() + "@vigil");

        mvc.perform(get("/api/v1/calendar-feed").header(HttpHeaders.AUTHORIZATION, "Bearer " + m.officer().token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.prefix").value(secret.substring(0, 11)))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret))));
        mvc.perform(post("/api/v1/calendar-feed/revocation").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + m.officer().token())).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/calendar-feed/revocation").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + m.officer().token())).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/calendar/" + secret + ".ics")).andExpect(status().isNotFound());
    }

    /** Asks for a new address on the board page, as {@code person}; answers its secret. */
    private String issue(Person person) throws Exception {
        String page = mvc.perform(post("/deadlines/calendar-feed").with(as(person)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var matcher = FEED_URL.matcher(page);
        assertThat(matcher.find()).as("the new address on the page").isTrue();
        return matcher.group(1);
    }

    private String feed(String secret) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/calendar/" + secret + ".ics"))
                .andExpect(status().isOk()).andReturn().getResponse();
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static long count(String text, String what) {
        return List.of(text.split(Pattern.quote(what), -1)).size() - 1L;
    }
}
