package org.vigil.deadline.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.vigil.deadline.board.BoardWorld.daysAgo;
import static org.vigil.deadline.board.BoardWorld.reference;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.deadline.Classification;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationState;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.Urgency;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.support.TestData.Person;

/**
 * The deadline board {@code /deadlines} through the real security chain: every pending obligation of the caller's
 * organisation, soonest first, coloured by urgency; filters; the actions of vigilance officers and the PRRC (mark
 * submitted, waive with a signature per 21 CFR 11.50, reassign); read-only for complaint handlers; never another
 * organisation's obligations.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DeadlineBoardWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    BoardWorld world;
    @Autowired
    TestData testData;
    @Autowired
    Deadlines deadlines;

    BoardWorld.Manufacturer m;
    ObligationView overdue;
    ObligationView withinADay;
    ObligationView withinTwoDays;
    ObligationView withinFiveDays;
    ObligationView later;
    ObligationView swiss;
    ObligationView undated;

    @BeforeEach
    void board() {
        m = manufacturerWithCases();
    }

    /**
     * One obligation per urgency: EU MDR Art. 87(5) 10 days known 40 days ago (overdue); 21 CFR 803.50 30 calendar
     * days known 30, 29 and 27 days ago (due within 1, 2 and 5 days) and today (later); a Swiss incident of a German
     * manufacturer (Swissmedic through the CH-REP, MedDO Art. 66); a field safety corrective action whose start is not
     * planned (MDR Art. 87(8), no date yet).
     */
    private BoardWorld.Manufacturer manufacturerWithCases() {
        var made = world.manufacturer();
        var org = made.organisation().id();
        var officer = made.officer().principal().userId();
        overdue = only(world.track(org, reference("OVERDUE"), "Infusion pump Alpha", officer,
                world.classified("DE", Set.of(Jurisdiction.EU), Classification.DEATH, daysAgo(40))));
        withinADay = only(world.track(org, reference("US1"), "Insulin pen Gamma", null,
                world.classified("US", Set.of(Jurisdiction.US), Classification.DEATH, daysAgo(30))));
        withinTwoDays = only(world.track(org, reference("US2"), "Insulin pen Gamma", null,
                world.classified("US", Set.of(Jurisdiction.US), Classification.DEATH, daysAgo(29))));
        withinFiveDays = only(world.track(org, reference("US5"), "Insulin pen Gamma", null,
                world.classified("US", Set.of(Jurisdiction.US), Classification.DEATH, daysAgo(27))));
        later = only(world.track(org, reference("USL"), "Insulin pen Gamma", null,
                world.classified("US", Set.of(Jurisdiction.US), Classification.DEATH, Instant.now())));
        swiss = only(world.track(org, reference("CH"), "Hip stem Beta", made.otherOfficer().principal().userId(),
                world.classified("CH", Set.of(Jurisdiction.CH), Classification.OTHER_REPORTABLE, Instant.now())));
        undated = only(world.track(org, reference("FSCA"), "Infusion pump Alpha", null,
                world.fscaWithoutPlannedStart(Instant.now())));
        return made;
    }

    @Test
    void every_pending_obligation_is_listed_soonest_first_and_coloured_by_its_urgency() throws Exception {
        String page = page("/deadlines", m.officer());

        List<ObligationView> expected = List.of(overdue, withinADay, withinTwoDays, withinFiveDays, later, swiss,
                undated);
        List<Urgency> urgencies = List.of(Urgency.OVERDUE, Urgency.WITHIN_1_DAY, Urgency.WITHIN_2_DAYS,
                Urgency.WITHIN_5_DAYS, Urgency.LATER, Urgency.LATER, Urgency.NO_DATE);
        for (int i = 0; i < expected.size(); i++) {
            String row = row(page, expected.get(i));
            String css = "urgency-" + urgencies.get(i).name().toLowerCase().replace('_', '-');
            assertThat(row).as("row of %s", expected.get(i).caseReference()).contains(css)
                    .contains("data-urgency=\"" + urgencies.get(i) + "\"");
        }
        assertThat(page.indexOf(rowStart(overdue))).isLessThan(page.indexOf(rowStart(withinADay)));
        assertThat(page.indexOf(rowStart(withinADay))).isLessThan(page.indexOf(rowStart(withinTwoDays)));
        assertThat(page.indexOf(rowStart(withinTwoDays))).isLessThan(page.indexOf(rowStart(withinFiveDays)));
        assertThat(page.indexOf(rowStart(withinFiveDays))).isLessThan(page.indexOf(rowStart(later)));
        assertThat(page.indexOf(rowStart(later))).isLessThan(page.indexOf(rowStart(undated)));
    }

    @Test
    void a_row_shows_case_device_recipient_kind_rule_with_its_source_due_time_in_the_manufacturers_zone_and_time_left()
            throws Exception {
        String page = page("/deadlines", m.officer());

        String row = row(page, overdue);
        assertThat(row).contains("href=\"/cases/" + overdue.caseId() + "\"", overdue.caseReference(),
                "Infusion pump Alpha", "Initial report", "National competent authority, DE", "MDR Art. 87(5)",
                "href=\"" + overdue.source().url() + "\"", "mdr-87-death", "eu-mdr v1", "Europe/Berlin",
                "overdue by ", m.officer().principal().displayName());
        assertThat(row).containsPattern("end of \\w{3} \\d{1,2} \\w{3} \\d{4}");
        assertThat(row(page, swiss)).contains("Swissmedic, CH via CH-REP", "MedDO");
        assertThat(row(page, withinTwoDays)).contains("US Food and Drug Administration, US", "21 CFR 803.50",
                "due in 1 day", "Nobody yet");
        assertThat(row(page, undated)).contains("before it is undertaken", "No date yet");
    }

    @Test
    void the_board_filters_by_jurisdiction_device_and_person_including_mine_and_nobody() throws Exception {
        String us = page("/deadlines?jurisdiction=US", m.officer());
        assertThat(us).contains(rowStart(withinADay), rowStart(later)).doesNotContain(rowStart(overdue),
                rowStart(swiss));

        String hip = mvc.perform(get("/deadlines").param("device", "hip STEM").with(as(m.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(hip).contains(rowStart(swiss)).doesNotContain(rowStart(overdue), rowStart(later));

        String mine = page("/deadlines?person=mine", m.officer());
        assertThat(mine).contains(rowStart(overdue)).doesNotContain(rowStart(swiss), rowStart(later));

        String other = page("/deadlines?person=" + m.otherOfficer().principal().userId(), m.prrc());
        assertThat(other).contains(rowStart(swiss)).doesNotContain(rowStart(overdue));

        String nobody = page("/deadlines?person=none", m.officer());
        assertThat(nobody).contains(rowStart(later), rowStart(undated)).doesNotContain(rowStart(overdue),
                rowStart(swiss));
    }

    @Test
    void a_filter_value_that_names_nothing_is_refused_by_its_field_and_the_board_still_shows() throws Exception {
        String page = page("/deadlines?jurisdiction=MARS&person=someone", m.officer());

        assertThat(page).contains("&quot;MARS&quot; is no jurisdiction", "Choose a person from the list.",
                rowStart(overdue));
        assertThat(page).containsPattern(
                "<select[^>]*id=\"jurisdiction\"[^>]*is-invalid|<select[^>]*is-invalid[^>]*id=\"jurisdiction\"");
    }

    @Test
    void another_organisations_obligations_never_appear_on_the_board() throws Exception {
        var other = world.manufacturer();
        var foreign = only(world.track(other.organisation().id(), reference("FOREIGN"), "Foreign pump", null,
                world.classified("DE", Set.of(Jurisdiction.EU), Classification.DEATH, daysAgo(40))));

        assertThat(page("/deadlines", m.prrc())).doesNotContain(foreign.caseReference(), foreign.id().toString());
        assertThat(page("/deadlines", other.prrc())).contains(rowStart(foreign))
                .doesNotContain(overdue.caseReference(), swiss.caseReference());
    }

    @Test
    void complaint_handlers_read_the_board_without_actions_and_other_roles_are_refused() throws Exception {
        String page = page("/deadlines", m.handler());
        assertThat(page).contains(rowStart(overdue)).doesNotContain("Mark submitted", "Waive and sign");
        assertThat(page("/deadlines", m.officer())).contains("Mark submitted", "Waive and sign", "Reassign");

        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        mvc.perform(get("/deadlines").with(as(testData.person(hospital, Role.DEVICE_SAFETY_OFFICER))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/deadlines")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/deadlines/{id}/submission", overdue.id().value()).param("authorityReference", "X")
                .with(as(m.handler())).with(csrf())).andExpect(status().isForbidden());
        assertThat(state(overdue).pending()).as("still to be met").isTrue();
    }

    @Test
    void marking_submitted_keeps_the_authoritys_reference_and_takes_the_obligation_off_the_board() throws Exception {
        var result = mvc.perform(post("/deadlines/{id}/submission", withinADay.id().value())
                .param("authorityReference", "BfArM-2026-0042").with(as(m.officer())).with(csrf()))
                .andExpect(redirectedUrl("/deadlines")).andReturn();

        String after = mvc.perform(get("/deadlines").with(as(m.officer()))
                .flashAttrs(result.getFlashMap())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("Marked submitted", "(authority reference BfArM-2026-0042)")
                .doesNotContain(rowStart(withinADay));
        var stored = testData.as(m.officer().principal(), () -> deadlines.find(withinADay.id()));
        assertThat(stored.state()).isEqualTo(ObligationState.SUBMITTED);
        assertThat(stored.submissionReference()).isEqualTo("BfArM-2026-0042");
    }

    @Test
    void a_waiver_needs_a_reason_and_the_password_and_its_signature_is_shown_afterwards_21_CFR_11_50()
            throws Exception {
        String refused = mvc.perform(post("/deadlines/{id}/waiver", overdue.id().value())
                .param("reason", "The authority agreed one combined report").param("password", "not my password")
                .with(as(m.prrc())).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("form-problems", "The authority agreed one combined report",
                "id=\"password-" + overdue.id() + "\"").doesNotContain("not my password");
        assertThat(state(overdue).pending()).as("still to be met").isTrue();

        var result = mvc.perform(post("/deadlines/{id}/waiver", overdue.id().value())
                .param("reason", "The authority agreed one combined report").param("password", TestData.PASSWORD)
                .with(as(m.prrc())).with(csrf())).andExpect(redirectedUrl("/deadlines")).andReturn();
        String after = mvc.perform(get("/deadlines").with(as(m.prrc())).flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        var stored = testData.as(m.prrc().principal(), () -> deadlines.find(overdue.id()));
        assertThat(stored.state()).isEqualTo(ObligationState.WAIVED);
        assertThat(after).contains("id=\"waiver-signature\"", m.prrc().principal().displayName(),
                Deadlines.WAIVER_MEANING, stored.waiver().contentHash(), "The authority agreed one combined report")
                .doesNotContain(rowStart(overdue));
    }

    @Test
    void reassigning_names_the_new_person_responsible_and_another_organisations_obligation_answers_404()
            throws Exception {
        var result = mvc.perform(post("/deadlines/{id}/responsible", later.id().value())
                .param("assignee", m.otherOfficer().principal().userId().toString()).with(as(m.prrc()))
                .with(csrf())).andExpect(redirectedUrl("/deadlines")).andReturn();
        String after = mvc.perform(get("/deadlines").with(as(m.prrc())).flashAttrs(result.getFlashMap()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("is now", "with " + m.otherOfficer().principal().displayName());
        assertThat(row(after, later)).contains(m.otherOfficer().principal().displayName());

        String refused = mvc.perform(post("/deadlines/{id}/responsible", later.id().value())
                .param("assignee", m.handler().principal().userId().toString()).with(as(m.prrc())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Choose an active vigilance officer or PRRC of your organisation.");

        var other = world.manufacturer();
        mvc.perform(post("/deadlines/{id}/submission", later.id().value()).param("authorityReference", "X")
                .with(as(other.officer())).with(csrf())).andExpect(status().isNotFound());
        assertThat(state(later)).isEqualTo(ObligationState.OPEN);
    }

    private ObligationState state(ObligationView obligation) {
        return testData.as(m.prrc().principal(), () -> deadlines.find(obligation.id())).state();
    }

    private String page(String path, Person person) throws Exception {
        return mvc.perform(get(path).with(as(person))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String rowStart(ObligationView obligation) {
        return "data-obligation=\"" + obligation.id() + "\"";
    }

    /** The {@code <tr>} of {@code obligation}, from its start tag to its end. */
    static String row(String page, ObligationView obligation) {
        var matcher = Pattern.compile("<tr[^>]*" + Pattern.quote(rowStart(obligation)) + "[^>]*>.*?</tr>",
                Pattern.DOTALL).matcher(page);
        assertThat(matcher.find()).as("a row for %s on the page", obligation.caseReference()).isTrue();
        return matcher.group();
    }

    private static ObligationView only(List<ObligationView> obligations) {
        assertThat(obligations).as("obligations of one case").hasSize(1);
        return obligations.getFirst();
    }

    static RequestPostProcessor as(Person person) {
        var principal = person.principal();
        return authentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(principal, null, principal.authorities()));
    }
}
