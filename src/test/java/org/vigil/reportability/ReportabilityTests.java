package org.vigil.reportability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.vigil.casework.CaseId;
import org.vigil.casework.CaseView;
import org.vigil.casework.CaseWorld;
import org.vigil.casework.Cases;
import org.vigil.deadline.Authority;
import org.vigil.deadline.Classification;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.Due;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationKind;
import org.vigil.deadline.ObligationState;
import org.vigil.deadline.ObligationView;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Role;
import org.vigil.shared.UserId;
import org.vigil.shared.VigilPrincipal;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * Reportability decisions on a hospital's case: signed with the password (21 CFR 11.200), bound to their content
 * (11.70), kept when changed, and turned into the case's deadlines at once (MDR Art. 87).
 */
@IntegrationTest
class ReportabilityTests {

    static final LocalDateTime AWARE = LocalDateTime.parse("2026-03-29T10:15");
    static final String BERLIN = "Europe/Berlin";

    @Autowired
    Reportability reportability;
    @Autowired
    CaseWorld world;
    @Autowired
    Cases cases;
    @Autowired
    Deadlines deadlines;
    @Autowired
    TestData testData;

    static DecisionDraft death() {
        return new DecisionDraft(true, Set.of(SeriousOutcome.DEATH), false, false, Causality.CANNOT_BE_EXCLUDED,
                false, UseContext.NORMAL_USE, "The pump stopped; the patient died. A link cannot be excluded.", AWARE,
                BERLIN, null, null, null, "DE", DeviceKind.MEDICAL_DEVICE, Set.of(Jurisdiction.EU), BERLIN, null);
    }

    static DecisionDraft otherReportable() {
        return new DecisionDraft(true, Set.of(SeriousOutcome.INTERVENTION), false, true, Causality.REASONABLY_POSSIBLE,
                false, UseContext.NORMAL_USE, "A revision operation was needed; this complication is anticipated.",
                AWARE, BERLIN, null, null, null, "DE", DeviceKind.MEDICAL_DEVICE, Set.of(Jurisdiction.EU), BERLIN,
                null);
    }

    record Setting(CaseWorld.Parties parties, CaseView opened) {
    }

    Setting aCase() {
        var parties = world.parties();
        return new Setting(parties, world.caseOf(world.submitReport(parties, false), parties.vigilance()));
    }

    @Test
    void a_signed_death_decision_shows_name_time_and_meaning_and_creates_the_10_day_report_to_the_German_authority_MDR_87_5() {
        var s = aCase();
        var officer = s.parties().vigilance();
        var decision = testData.as(officer.principal(),
                () -> reportability.decide(s.opened().id(), death(), TestData.PASSWORD));

        assertThat(decision.version()).isEqualTo(1);
        assertThat(decision.conclusion()).isEqualTo(Conclusion.REPORTABLE);
        assertThat(decision.classification()).isEqualTo(Classification.DEATH);
        assertThat(decision.signature().printedName()).isEqualTo(officer.principal().displayName());
        assertThat(decision.signature().meaning()).isEqualTo("reportability decision");
        assertThat(decision.signatureIntact()).isTrue();
        assertThat(decision.reportabilityAwareness()).isEqualTo(decision.incidentAwareness());

        var obligations = testData.as(officer.principal(), () -> reportability.obligations(s.opened().id()));
        var initial = obligations.stream().filter(o -> o.kind() == ObligationKind.INITIAL_REPORT).toList();
        assertThat(initial).hasSize(1);
        assertThat(initial.getFirst().recipient().authority()).isEqualTo(Authority.NATIONAL_COMPETENT_AUTHORITY);
        assertThat(initial.getFirst().recipient().country()).isEqualTo("DE");
        assertThat(initial.getFirst().source().citation()).isEqualTo("MDR Art. 87(5)");
        assertThat(initial.getFirst().state()).isEqualTo(ObligationState.OPEN);
        // Aware on Sunday 29 March 2026 (the day clocks go forward in Berlin): ten days end on Wednesday 8 April.
        var due = (Due.By) initial.getFirst().due();
        assertThat(due.date()).isEqualTo(java.time.LocalDate.of(2026, 4, 8));
        assertThat(due.deadline()).isEqualTo(java.time.LocalDate.of(2026, 4, 9).atStartOfDay(ZoneId.of(BERLIN))
                .toInstant());
    }

