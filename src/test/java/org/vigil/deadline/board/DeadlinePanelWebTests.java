package org.vigil.deadline.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.vigil.deadline.board.BoardWorld.daysAgo;
import static org.vigil.deadline.board.BoardWorld.reference;
import static org.vigil.deadline.board.DeadlineBoardWebTests.as;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.deadline.Classification;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationView;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData.Person;

/**
 * The dashboard panel "What is due": the PRRC sees the whole organisation's deadlines (MDR Art. 15(3)(d): responsible
 * for vigilance duties being met), a vigilance officer their own and those nobody is responsible for yet; overdue and
 * due-within-5-days counts, the next few with links to their cases; nothing for other roles.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DeadlinePanelWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    BoardWorld world;

    BoardWorld.Manufacturer m;
    ObligationView officersOverdue;
    ObligationView colleaguesOverdue;
    ObligationView unassignedSoon;
    ObligationView colleaguesLater;

    @BeforeEach
    void cases() {
        m = world.manufacturer();
        var org = m.organisation().id();
        officersOverdue = world.track(org, reference("OWN"), "Infusion pump Alpha", m.officer().principal().userId(),
                world.classified("DE", Set.of(Jurisdiction.EU), Classification.DEATH, daysAgo(40))).getFirst();
        colleaguesOverdue = world.track(org, reference("COLL"), "Hip stem Beta",
                m.otherOfficer().principal().userId(), world.classified("DE", Set.of(Jurisdiction.EU),
                        Classification.DEATH, daysAgo(50))).getFirst();
        // 21 CFR 803.50: 30 calendar days, known 27 days ago: due within 5 days.
        unassignedSoon = world.track(org, reference("SOON"), "Insulin pen Gamma", null,
                world.classified("US", Set.of(Jurisdiction.US), Classification.DEATH, daysAgo(27))).getFirst();
        colleaguesLater = world.track(org, reference("LATER"), "Hip stem Beta",
                m.otherOfficer().principal().userId(), world.classified("US", Set.of(Jurisdiction.US),
                        Classification.DEATH, Instant.now())).getFirst();
    }

    @Test
    void the_prrc_sees_the_whole_organisations_overdue_and_soon_due_obligations_soonest_first() throws Exception {
        String panel = panel(m.prrc());

        assertThat(panel).contains("Every pending deadline of your organisation.", "2 overdue",
                "1 due within 5 days", "4 pending in all", "href=\"/cases/" + colleaguesOverdue.caseId() + "\"",
                officersOverdue.caseReference(), unassignedSoon.caseReference(), colleaguesLater.caseReference());
        assertThat(panel.indexOf(colleaguesOverdue.caseReference()))
                .isLessThan(panel.indexOf(officersOverdue.caseReference()));
        assertThat(panel.indexOf(officersOverdue.caseReference()))
                .isLessThan(panel.indexOf(unassignedSoon.caseReference()));
    }

    @Test
    void a_vigilance_officer_sees_their_own_and_unassigned_obligations_only() throws Exception {
        String panel = panel(m.officer());

        assertThat(panel).contains("Deadlines you are responsible for", "1 overdue", "1 due within 5 days",
                "2 pending in all", officersOverdue.caseReference(), unassignedSoon.caseReference())
                .doesNotContain(colleaguesOverdue.caseReference(), colleaguesLater.caseReference());
    }

    @Test
    void complaint_handlers_have_no_deadline_panel() throws Exception {
        String dashboard = mvc.perform(get("/").with(as(m.handler()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).doesNotContain("id=\"deadlines-due\"");
    }

    private String panel(Person person) throws Exception {
        String dashboard = mvc.perform(get("/").with(as(person))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int start = dashboard.indexOf("id=\"deadlines-due\"");
        assertThat(start).as("the deadline panel on the dashboard").isPositive();
        return dashboard.substring(start, dashboard.indexOf("</section>", start));
    }
}
