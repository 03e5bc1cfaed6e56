package org.vigil.deadline.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.deadline.clock.ClockFixtures.BERLIN;
import static org.vigil.deadline.clock.ClockFixtures.berlin;
import static org.vigil.deadline.clock.ClockFixtures.germanIncident;
import static org.vigil.deadline.clock.ClockFixtures.tracked;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.audit.AuditTrail;
import org.vigil.deadline.BoardFilter;
import org.vigil.deadline.Classification;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.Due;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationState;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.Urgency;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.support.TestData;

/** Storing a case's obligations: what {@link Deadlines#track} keeps, and who sees it. */
@ClockIntegrationTest
class ObligationTrackingTests {

    @Autowired
    Deadlines deadlines;
    @Autowired
    TestData testData;
    @Autowired
    TestClock clock;
    @Autowired
    AuditTrail audit;

    @Test
    void a_death_known_on_3_March_2028_in_Berlin_is_stored_due_by_the_end_of_13_March_MDR_87_5() {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var awareness = berlin("2028-03-03T10:00");
        clock.set(awareness.plus(Duration.ofHours(1)));
        UUID caseId = UUID.randomUUID();

        var obligations = testData.as(officer.principal(), () -> deadlines.track(tracked(caseId, manufacturer.id(),
                officer.principal().userId(), germanIncident(Classification.DEATH, awareness),
                "Reportability decision 1 (death)")));

        var death = only(obligations, "mdr-87-death");
        assertThat(death.due()).isEqualTo(Due.By.endOf(LocalDate.parse("2028-03-13"), BERLIN));
        assertThat(death.state()).isEqualTo(ObligationState.OPEN);
        assertThat(death.source().citation()).contains("87(5)");
        assertThat(death.recipient().country()).isEqualTo("DE");
        assertThat(death.responsible()).isEqualTo(officer.principal().userId());
        assertThat(death.responsibleName()).isEqualTo(officer.principal().displayName());
        assertThat(death.caseReference()).startsWith("CASE-2028-");
        assertThat(death.urgency(clock.instant())).isEqualTo(Urgency.LATER);
        assertThat(death.urgency(berlin("2028-03-12T00:30"))).isEqualTo(Urgency.WITHIN_2_DAYS);
        assertThat(death.urgency(berlin("2028-03-14T00:30"))).isEqualTo(Urgency.OVERDUE);
        assertThat(testData.as(officer.principal(), () -> deadlines.find(death.id()))).isEqualTo(death);
        assertThat(testData.as(officer.principal(), () -> deadlines.forCase(caseId))).isEqualTo(obligations);
        assertThat(testData.as(officer.principal(), () -> audit.history(RecordRef.of("obligation",
                death.id().value())))).extracting(entry -> entry.action()).containsExactly("obligation.created");
    }

    @Test
    void tracking_the_same_facts_again_changes_nothing_and_audits_nothing() {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var awareness = berlin("2028-04-01T09:00");
        clock.set(awareness);
        var tracked = tracked(UUID.randomUUID(), manufacturer.id(), officer.principal().userId(),
                germanIncident(Classification.OTHER_REPORTABLE, awareness), "Reportability decision 1");

        var first = testData.as(officer.principal(), () -> deadlines.track(tracked));
        var entries = auditEntries(officer, first);
        clock.advance(Duration.ofHours(3));
        var again = testData.as(officer.principal(), () -> deadlines.track(tracked));

        assertThat(again).isEqualTo(first);
        assertThat(auditEntries(officer, again)).isEqualTo(entries);
    }

    @Test
    void an_obligation_that_no_longer_arises_is_withdrawn_with_the_cause_and_kept() {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var awareness = berlin("2028-05-05T09:00");
        clock.set(awareness);
        UUID caseId = UUID.randomUUID();
        testData.as(officer.principal(), () -> deadlines.track(tracked(caseId, manufacturer.id(), null,
                germanIncident(Classification.OTHER_REPORTABLE, awareness), "Reportability decision 1")));

        var after = testData.as(officer.principal(), () -> deadlines.track(tracked(caseId, manufacturer.id(), null,
                germanIncident(null, awareness), "Reportability decision 2: not reportable, the device was not involved")));

        var withdrawn = only(after, "mdr-87-other");
        assertThat(withdrawn.state()).isEqualTo(ObligationState.WITHDRAWN);
        assertThat(withdrawn.stateReason()).isEqualTo("Reportability decision 2: not reportable, the device was not involved");
        assertThat(withdrawn.urgency(clock.instant())).isEqualTo(Urgency.ENDED);
        assertThat(testData.as(officer.principal(), () -> deadlines.pending(BoardFilter.all()))).isEmpty();
        var history = testData.as(officer.principal(), () -> audit.history(RecordRef.of("obligation",
                withdrawn.id().value())));
        assertThat(history).extracting(entry -> entry.action())
                .containsExactly("obligation.created", "obligation.withdrawn");
        assertThat(history.getLast().reason()).contains("not reportable");
    }