    @Test
    void the_deadlines_follow_the_case_to_its_new_vigilance_officer_unless_someone_gave_them_to_another_person_MDR_87() {
        var s = aCase();
        var id = s.opened().id();
        var officer = s.parties().vigilance().principal();
        var colleague = testData.person(s.parties().manufacturer(), Role.VIGILANCE_OFFICER).principal();
        var prrc = testData.person(s.parties().manufacturer(), Role.PRRC).principal();
        testData.as(officer, () -> reportability.decide(id, death(), TestData.PASSWORD));
        assertThat(responsible(officer, id)).as("nobody assigned: the signer").containsOnly(officer.userId());

        testData.as(officer, () -> cases.assign(id, colleague.userId()));
        assertThat(responsible(officer, id)).containsOnly(colleague.userId());

        testData.as(officer, () -> cases.assign(id, s.parties().complaints().principal().userId()));
        assertThat(responsible(officer, id)).as("a complaint handler is never responsible for a deadline")
                .containsOnly(colleague.userId());

        var first = testData.as(officer, () -> reportability.obligations(id)).getFirst();
        testData.as(prrc, () -> deadlines.reassign(first.id(), prrc.userId()));
        testData.as(officer, () -> cases.assign(id, officer.userId()));
        assertThat(testData.as(officer, () -> deadlines.find(first.id())).responsible())
                .as("given to the PRRC on the board: stays").isEqualTo(prrc.userId());
    }

    private List<UserId> responsible(VigilPrincipal reader, CaseId id) {
        return testData.as(reader, () -> reportability.obligations(id)).stream().filter(ObligationView::pending)
                .map(ObligationView::responsible).distinct().toList();
    }

    @Test
    void a_signature_no_longer_matches_once_any_answer_of_the_signed_content_changes_21_CFR_11_70() {
        var s = aCase();
        var decision = testData.as(s.parties().vigilance().principal(),
                () -> reportability.decide(s.opened().id(), death(), TestData.PASSWORD));
        var altered = new ReportabilityDecision(decision.id(), decision.caseId(), decision.version(),
                decision.incident(), decision.seriousOutcomes(), decision.publicHealthThreat(),
                decision.deteriorationAnticipated(), decision.causality(), decision.expectedSideEffect(),
                decision.useContext(), decision.conclusion(), Classification.OTHER_REPORTABLE, decision.rationale(),
                decision.incidentAwareness(), decision.incidentAwarenessZone(), decision.reportabilityAwareness(),
                decision.reportabilityAwarenessZone(), decision.lateAwarenessExplanation(),
                decision.incidentCountry(), decision.deviceKind(), decision.markets(), decision.manufacturerZone(),
                decision.changeReason(), decision.signature());
        assertThat(altered.signatureIntact()).isFalse();
    }

