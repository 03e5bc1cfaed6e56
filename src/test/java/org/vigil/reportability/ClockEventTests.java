package org.vigil.reportability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.casework.CaseWorld;
import org.vigil.casework.Cases;
import org.vigil.casework.ComplaintSource;
import org.vigil.casework.NewComplaint;
import org.vigil.deadline.Authority;
import org.vigil.deadline.Due;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.ObligationKind;
import org.vigil.organisation.OrganisationDetails;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * Events that start clocks of their own (rule packs: MDR Art. 87(6), 87(8), 89(5); 21 CFR 803.30), recorded by the
 * side whose duty they start; and triage of a complaint entered by manufacturer staff.
 */
@IntegrationTest
class ClockEventTests {

    @Autowired
    Reportability reportability;
    @Autowired
    CaseWorld world;
    @Autowired
    TestData testData;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    Cases cases;

    private static InvalidInputException refusal(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void an_announced_follow_up_report_is_due_at_the_end_of_the_announced_date_MIR_1_2_f_and_MDR_89_5() {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        var officer = parties.vigilance().principal();
        var at = LocalDateTime.parse("2026-04-07T16:00");

        var beforeDecision = refusal(() -> testData.as(officer, () -> reportability.recordEvent(opened.id(),
                EventKind.FOLLOW_UP_ANNOUNCED, at, "Europe/Berlin", LocalDate.of(2026, 5, 15), null)));
        assertThat(beforeDecision.errors()).extracting(FieldError::message)
                .anyMatch(message -> message.contains("Decide reportability first"));

        testData.as(officer, () -> reportability.decide(opened.id(), ReportabilityTests.death(), TestData.PASSWORD));
        var withoutDate = refusal(() -> testData.as(officer, () -> reportability.recordEvent(opened.id(),
                EventKind.FOLLOW_UP_ANNOUNCED, at, "Europe/Berlin", null, null)));
        assertThat(withoutDate.errors()).extracting(FieldError::field).containsExactly("setDate");

        testData.as(officer, () -> reportability.recordEvent(opened.id(), EventKind.FOLLOW_UP_ANNOUNCED, at,
                "Europe/Berlin", LocalDate.of(2026, 5, 15), "Root-cause analysis of the explanted pump"));
        var followUp = testData.as(officer, () -> reportability.obligations(opened.id())).stream()
                .filter(o -> o.kind() == ObligationKind.FOLLOW_UP).toList();
        assertThat(followUp).hasSize(1);
        assertThat(((Due.By) followUp.getFirst().due()).date()).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(testData.as(officer, () -> reportability.events(opened.id()))).extracting(RecordedEvent::kind)
                .containsExactly(EventKind.FOLLOW_UP_ANNOUNCED);
    }

    @Test
    void a_field_safety_corrective_action_is_due_before_its_planned_start_MDR_87_8() {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        var officer = parties.vigilance().principal();
        testData.as(officer, () -> reportability.decide(opened.id(), ReportabilityTests.death(), TestData.PASSWORD));
        testData.as(officer, () -> reportability.recordEvent(opened.id(), EventKind.FSCA,
                LocalDateTime.parse("2026-04-01T09:00"), "Europe/Berlin", LocalDate.of(2026, 4, 20), null));
        var fsca = testData.as(officer, () -> reportability.obligations(opened.id())).stream()
                .filter(o -> o.kind() == ObligationKind.FSCA_NOTIFICATION).toList();
        assertThat(fsca).isNotEmpty();
        assertThat(fsca.getFirst().due().deadline())
                .isEqualTo(LocalDate.of(2026, 4, 20).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant());
    }

    @Test
    void a_US_user_facility_that_learns_of_a_death_owes_FDA_and_the_manufacturer_a_report_in_10_work_days_21_CFR_803_30() {
        var parties = world.parties();
        var usHospital = testData.asPlatform(() -> organisations.register(new OrganisationDetails(
                OrganisationKind.HEALTHCARE_ORGANISATION, "Mercy General " + UUID.randomUUID(), "US", null)));
        var officer = testData.person(usHospital, Role.REPORTER, Role.DEVICE_SAFETY_OFFICER);
        var opened = world.caseOf(world.submitReport(officer, parties.device().udiDi(), false), officer);

        // Learned on Friday 20 November 2026 in Chicago; Thanksgiving (26 Nov) is no work day: due Mon 7 December.
        testData.as(officer.principal(), () -> reportability.recordEvent(opened.id(), EventKind.USER_FACILITY_DEATH,
                LocalDateTime.parse("2026-11-20T15:30"), "America/Chicago", null, null));
        var obligations = testData.as(officer.principal(), () -> reportability.obligationsOfMySide(opened.id()));
        assertThat(obligations).extracting(o -> o.recipient().authority())
                .containsExactlyInAnyOrder(Authority.FDA, Authority.DEVICE_MANUFACTURER);
        assertThat(obligations).allSatisfy(o -> {
            assertThat(o.source().citation()).startsWith("21 CFR 803.30");
            assertThat(((Due.By) o.due()).date()).isEqualTo(LocalDate.of(2026, 12, 7));
        });

        // The manufacturer's side neither sees the hospital's duties nor records them.
        assertThat(testData.as(parties.vigilance().principal(), () -> reportability.obligationsOfMySide(opened.id())))
                .isEmpty();
        var notTheirs = refusal(() -> testData.as(parties.vigilance().principal(), () -> reportability.recordEvent(
                opened.id(), EventKind.USER_FACILITY_DEATH, LocalDateTime.parse("2026-11-20T15:30"),
                "America/Chicago", null, null)));
        assertThat(notTheirs.errors()).extracting(FieldError::field).contains("kind");
    }

    @Test
    void a_hospital_outside_the_US_has_no_user_facility_duties_21_CFR_803_30() {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.safetyOfficer());
        var refused = refusal(() -> testData.as(parties.safetyOfficer().principal(), () -> reportability.recordEvent(
                opened.id(), EventKind.USER_FACILITY_SERIOUS_INJURY, LocalDateTime.parse("2026-11-20T15:30"),
                "Europe/Berlin", null, null)));
        assertThat(refused.errors()).extracting(FieldError::message)
                .anyMatch(message -> message.contains("United States"));
    }

    @Test
    void a_complaint_entered_by_phone_is_triaged_like_a_hospital_report_MDR_87_and_ISO_13485_8_2_2() {
        var parties = world.parties();
        var officer = parties.vigilance().principal();
        var complaint = testData.as(officer, () -> cases.enterComplaint(new NewComplaint(ComplaintSource.PHONE,
                "Fixture device", "A nurse called: the pump stopped, the patient was resuscitated.", "Nurse, clinic X",
                LocalDate.of(2026, 3, 27))));
        var start = testData.as(officer, () -> reportability.startingPoint(complaint.id()));
        assertThat(start.incidentAwareAt()).isEqualTo(LocalDateTime.parse("2026-03-27T00:00"));
        var decision = testData.as(officer, () -> reportability.decide(complaint.id(), ReportabilityTests.death(),
                TestData.PASSWORD));
        assertThat(decision.classification()).isNotNull();
        assertThat(testData.as(officer, () -> reportability.obligations(complaint.id()))).isNotEmpty();
    }
}
