package org.vigil.deadline.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.vigil.deadline.clock.ClockFixtures.berlin;
import static org.vigil.deadline.clock.ClockFixtures.germanIncident;
import static org.vigil.deadline.clock.ClockFixtures.tracked;
import static org.vigil.deadline.clock.ObligationTrackingTests.only;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.vigil.audit.AuditEntry;
import org.vigil.audit.AuditTrail;
import org.vigil.deadline.Classification;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.ObligationState;
import org.vigil.deadline.ObligationView;
import org.vigil.notification.Notice;
import org.vigil.notification.Notifications;
import org.vigil.organisation.OrganisationView;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.support.TestData;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submitting, waiving and reassigning an obligation through the REST API: a waiver is a signed decision with a
 * reason (21 CFR 11.50, 11.200), an ended obligation cannot change, errors name the field, and another organisation
 * reaches nothing.
 */
@ClockIntegrationTest
class ObligationApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    Deadlines deadlines;
    @Autowired
    ReminderSweeper sweeper;
    @Autowired
    TestData testData;
    @Autowired
    TestClock clock;
    @Autowired
    AuditTrail audit;
    @Autowired
    Notifications notifications;

    record World(OrganisationView manufacturer, TestData.Person officer, TestData.Person prrc,
            TestData.Person handler, ObligationView death) {
    }

    World world(String awarenessInBerlin) {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var prrc = testData.person(manufacturer, Role.PRRC);
        var handler = testData.person(manufacturer, Role.COMPLAINT_HANDLER);
        Instant awareness = berlin(awarenessInBerlin);
        clock.set(awareness);
        var obligations = testData.as(officer.principal(), () -> deadlines.track(tracked(UUID.randomUUID(),
                manufacturer.id(), officer.principal().userId(), germanIncident(Classification.DEATH, awareness),
                "Decision 1 (death)")));
        return new World(manufacturer, officer, prrc, handler, only(obligations, "mdr-87-death"));
    }

    @Test
    void a_waiver_needs_a_reason_and_the_signers_own_password_and_a_wrong_one_changes_nothing_21_CFR_11_200()
            throws Exception {
        var world = world("2027-09-06T10:00");
        String path = "/api/v1/obligations/" + world.death().id() + "/waiver";

        mvc.perform(api(post(path), world.prrc()).content(json(Map.of("reason", " ", "password", TestData.PASSWORD))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(api(post(path), world.prrc()).content(json(Map.of("reason", "MHRA agreed no report is needed",
                        "password", "not my password"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        assertThat(find(world).state()).isEqualTo(ObligationState.OPEN);
        assertThat(find(world).waiver()).isNull();
        assertThat(history(world)).extracting(AuditEntry::action).containsExactly("obligation.created");

        mvc.perform(api(post(path), world.prrc()).content(json(Map.of("reason",
                        "The competent authority confirmed in writing that this incident is covered by report 17",
                        "password", TestData.PASSWORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("WAIVED"))
                .andExpect(jsonPath("$.urgency").value("ENDED"))
                .andExpect(jsonPath("$.waiver.printedName").value(world.prrc().principal().displayName()))
                .andExpect(jsonPath("$.waiver.meaning").value("waiver of a reporting obligation"));

        var waived = find(world);
        assertThat(waived.stateReason()).startsWith("The competent authority confirmed");
        assertThat(waived.waiver().covers(Deadlines.waiverContent(world.death(), waived.stateReason()))).isTrue();
        assertThat(history(world)).extracting(AuditEntry::action).containsExactly("obligation.created",
                "signature.executed", "obligation.waived");
        // Reminders stop: nothing reaches the officer when the waived obligation falls due.
        clock.set(world.death().due().deadline().plus(Duration.ofDays(1)));
        sweeper.sweep();
        assertThat(testData.as(world.officer().principal(), () -> notifications.mine(50)))
                .extracting(Notice::category).noneMatch(category -> category.startsWith("obligation."));
    }

    @Test
    void an_ended_obligation_refuses_every_change_naming_its_state() throws Exception {
        var world = world("2027-10-04T10:00");
        String base = "/api/v1/obligations/" + world.death().id();

        mvc.perform(api(post(base + "/submitted"), world.officer()).content(json(Map.of("authorityReference",
                        "BfArM 2027-0042"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.submissionReference").value("BfArM 2027-0042"));

        for (var attempt : List.of(
                api(post(base + "/submitted"), world.officer()).content(json(Map.of())),
                api(post(base + "/waiver"), world.officer()).content(json(Map.of("reason", "Late idea",
                        "password", TestData.PASSWORD))),
                api(post(base + "/assignee"), world.officer()).content(json(Map.of("assignee",
                        world.prrc().principal().userId().value()))))) {
            mvc.perform(attempt).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("state"));
        }
        var submitted = find(world);
        assertThat(submitted.state()).isEqualTo(ObligationState.SUBMITTED);
        assertThat(submitted.responsible()).isEqualTo(world.officer().principal().userId());
        assertThat(history(world)).extracting(AuditEntry::action).containsExactly("obligation.created",
                "obligation.submitted");
        mvc.perform(api(get("/api/v1/obligations"), world.officer())).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", Matchers.not(Matchers.hasItem(world.death().id().toString()))));
        mvc.perform(api(get("/api/v1/obligations?caseId=" + world.death().caseId()), world.officer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].state").value("SUBMITTED"));
    }

    @Test
    void only_an_active_vigilance_officer_or_PRRC_of_the_organisation_can_be_made_responsible() throws Exception {
        var world = world("2027-11-08T10:00");
        var outsider = testData.person(testData.organisation(OrganisationKind.MANUFACTURER), Role.PRRC);
        String path = "/api/v1/obligations/" + world.death().id() + "/assignee";

        for (var body : List.<Map<String, Object>>of(Map.of(),
                Map.of("assignee", world.handler().principal().userId().value()),
                Map.of("assignee", outsider.principal().userId().value()))) {
            mvc.perform(api(post(path), world.officer()).content(json(body))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        }
        mvc.perform(api(post(path), world.officer()).content(json(Map.of("assignee",
                        world.prrc().principal().userId().value()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responsibleName").value(world.prrc().principal().displayName()));

        // From now on the PRRC, not the officer, is reminded before the due time.
        clock.set(world.death().due().deadline().minus(Duration.ofDays(5)));
        sweeper.sweep();
        assertThat(testData.as(world.prrc().principal(), () -> notifications.mine(10))).extracting(Notice::subject)
                .singleElement().asString().startsWith("Due in 5 days");
        assertThat(testData.as(world.officer().principal(), () -> notifications.mine(10))).isEmpty();
        assertThat(history(world)).extracting(AuditEntry::action).containsExactly("obligation.created",
                "obligation.reassigned", "obligation.reminder-sent");
    }

    @Test
    void the_board_api_filters_names_a_bad_filter_and_another_organisation_reaches_nothing() throws Exception {
        var world = world("2027-12-06T10:00");
        var competitor = testData.person(testData.organisation(OrganisationKind.MANUFACTURER), Role.PRRC,
                Role.VIGILANCE_OFFICER);

        mvc.perform(api(get("/api/v1/obligations?jurisdiction=EU&device=hip"), world.handler()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].ruleId").value("mdr-87-death"))
                .andExpect(jsonPath("$[0].citation").value(world.death().source().citation()))
                .andExpect(jsonPath("$[0].dueKind").value("BY"))
                .andExpect(jsonPath("$[0].dueDate").value("2027-12-16"))
                .andExpect(jsonPath("$[0].dueZone").value("Europe/Berlin"))
                .andExpect(jsonPath("$[0].urgency").value("LATER"));
        mvc.perform(api(get("/api/v1/obligations?jurisdiction=US"), world.handler())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(api(get("/api/v1/obligations?jurisdiction=MARS"), world.handler()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("jurisdiction"));

        String one = "/api/v1/obligations/" + world.death().id();
        mvc.perform(api(get(one), competitor)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(api(post(one + "/waiver"), competitor).content(json(Map.of("reason", "Not ours",
                "password", TestData.PASSWORD)))).andExpect(status().isNotFound());
        mvc.perform(api(post(one + "/submitted"), competitor).content(json(Map.of()))).andExpect(status().isNotFound());
        mvc.perform(api(get("/api/v1/obligations"), competitor)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(api(get("/api/v1/obligations?caseId=" + world.death().caseId()), competitor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        assertThat(find(world)).isEqualTo(world.death());
    }

    private ObligationView find(World world) {
        return testData.as(world.officer().principal(), () -> deadlines.find(world.death().id()));
    }

    private List<AuditEntry> history(World world) {
        return testData.as(world.prrc().principal(), () -> audit.history(RecordRef.of("obligation",
                world.death().id().value())));
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, TestData.Person person) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + person.token())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON);
    }

    private static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }
}