    @Test
    void the_board_lists_pending_obligations_by_due_time_and_filters_by_jurisdiction_device_and_person() {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var vera = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var paul = testData.person(manufacturer, Role.PRRC);
        var awareness = berlin("2028-06-02T09:00");
        clock.set(awareness);
        testData.as(vera.principal(), () -> deadlines.track(tracked(UUID.randomUUID(), manufacturer.id(),
                vera.principal().userId(), germanIncident(Classification.OTHER_REPORTABLE, awareness), "Decision")));
        testData.as(vera.principal(), () -> deadlines.track(new org.vigil.deadline.TrackedCase(UUID.randomUUID(),
                "CASE-2028-99999", "InfuFlow 300", manufacturer.id(), paul.principal().userId(),
                germanIncident(Classification.DEATH, awareness), "Decision")));

        var board = testData.as(vera.principal(), () -> deadlines.pending(BoardFilter.all()));
        assertThat(board).extracting(ObligationView::ruleId).containsExactly("mdr-87-death", "mdr-87-other");
        assertThat(testData.as(vera.principal(), () -> deadlines.pending(new BoardFilter(null, "infuflow", null))))
                .extracting(ObligationView::ruleId).containsExactly("mdr-87-death");
        assertThat(testData.as(vera.principal(), () -> deadlines.pending(new BoardFilter(null, null,
                vera.principal().userId())))).extracting(ObligationView::ruleId).containsExactly("mdr-87-other");
        assertThat(testData.as(vera.principal(), () -> deadlines.pending(new BoardFilter(Jurisdiction.US, null,
                null)))).isEmpty();
        assertThat(testData.as(vera.principal(), () -> deadlines.pending(new BoardFilter(Jurisdiction.EU, null,
                null)))).hasSize(2);
    }

    @Test
    void another_organisation_sees_none_of_the_obligations() {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var competitor = testData.organisation(OrganisationKind.MANUFACTURER);
        var outsider = testData.person(competitor, Role.VIGILANCE_OFFICER, Role.PRRC);
        var awareness = berlin("2028-07-01T09:00");
        clock.set(awareness);
        UUID caseId = UUID.randomUUID();
        var obligations = testData.as(officer.principal(), () -> deadlines.track(tracked(caseId, manufacturer.id(),
                null, germanIncident(Classification.DEATH, awareness), "Decision")));

        assertThat(testData.as(outsider.principal(), () -> deadlines.forCase(caseId))).isEmpty();
        assertThat(testData.as(outsider.principal(), () -> deadlines.pending(BoardFilter.all()))).isEmpty();
        assertThatThrownBy(() -> testData.as(outsider.principal(), () -> deadlines.find(obligations.getFirst().id())))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> testData.as(outsider.principal(), () -> deadlines.track(tracked(caseId,
                manufacturer.id(), null, germanIncident(Classification.OTHER_REPORTABLE, awareness), "Forged"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(testData.as(officer.principal(), () -> deadlines.forCase(caseId))).isEqualTo(obligations);
    }

    @Test
    void facts_the_rules_cannot_count_from_are_refused_naming_the_facts_and_nothing_is_stored() {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var awareness = berlin("2028-08-01T09:00");
        clock.set(awareness);
        UUID caseId = UUID.randomUUID();
        var facts = germanIncident(Classification.DEATH, awareness);
        // An incomplete initial report must say when the complete one follows (MDR Art. 87(6), MIR §1.2.f).
        var withoutDate = new org.vigil.deadline.CaseFacts(facts.recipients(), facts.deviceKind(),
                facts.classification(), awareness, awareness, BERLIN, facts.dutyHolder(),
                List.of(org.vigil.deadline.CaseEvent.at(org.vigil.deadline.EventKind.INCOMPLETE_INITIAL_REPORT,
                        awareness.plus(Duration.ofDays(1)))));

        assertThatThrownBy(() -> testData.as(officer.principal(), () -> deadlines.track(tracked(caseId,
                manufacturer.id(), null, withoutDate, "Incomplete initial report sent"))))
                .isInstanceOfSatisfying(org.vigil.shared.InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("facts"));
        assertThat(testData.as(officer.principal(), () -> deadlines.forCase(caseId))).isEmpty();
    }

    private List<String> auditEntries(TestData.Person person, List<ObligationView> obligations) {
        return testData.as(person.principal(), () -> obligations.stream()
                .flatMap(o -> audit.history(RecordRef.of("obligation", o.id().value())).stream())
                .map(entry -> entry.action() + " " + entry.recordedAt()).toList());
    }

    static ObligationView only(List<ObligationView> obligations, String ruleId) {
        var matching = obligations.stream().filter(o -> o.ruleId().equals(ruleId)).toList();
        assertThat(matching).as("obligations from %s among %s", ruleId,
                obligations.stream().map(ObligationView::ruleId).toList()).hasSize(1);
        return matching.getFirst();
    }
}
