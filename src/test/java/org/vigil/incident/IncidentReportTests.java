package org.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.vigil.device.DeviceRegister;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Role;
import org.vigil.support.DeviceFixtures;
import org.vigil.support.IntegrationTest;
import org.vigil.support.Superuser;
import org.vigil.support.TestData;

/**
 * A hospital reports an incident (MDR Art. 87(10)–(11)): drafts stay inside the hospital with their author and its
 * device-safety officers, the patient appears only under the hospital's pseudonym (GDPR Art. 4(5)), attachments lose
 * their metadata, and the submitted report reaches exactly the device's manufacturer, read-only.
 */
@IntegrationTest
@RecordApplicationEvents
class IncidentReportTests {

    @Autowired
    IncidentReports reports;
    @Autowired
    DeviceRegister devices;
    @Autowired
    TestData testData;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.vigil.shared.database.DatabaseEndpoints endpoints;

    TestData.Person reporter;
    TestData.Person safetyOfficer;
    TestData.Person colleague;
    TestData.Person vigilance;
    TestData.Person otherManufacturer;
    DeviceFixtures.Device device;

    @BeforeEach
    void hospitalAndManufacturer() {
        DeviceFixtures.use(devices);
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        reporter = testData.person(hospital, Role.REPORTER);
        colleague = testData.person(hospital, Role.REPORTER);
        safetyOfficer = testData.person(hospital, Role.DEVICE_SAFETY_OFFICER);
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        vigilance = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        otherManufacturer = testData.person(testData.organisation(OrganisationKind.MANUFACTURER),
                Role.VIGILANCE_OFFICER);
        device = DeviceFixtures.deviceOf(manufacturer.id());
    }

    ReportContent scannedPumpIncident() {
        return new ReportContent(ReportKind.INCIDENT, null,
                new ReportedDevice("(01)" + device.udiDi() + "(17)271231(10)LOT42", null, null, null, null, null, null,
                        "LOT42", null, LocalDate.of(2027, 12, 31), null),
                LocalDate.now().minusDays(1), null, "ICU", "The pump stopped without alarm during an infusion.",
                List.of("A0401"), PersonInvolved.PATIENT, List.of(), List.of("F26"), 64, AgeUnit.YEARS, Sex.FEMALE,
                new BigDecimal("71.5"), null, DeviceAvailability.AVAILABLE, "Safety office, cupboard 2", false);
    }