    @Test
    void a_wrong_password_signs_nothing_and_saves_nothing_21_CFR_11_200() {
        var s = aCase();
        var officer = s.parties().vigilance().principal();
        assertThatThrownBy(() -> testData.as(officer,
                () -> reportability.decide(s.opened().id(), death(), "not my password")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("password"));
        assertThat(testData.as(officer, () -> reportability.history(s.opened().id()))).isEmpty();
        assertThat(testData.as(officer, () -> reportability.obligations(s.opened().id()))).isEmpty();
    }

    @Test
    void reclassifying_other_to_death_keeps_the_first_decision_asks_a_reason_and_brings_the_deadline_forward_MDR_87_3_and_87_5() {
        var s = aCase();
        var officer = s.parties().vigilance().principal();
        var id = s.opened().id();
        testData.as(officer, () -> reportability.decide(id, otherReportable(), TestData.PASSWORD));
        var fifteenDays = testData.as(officer, () -> reportability.obligations(id)).stream()
                .filter(o -> o.state().pending()).findFirst().orElseThrow().due().deadline();

        assertThatThrownBy(() -> testData.as(officer, () -> reportability.decide(id, death(), TestData.PASSWORD)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("changeReason"));

        var second = testData.as(officer, () -> reportability.decide(id,
                death().withChangeReason("The patient died on day 9; the hospital told us today."), TestData.PASSWORD));
        assertThat(second.version()).isEqualTo(2);
        var history = testData.as(officer, () -> reportability.history(id));
        assertThat(history).extracting(ReportabilityDecision::version).containsExactly(2, 1);
        assertThat(history.get(1).classification()).isEqualTo(Classification.OTHER_REPORTABLE);
        assertThat(history.get(1).signatureIntact()).isTrue();

        var pending = testData.as(officer, () -> reportability.obligations(id)).stream()
                .filter(o -> o.state().pending() && o.kind() == ObligationKind.INITIAL_REPORT).toList();
        assertThat(pending).hasSize(1);
        assertThat(pending.getFirst().due().deadline()).isBefore(fifteenDays);
        assertThat(pending.getFirst().source().citation()).isEqualTo("MDR Art. 87(5)");
    }

    @Test
    void the_same_answers_again_are_no_new_decision() {
        var s = aCase();
        var officer = s.parties().vigilance().principal();
        testData.as(officer, () -> reportability.decide(s.opened().id(), death(), TestData.PASSWORD));
        assertThatThrownBy(() -> testData.as(officer, () -> reportability.decide(s.opened().id(),
                death().withChangeReason("Again"), TestData.PASSWORD)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("changeReason"));
    }

    @Test
    void not_reportable_decisions_withdraw_open_obligations_and_record_the_rationale() {
        var s = aCase();
        var officer = s.parties().vigilance().principal();
        var id = s.opened().id();
        testData.as(officer, () -> reportability.decide(id, death(), TestData.PASSWORD));
        var excluded = new DecisionDraft(true, Set.of(SeriousOutcome.DEATH), false, false, Causality.EXCLUDED, false,
                UseContext.NORMAL_USE, "Autopsy: unrelated cardiac arrest; the pump log shows normal delivery.", AWARE,
                BERLIN, null, null, null, "DE", DeviceKind.MEDICAL_DEVICE, Set.of(Jurisdiction.EU), BERLIN,
                "Autopsy report received.");
        var decision = testData.as(officer, () -> reportability.decide(id, excluded, TestData.PASSWORD));
        assertThat(decision.conclusion()).isEqualTo(Conclusion.NOT_REPORTABLE);
        assertThat(testData.as(officer, () -> reportability.obligations(id)))
                .allSatisfy(o -> assertThat(o.state()).isEqualTo(ObligationState.WITHDRAWN));
    }

    @Test
    void the_hospital_never_reads_the_manufacturers_assessment_and_a_complaint_handler_cannot_sign() {
        var s = aCase();
        testData.as(s.parties().vigilance().principal(),
                () -> reportability.decide(s.opened().id(), death(), TestData.PASSWORD));
        assertThatThrownBy(() -> testData.as(s.parties().safetyOfficer().principal(),
                () -> reportability.history(s.opened().id()))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> testData.as(s.parties().complaints().principal(),
                () -> reportability.decide(s.opened().id(), otherReportable().withChangeReason("x"),
                        TestData.PASSWORD))).isInstanceOf(AccessDeniedException.class);
        var prrc = testData.person(s.parties().manufacturer(), Role.PRRC);
        assertThat(testData.as(prrc.principal(), () -> reportability.history(s.opened().id()))).hasSize(1);
    }

    @Test
    void the_first_decision_starts_from_what_the_case_tells_the_country_the_markets_and_the_device_kind() {
        var s = aCase();
        var draft = testData.as(s.parties().vigilance().principal(),
                () -> reportability.startingPoint(s.opened().id()));
        assertThat(draft.incidentCountry()).isEqualTo("DE");
        assertThat(draft.markets()).containsExactly(Jurisdiction.EU);
        assertThat(draft.deviceKind()).isEqualTo(DeviceKind.MEDICAL_DEVICE);
        assertThat(draft.manufacturerZone()).isEqualTo(BERLIN);
        assertThat(draft.incidentAwareAt()).isNotNull();
        assertThat(draft.incident()).isNull();
    }
}
