package org.vigil.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.vigil.audit.AuditTrail;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Role;
import org.vigil.shared.database.DatabaseEndpoints;
import org.vigil.support.IntegrationTest;
import org.vigil.support.Superuser;
import org.vigil.support.TestData;

/**
 * The shared case (MDR Art. 87, 89): opened when the hospital submits its report, shared with exactly the device's
 * manufacturer, worked by the manufacturer only along the allowed statuses, with the hospital's internal notes kept
 * from the manufacturer down to the database.
 */
@IntegrationTest
class CaseTests {

    @Autowired
    CaseWorld world;
    @Autowired
    Cases cases;
    @Autowired
    TestData testData;
    @Autowired
    AuditTrail audit;
    @Autowired
    DatabaseEndpoints endpoints;

    @Test
    void a_submitted_report_opens_one_case_owned_by_the_hospital_and_shared_with_the_manufacturer_per_mdr_art_87() {
        var parties = world.parties();
        var report = world.submitReport(parties, false);
        var seenByHospital = world.caseOf(report, parties.reporter());
        assertThat(seenByHospital.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(seenByHospital.origin()).isEqualTo(CaseOrigin.REPORT);
        assertThat(seenByHospital.owner()).isEqualTo(parties.hospital().id());
        assertThat(seenByHospital.manufacturer()).isEqualTo(parties.manufacturer().id());
        assertThat(seenByHospital.reportReference()).isEqualTo(report.reference());

        var seenByManufacturer = world.caseOf(report, parties.vigilance());
        assertThat(seenByManufacturer.id()).isEqualTo(seenByHospital.id());
        assertThat(seenByManufacturer.contactName())
                .as("the reporter did not allow their name: the device-safety officer is the contact")
                .contains("device-safety officer").doesNotContain(parties.reporter().principal().displayName());
        assertThat(testData.as(parties.vigilance().principal(), () -> cases.timeline(seenByManufacturer.id())))
                .extracting(TimelineEntry::kind).containsExactly(EntryKind.OPENED);
        assertThat(testData.as(parties.vigilance().principal(), () -> cases.list(CaseFilter.all(), 50)))
                .extracting(CaseView::id).contains(seenByHospital.id());

        var stranger = testData.person(testData.organisation(OrganisationKind.MANUFACTURER), Role.VIGILANCE_OFFICER);
        assertThatThrownBy(() -> testData.as(stranger.principal(), () -> cases.find(seenByHospital.id())))
                .as("another manufacturer gets the answer for a case that does not exist")
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(testData.as(stranger.principal(), () -> cases.list(CaseFilter.all(), 50)))
                .extracting(CaseView::id).doesNotContain(seenByHospital.id());
        assertThat(testData.as(parties.vigilance().principal(), () -> audit.history(Cases.ref(seenByHospital.id()))))
                .as("the opening is audited and both sides read the case's history")
                .extracting(entry -> entry.action()).contains("case.opened");
    }

    @Test
    void the_reporters_name_reaches_the_manufacturer_only_when_the_report_allows_it() {
        var parties = world.parties();
        var report = world.submitReport(parties, true);
        assertThat(world.caseOf(report, parties.vigilance()).contactName())
                .contains(parties.reporter().principal().displayName());
    }

    @Test
    void the_reporters_own_messages_show_under_the_hospitals_name_when_the_report_keeps_the_name_back() {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        testData.as(parties.reporter().principal(), () -> cases.postMessage(opened.id(), "It happened twice."));
        String name = parties.reporter().principal().displayName();
        assertThat(testData.as(parties.vigilance().principal(), () -> cases.timeline(opened.id())))
                .filteredOn(entry -> entry.kind() == EntryKind.MESSAGE).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.authorName()).doesNotContain(name).endsWith("(reporter)");
                    assertThat(entry.author()).isNull();
                });
        assertThat(testData.as(parties.safetyOfficer().principal(), () -> cases.timeline(opened.id())))
                .filteredOn(entry -> entry.kind() == EntryKind.MESSAGE).extracting(TimelineEntry::authorName)
                .containsExactly(name);
    }

    @Test
    void the_authorised_representative_named_on_the_device_works_the_case_with_the_manufacturer_mdr_art_11() {
        var parties = world.parties();
        var representative = testData.organisation(OrganisationKind.AUTHORISED_REPRESENTATIVE);
        var arOfficer = testData.person(representative, Role.VIGILANCE_OFFICER);
        String udiDi = org.vigil.shared.Tenancy.callAs(org.vigil.shared.Actor.system(parties.manufacturer().id(),
                "test"), () -> {
                    String basic = org.vigil.support.DeviceFixtures.gmn();
                    world.devices.registerBasicUdiDi(new org.vigil.device.BasicUdiDiData(basic, "Represented pump",
                            "Tests the register", org.vigil.device.Legislation.MDR, false,
                            org.vigil.device.RiskClass.MDR_IIA, false, false, false, false,
                            org.vigil.device.MedicinalSubstance.NONE, false, false, "0123", List.of("CERT-1"), null,
                            representative.srn()));
                    return world.devices.addUdiDi(org.vigil.support.DeviceFixtures.udi(basic,
                            org.vigil.support.DeviceFixtures.gtin(), "Represented pump")).data().udiDi();
                });
        var report = world.submitReport(parties.reporter(), udiDi, false);
        var opened = world.caseOf(report, arOfficer);
        assertThat(opened.representative()).isEqualTo(representative.id());
        assertThat(testData.as(arOfficer.principal(), () -> cases.moveTo(opened.id(),
                CaseStatus.UNDER_INVESTIGATION, null)).status()).isEqualTo(CaseStatus.UNDER_INVESTIGATION);
        assertThat(testData.as(parties.vigilance().principal(), () -> cases.find(opened.id())).status())
                .isEqualTo(CaseStatus.UNDER_INVESTIGATION);
    }

    @Test
    void a_report_about_a_device_without_a_registered_manufacturer_keeps_the_case_with_the_hospital_and_says_so() {
        var parties = world.parties();
        var report = world.submitUnregisteredReport(parties);
        var opened = world.caseOf(report, parties.safetyOfficer());
        assertThat(opened.manufacturer()).isNull();
        assertThat(opened.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(testData.as(parties.safetyOfficer().principal(), () -> cases.timeline(opened.id())))
                .singleElement().satisfies(entry -> assertThat(entry.body()).contains("not registered in Vigil"));
        assertThatThrownBy(() -> testData.as(parties.vigilance().principal(), () -> cases.find(opened.id())))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void only_the_manufacturer_moves_the_status_and_only_along_the_allowed_steps_mdr_art_89_1() {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        var vigilance = parties.vigilance().principal();

        assertThatThrownBy(() -> testData.as(parties.safetyOfficer().principal(),
                () -> cases.moveTo(opened.id(), CaseStatus.CLOSED, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                                .containsExactly("status"));
        assertThatThrownBy(() -> testData.as(vigilance, () -> cases.moveTo(opened.id(), CaseStatus.CLOSED, null)))
                .as("received cannot jump to closed").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("status");

        testData.as(vigilance, () -> cases.moveTo(opened.id(), CaseStatus.UNDER_INVESTIGATION, null));
        testData.as(vigilance, () -> cases.moveTo(opened.id(), CaseStatus.INVESTIGATION_CONCLUDED, null));
        var closed = testData.as(vigilance, () -> cases.moveTo(opened.id(), CaseStatus.CLOSED, null));
        assertThat(closed.closedAt()).isNotNull();

        assertThatThrownBy(() -> testData.as(vigilance,
                () -> cases.moveTo(opened.id(), CaseStatus.UNDER_INVESTIGATION, " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("reason"));
        var reopened = testData.as(vigilance, () -> cases.moveTo(opened.id(), CaseStatus.UNDER_INVESTIGATION,
                "A second hospital reported the same failure."));
        assertThat(reopened.status()).isEqualTo(CaseStatus.UNDER_INVESTIGATION);
        assertThat(reopened.closedAt()).isNull();
        assertThat(testData.as(parties.reporter().principal(), () -> cases.timeline(opened.id())))
                .filteredOn(entry -> entry.kind() == EntryKind.STATUS).extracting(TimelineEntry::body)
                .last().asString().contains("A second hospital");
    }

    @Test
    void a_hospital_internal_note_never_reaches_the_manufacturer_not_even_in_the_database() {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.safetyOfficer());
        testData.as(parties.safetyOfficer().principal(),
                () -> cases.addInternalNote(opened.id(), "Legal asked us to keep the pump until the inquest."));
        testData.as(parties.safetyOfficer().principal(),
                () -> cases.postMessage(opened.id(), "The pump is in the safety office."));
        testData.as(parties.vigilance().principal(),
                () -> cases.addInternalNote(opened.id(), "Probably the known firmware issue."));

        assertThat(testData.as(parties.reporter().principal(), () -> cases.timeline(opened.id())))
                .extracting(TimelineEntry::body)
                .contains("Legal asked us to keep the pump until the inquest.", "The pump is in the safety office.")
                .doesNotContain("Probably the known firmware issue.");
        assertThat(testData.as(parties.vigilance().principal(), () -> cases.timeline(opened.id())))
                .extracting(TimelineEntry::body)
                .contains("The pump is in the safety office.", "Probably the known firmware issue.")
                .doesNotContain("Legal asked us to keep the pump until the inquest.");

        // Row-level security itself, as the application role acting for the manufacturer.
        var jdbc = new JdbcTemplate(Superuser.dataSource(endpoints));
        List<String> seenByManufacturerRole = jdbc.execute((java.sql.Connection connection) -> {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE " + endpoints.appRole());
                statement.execute("SELECT set_config('vigil.org_id', '" + parties.manufacturer().id() + "', true)");
                var bodies = new java.util.ArrayList<String>();
                try (var rows = statement.executeQuery("SELECT body FROM vigil.case_entry WHERE case_id = '"
                        + opened.id() + "'")) {
                    while (rows.next()) {
                        bodies.add(rows.getString(1));
                    }
                }
                return bodies;
            } finally {
                connection.rollback();
            }
        });
        assertThat(seenByManufacturerRole).contains("The pump is in the safety office.")
                .doesNotContain("Legal asked us to keep the pump until the inquest.");
    }

    @Test
    void the_device_goes_back_step_by_step_and_each_side_takes_only_its_own_steps_mdr_art_89_3() {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        var vigilance = parties.vigilance().principal();
        var hospital = parties.safetyOfficer().principal();

        assertThatThrownBy(() -> testData.as(hospital, () -> cases.deviceReturn(opened.id(), "request", "x")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> testData.as(vigilance, () -> cases.deviceReturn(opened.id(), "request", " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("instructions"));
        testData.as(vigilance, () -> cases.deviceReturn(opened.id(), "request",
                "Decontaminate, pack in the enclosed box, use the prepaid label."));
        assertThatThrownBy(() -> testData.as(vigilance, () -> cases.deviceReturn(opened.id(), "receive", null)))
                .as("nothing to receive before it is shipped").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> testData.as(hospital, () -> cases.deviceReturn(opened.id(), "ship", "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("trackingReference"));
        testData.as(hospital, () -> cases.deviceReturn(opened.id(), "ship", "1Z999AA10123456784"));
        testData.as(vigilance, () -> cases.deviceReturn(opened.id(), "receive", null));
        testData.as(vigilance, () -> cases.deviceReturn(opened.id(), "analyse", "Cracked occlusion sensor."));
        var disposed = testData.as(vigilance, () -> cases.deviceReturn(opened.id(), "dispose",
                "Incinerated after the authority was told."));
        assertThat(disposed.deviceReturn().state()).isEqualTo("DISPOSED");
        assertThat(disposed.deviceReturn().details()).containsEntry("findings", "Cracked occlusion sensor.");

        var hospitalTimeline = testData.as(hospital, () -> cases.timeline(opened.id()));
        var manufacturerTimeline = testData.as(vigilance, () -> cases.timeline(opened.id()));
        assertThat(hospitalTimeline).extracting(TimelineEntry::id)
                .as("both sides see the same shared timeline").isEqualTo(manufacturerTimeline.stream()
                        .map(TimelineEntry::id).toList());
        assertThat(hospitalTimeline).filteredOn(entry -> entry.kind() == EntryKind.DEVICE_RETURN).hasSize(5);
    }

    @Test
    void interim_advice_and_outcome_come_from_the_manufacturer_with_their_explanations() {
        var parties = world.parties();
        var opened = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        var vigilance = parties.vigilance().principal();
        assertThatThrownBy(() -> testData.as(vigilance, () -> cases.adviseInterim(opened.id(), null, "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("advice", "text"));
        assertThatThrownBy(() -> testData.as(parties.safetyOfficer().principal(),
                () -> cases.adviseInterim(opened.id(), InterimAdvice.CONTINUE_USE, "fine")))
                .isInstanceOf(InvalidInputException.class);
        var advised = testData.as(vigilance, () -> cases.adviseInterim(opened.id(), InterimAdvice.QUARANTINE,
                "Keep lot LOT42 aside until our analysis is complete."));
        assertThat(testData.as(parties.reporter().principal(), () -> cases.find(opened.id())).interimAdvice())
                .isEqualTo(InterimAdvice.QUARANTINE);
        assertThat(advised.interimAdviceBy()).isEqualTo(vigilance.displayName());

        assertThatThrownBy(() -> testData.as(vigilance, () -> cases.recordOutcome(opened.id(), "Confirmed", "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("rootCause"));
        var concluded = testData.as(vigilance, () -> cases.recordOutcome(opened.id(), "Failure confirmed.",
                "A supplier changed the sensor's glue; it cracks when cold."));
        assertThat(concluded.rootCause()).contains("glue");
    }

    @Test
    void manufacturer_staff_enter_complaints_that_stay_theirs_and_the_inbox_filters_and_assigns_them() {
        var parties = world.parties();
        var complaints = parties.complaints().principal();
        assertThatThrownBy(() -> testData.as(complaints,
                () -> cases.enterComplaint(new NewComplaint(null, " ", "", null, LocalDate.now().plusDays(2)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("source", "device", "description", "receivedOn"));
        var complaint = testData.as(complaints, () -> cases.enterComplaint(new NewComplaint(ComplaintSource.PHONE,
                "(01)" + parties.device().udiDi() + "(10)LOT42", "Caller says the display flickers.",
                "Dr Example, St Elsewhere", LocalDate.now().minusDays(1))));
        assertThat(complaint.origin()).isEqualTo(CaseOrigin.COMPLAINT);
        assertThat(complaint.owner()).isEqualTo(parties.manufacturer().id());
        assertThat(complaint.deviceName()).contains(parties.device().udiDi());
        assertThatThrownBy(() -> testData.as(parties.reporter().principal(), () -> cases.enterComplaint(
                new NewComplaint(ComplaintSource.OTHER, "x", "y", null, null))))
                .isInstanceOf(AccessDeniedException.class);

        var report = world.caseOf(world.submitReport(parties, false), parties.vigilance());
        var vigilance = parties.vigilance().principal();
        assertThat(testData.as(vigilance, () -> cases.list(new CaseFilter(null, CaseOrigin.COMPLAINT, null, null,
                false, null), 50))).extracting(CaseView::id).containsExactly(complaint.id());
        assertThat(testData.as(vigilance, () -> cases.list(new CaseFilter(null, null, "INCIDENT", null, false,
                null), 50))).extracting(CaseView::id).containsExactly(report.id());

        assertThatThrownBy(() -> testData.as(vigilance, () -> cases.assign(report.id(),
                parties.reporter().principal().userId()))).isInstanceOf(InvalidInputException.class);
        testData.as(vigilance, () -> cases.assign(report.id(), complaints.userId()));
        assertThat(testData.as(vigilance, () -> cases.list(new CaseFilter(null, null, null, complaints.userId(),
                false, null), 50))).extracting(CaseView::id).containsExactly(report.id());
        assertThat(testData.as(vigilance, () -> cases.list(new CaseFilter(null, null, null, null, true, null), 50)))
                .extracting(CaseView::id).containsExactly(complaint.id());
        assertThat(testData.as(parties.reporter().principal(), () -> cases.timeline(report.id())))
                .as("assignment is the manufacturer's business").noneMatch(e -> e.kind() == EntryKind.ASSIGNMENT);

        // Ageing: the new report waits on the manufacturer; after its answer it no longer does.
        var waiting = testData.as(vigilance, () -> cases.find(report.id()));
        assertThat(waiting.waitingOnManufacturerSince()).as("the report itself is the hospital's word")
                .isEqualTo(waiting.lastHospitalAt());
        assertThat(waiting.overdue(waiting.openedAt().plus(java.time.Duration.ofDays(7)), 5)).isTrue();
        assertThat(waiting.overdue(waiting.openedAt().plus(java.time.Duration.ofDays(2)), 5)).isFalse();
        assertThat(testData.as(vigilance, () -> cases.list(new CaseFilter(null, null, null, null, false, 0), 50)))
                .as("nothing has waited a whole day yet").isEmpty();
        testData.as(vigilance, () -> cases.postMessage(report.id(), "Thank you, we are looking into it."));
        assertThat(testData.as(vigilance, () -> cases.find(report.id())).waitingOnManufacturerSince()).isNull();
        testData.as(parties.reporter().principal(), () -> cases.postMessage(report.id(), "Any news?"));
        assertThat(testData.as(vigilance, () -> cases.find(report.id())).waitingOnManufacturerSince()).isNotNull();
    }

    @Test
    void a_case_that_does_not_exist_is_not_found() {
        var parties = world.parties();
        assertThatThrownBy(() -> testData.as(parties.vigilance().principal(),
                () -> cases.find(new CaseId(UUID.randomUUID())))).isInstanceOf(RecordNotFoundException.class);
    }
}