    @Test
    void a_submitted_report_reaches_exactly_the_manufacturer_of_the_scanned_device_per_mdr_art_87() throws Exception {
        var draft = testData.as(reporter.principal(), () -> reports.startDraft(ReportKind.INCIDENT));
        assertThat(draft.reference()).matches("IR-\\d{4}-\\d{5}");
        var saved = testData.as(reporter.principal(),
                () -> reports.saveDraft(draft.id(), draft.version(), scannedPumpIncident(), "131052-308T"));
        assertThat(saved.content().patientPseudonym()).startsWith("P1-");
        var photo = testData.as(reporter.principal(), () -> reports.attach(draft.id(), "IMG_1.jpg", "image/jpeg",
                AttachmentInspectionTests.jpegWithMetadata()));
        assertThat(photo.mediaType()).isEqualTo("image/jpeg");

        assertThatThrownBy(() -> testData.as(vigilance.principal(), () -> reports.find(draft.id())))
                .as("a draft never leaves the hospital").isInstanceOf(RecordNotFoundException.class);

        var submitted = testData.as(reporter.principal(), () -> reports.submit(draft.id(), saved.version()));
        assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(submitted.manufacturer()).isEqualTo(vigilance.principal().organisationId());
        assertThat(submitted.content().device().udiDi()).isEqualTo(device.udiDi());
        assertThat(events.stream(IncidentReportSubmitted.class)).singleElement()
                .satisfies(event -> assertThat(event.manufacturer()).isEqualTo(submitted.manufacturer()));

        var seenByManufacturer = testData.as(vigilance.principal(), () -> reports.find(draft.id()));
        assertThat(seenByManufacturer.content().description()).contains("without alarm");
        assertThat(seenByManufacturer.attachments()).hasSize(1);
        var download = testData.as(vigilance.principal(), () -> reports.download(photo.id()));
        assertThat(new String(download.content(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("GPSLatitude");
        assertThatThrownBy(() -> testData.as(otherManufacturer.principal(), () -> reports.find(draft.id())))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> testData.as(otherManufacturer.principal(), () -> reports.download(photo.id())))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> testData.as(vigilance.principal(), () -> reports.startDraft(ReportKind.INCIDENT)))
                .isInstanceOf(AccessDeniedException.class);
    }

    ReportView submitted(ReportContent content) {
        var draft = testData.as(reporter.principal(), () -> reports.startDraft(ReportKind.INCIDENT));
        var saved = testData.as(reporter.principal(), () -> reports.saveDraft(draft.id(), draft.version(), content,
                null));
        return testData.as(reporter.principal(), () -> reports.submit(draft.id(), saved.version()));
    }

    @Test
    void similar_reports_are_the_manufacturers_submitted_reports_of_the_device_sharing_an_IMDRF_code_MIR_7_3_1_section_4_3() {
        var first = submitted(scannedPumpIncident());
        var second = submitted(scannedPumpIncident());
        submitted(scannedPumpIncident());
        var otherCode = scannedPumpIncident();
        otherCode = new ReportContent(otherCode.kind(), null, otherCode.device(), otherCode.occurredOn(), null, "ICU",
                otherCode.description(), List.of("A0902"), otherCode.personInvolved(), List.of(), List.of("F26"), 64,
                AgeUnit.YEARS, Sex.FEMALE, null, null, DeviceAvailability.AVAILABLE, "Safety office", false);
        submitted(otherCode);
        testData.as(reporter.principal(), () -> reports.startDraft(ReportKind.INCIDENT));
        var manufacturer = vigilance.principal().organisationId();

        var byUdiDi = testData.as(vigilance.principal(), () -> reports.similarReports(manufacturer,
                List.of(device.udiDi()), List.of(), List.of("A0401", "A9999")));
        assertThat(byUdiDi).hasSize(3).extracting(SubmittedReportSummary::id).contains(first.id(), second.id());
        assertThat(byUdiDi.getFirst().hospital()).isEqualTo(reporter.principal().organisationId());
        assertThat(byUdiDi.getFirst().occurredOn()).isEqualTo(LocalDate.now().minusDays(1));
        assertThat(byUdiDi.getFirst().deviceProblemCodes()).containsExactly("A0401");

        var byModel = testData.as(vigilance.principal(), () -> reports.similarReports(manufacturer, List.of(),
                List.of(" m-1 "), List.of("A0902")));
        assertThat(byModel).hasSize(1);
        assertThat(testData.as(otherManufacturer.principal(), () -> reports.similarReports(manufacturer,
                List.of(device.udiDi()), List.of(), List.of("A0401")))).as("shared with its manufacturer only")
                .isEmpty();
    }

    @Test
    void the_patient_identifier_is_never_stored_only_the_hospitals_pseudonym_gdpr_art_4_5() {
        var draft = testData.as(reporter.principal(), () -> reports.startDraft(ReportKind.INCIDENT));
        testData.as(reporter.principal(),
                () -> reports.saveDraft(draft.id(), draft.version(), scannedPumpIncident(), "131052-308T"));
        var jdbc = new JdbcTemplate(Superuser.dataSource(endpoints));
        String stored = jdbc.queryForObject("SELECT content::text FROM vigil.incident_report WHERE id = ?",
                String.class, draft.id().value());
        assertThat(stored).doesNotContain("131052").contains("P1-");
    }

    @Test
    void a_draft_is_seen_by_its_author_and_the_device_safety_officer_not_by_other_reporters() {
        var draft = testData.as(reporter.principal(), () -> reports.startDraft(ReportKind.NEAR_MISS));
        assertThat(testData.as(safetyOfficer.principal(), () -> reports.find(draft.id())).status())
                .isEqualTo(ReportStatus.DRAFT);
        assertThatThrownBy(() -> testData.as(colleague.principal(), () -> reports.find(draft.id())))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(testData.as(colleague.principal(), () -> reports.list(null, 50)))
                .extracting(ReportView::id).doesNotContain(draft.id());
    }

    @Test
    void an_incomplete_report_names_every_missing_field_and_keeps_the_draft() {
        var draft = testData.as(reporter.principal(), () -> reports.startDraft(ReportKind.INCIDENT));
        var incomplete = new ReportContent(ReportKind.INCIDENT, null, null, null, null, "ICU", "Half written",
                List.of("A01", "Z99"), null, null, null, null, null, null, null, null, null, null, false);
        var saved = testData.as(reporter.principal(),
                () -> reports.saveDraft(draft.id(), draft.version(), incomplete, null));
        assertThatThrownBy(() -> testData.as(reporter.principal(), () -> reports.submit(draft.id(), saved.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).contains("device.manufacturerName",
                                "occurredOn", "deviceProblemCodes", "personInvolved", "deviceAvailability"));
        var kept = testData.as(reporter.principal(), () -> reports.find(draft.id()));
        assertThat(kept.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(kept.content().description()).isEqualTo("Half written");
    }

    @Test
    void a_save_based_on_an_old_version_is_refused_so_two_tabs_never_overwrite_each_other() {
        var draft = testData.as(reporter.principal(), () -> reports.startDraft(ReportKind.INCIDENT));
        testData.as(reporter.principal(), () -> reports.saveDraft(draft.id(), draft.version(), scannedPumpIncident(),
                null));
        assertThatThrownBy(() -> testData.as(reporter.principal(), () -> reports.saveDraft(draft.id(), draft.version(),
                ReportContent.blank(ReportKind.INCIDENT), null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("version"));
    }

    @Test
    void a_disguised_attachment_is_refused_naming_the_file_field_and_the_draft_is_unchanged() {
        var draft = testData.as(reporter.principal(), () -> reports.startDraft(ReportKind.INCIDENT));
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertThatThrownBy(() -> testData.as(reporter.principal(),
                () -> reports.attach(draft.id(), "photo.jpg", "image/jpeg", program)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("file"));
        assertThat(testData.as(reporter.principal(), () -> reports.find(draft.id())).attachments()).isEmpty();
    }
}
