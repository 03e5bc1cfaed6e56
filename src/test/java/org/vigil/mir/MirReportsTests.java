package org.vigil.mir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.vigil.deadline.Authority;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.ObligationKind;
import org.vigil.deadline.ObligationState;
import org.vigil.reportability.Reportability;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.shared.Sha256;

/**
 * A manufacturer's incident report from the first version to the closed deadline (MDR Art. 87, 89; MIR 7.3.1;
 * 21 CFR 11.50, 11.70, 11.200 for the approval signature).
 */
@IntegrationTest
class MirReportsTests {

    @Autowired
    MirReports reports;
    @Autowired
    Reportability reportability;
    @Autowired
    TestData testData;

    @Autowired
    MirWorld mirWorld;

    /** A hospital's report about a death, decided reportable to the German authority. */
    MirWorld.Setting aReportableDeath() {
        return mirWorld.aReportableDeath();
    }

    /** The values of a complete initial report (the form writer's golden file), coded in the shipped release. */
    static Map<String, String> completeInitialValues(MirReports reports) throws IOException {
        try (InputStream in = MirReportsTests.class.getResourceAsStream("/org/vigil/mir/golden/initial.xml")) {
            var report = MirForm.read(in).report();
            var values = new HashMap<>(reports.values(MirDocument.of(MirForm.write(report))));
            // the golden file's A050101 is not in the IMDRF release Vigil ships
            values.put("incident_info/clinical_event_info/imdrfCodeChoice#", "A0401, A0501");
            return values;
        }
    }

    <T> T asOfficer(MirWorld.Setting s, java.util.concurrent.Callable<T> work) {
        return mirWorld.asOfficer(s, work);
    }

    @Test
    void an_initial_report_starts_as_version_1_and_every_save_is_a_new_version_with_a_field_by_field_diff() throws Exception {
        var s = aReportableDeath();
        var started = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        assertThat(started.versions()).hasSize(1);
        assertThat(started.latest().origin()).isEqualTo(MirVersion.Origin.PREFILLED);
        assertThat(started.state()).isEqualTo(MirReportView.State.DRAFT);

        var values = completeInitialValues(reports);
        var saved = asOfficer(s, () -> reports.save(started.id(), values, 1, "Completed from the investigation"));
        assertThat(saved.versions()).extracting(MirVersion::version).containsExactly(2, 1);
        assertThat(saved.latest().note()).isEqualTo("Completed from the investigation");

        values.put("admin_info/ncaReportNo", "BfArM-2026-0001");
        asOfficer(s, () -> reports.save(started.id(), values, 2, null));
        var changes = asOfficer(s, () -> reports.diff(started.id(), 2, 3).changes());
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.item()).isEqualTo("1.1");
            assertThat(change.before()).isEmpty();
            assertThat(change.after()).isEqualTo("BfArM-2026-0001");
        });
        var first = asOfficer(s, () -> reports.document(started.id(), 1));
        assertThat(first.report().administrative().ncaReportNumber()).isNull();
    }

    @Test
    void a_value_that_cannot_be_read_is_refused_naming_the_field_and_nothing_is_saved() throws Exception {
        var s = aReportableDeath();
        var started = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        var values = completeInitialValues(reports);
        values.put("admin_info/reportDate", "20 March");
        assertThatThrownBy(() -> asOfficer(s, () -> reports.save(started.id(), values, 1, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> assertThat(error.field()).isEqualTo("admin_info/reportDate")));
        assertThat(asOfficer(s, () -> reports.find(started.id())).versions()).hasSize(1);
    }

    @Test
    void a_save_based_on_an_older_version_is_refused_so_nobody_overwrites_a_colleagues_change() throws Exception {
        var s = aReportableDeath();
        var started = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        var values = completeInitialValues(reports);
        asOfficer(s, () -> reports.save(started.id(), values, 1, null));
        values.put("admin_info/ncaReportNo", "X-1");
        assertThatThrownBy(() -> asOfficer(s, () -> reports.save(started.id(), values, 1, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("version"));
        values.remove("admin_info/ncaReportNo");
        assertThatThrownBy(() -> asOfficer(s, () -> reports.save(started.id(), values, 2, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("values"));
    }

    @Test
    void approval_signs_the_sha256_of_the_exact_form_xml_and_is_refused_while_the_report_type_misses_fields_21_CFR_11_70() throws Exception {
        var s = aReportableDeath();
        var started = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        var values = completeInitialValues(reports);
        values.remove("admin_info/mfrRef");
        asOfficer(s, () -> reports.save(started.id(), values, 1, null));
        assertThatThrownBy(() -> asOfficer(s, () -> reports.approve(started.id(), 2, TestData.PASSWORD)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).contains("admin_info/mfrRef"));

        values.put("admin_info/mfrRef", "MIR-2026-001");
        asOfficer(s, () -> reports.save(started.id(), values, 2, null));
        assertThatThrownBy(() -> asOfficer(s, () -> reports.approve(started.id(), 3, "not my password")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("password"));
        assertThat(asOfficer(s, () -> reports.find(started.id())).latest().approved()).isFalse();

        var approved = asOfficer(s, () -> reports.approve(started.id(), 3, TestData.PASSWORD));
        assertThat(approved.state()).isEqualTo(MirReportView.State.APPROVED);
        var signature = approved.latest().approval();
        assertThat(signature.meaning()).isEqualTo(MirReports.APPROVAL_MEANING);
        assertThat(signature.printedName()).isEqualTo(s.parties().vigilance().principal().displayName());
        byte[] xml = asOfficer(s, () -> reports.document(started.id(), 3)).formXml();
        assertThat(signature.contentHash()).isEqualTo(Sha256.hex(new String(xml, StandardCharsets.UTF_8)))
                .isEqualTo(sha256(xml));
    }

    @Test
    void the_submission_package_holds_the_signed_form_xml_the_eudamed_xml_the_pdf_and_a_manifest_of_their_hashes() throws Exception {
        var s = aReportableDeath();
        var started = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        asOfficer(s, () -> reports.save(started.id(), completeInitialValues(reports), 1, null));
        assertThatThrownBy(() -> asOfficer(s, () -> reports.submissionPackage(started.id(), 2)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("version"));
        var approved = asOfficer(s, () -> reports.approve(started.id(), 2, TestData.PASSWORD));
        var built = asOfficer(s, () -> reports.submissionPackage(started.id(), 2));
        var files = new java.util.LinkedHashMap<String, byte[]>();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(built.content()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        byte[] signedXml = asOfficer(s, () -> reports.document(started.id(), 2)).formXml();
        String base = built.fileName().replace(".zip", "");
        assertThat(files.get(base + "-form.xml")).isEqualTo(signedXml);
        assertThat(MirValidation.withDefaults().validate(new ByteArrayInputStream(files.get(base + "-eudamed.xml")))
                .problems()).isEmpty();
        assertThat(new String(files.get(base + ".pdf"), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String manifest = new String(files.get("manifest.txt"), StandardCharsets.UTF_8);
        assertThat(manifest).contains(approved.latest().approval().contentHash(), "approved for submission",
                s.parties().vigilance().principal().displayName());
        files.forEach((name, bytes) -> {
            if (!name.equals("manifest.txt")) {
                assertThat(manifest).contains(Sha256.hex(bytes) + "  " + name);
            }
        });
        assertThat(new String(files.get("attachments.txt"), StandardCharsets.UTF_8)).contains(s.opened().reference());
    }

    @Test
    void an_IMDRF_code_the_current_release_does_not_offer_for_new_reports_blocks_approval_naming_its_place_IMDRF_N43() throws Exception {
        var s = aReportableDeath();
        var started = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        var values = completeInitialValues(reports);
        values.put("incident_info/patient_info/imdrfClinicalCodeChoice#", "E01, E99999");
        asOfficer(s, () -> reports.save(started.id(), values, 1, null));
        var problems = asOfficer(s, () -> reports.problems(reports.document(started.id(), 2)));
        assertThat(problems).extracting(MirProblem::xpath).containsExactly(
                "/incident/incident_info/patient_info/imdrfClinicalCodeChoice1",
                "/incident/incident_info/patient_info/imdrfClinicalCodeChoice2");
        assertThat(problems.getFirst().message()).contains("not selectable");
        assertThat(problems.get(1).message()).contains("has no code E99999");
        assertThatThrownBy(() -> asOfficer(s, () -> reports.approve(started.id(), 2, TestData.PASSWORD)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsOnly("incident_info/patient_info/imdrfClinicalCodeChoice#"));
    }

    @Test
    void with_four_eyes_on_the_author_of_a_version_cannot_approve_it_but_the_PRRC_can() throws Exception {
        var s = aReportableDeath();
        testData.as(s.prrc().principal(), () -> {
            reports.setFourEyes(true);
            return null;
        });
        var started = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        var values = completeInitialValues(reports);
        asOfficer(s, () -> reports.save(started.id(), values, 1, null));
        assertThatThrownBy(() -> asOfficer(s, () -> reports.approve(started.id(), 2, TestData.PASSWORD)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("approver"));
        var approved = testData.as(s.prrc().principal(), () -> reports.approve(started.id(), 2, TestData.PASSWORD));
        assertThat(approved.latest().approval().printedName()).isEqualTo(s.prrc().principal().displayName());
        testData.as(s.prrc().principal(), () -> {
            reports.setFourEyes(false);
            return null;
        });
    }

    @Test
    void recording_the_submission_closes_the_initial_report_obligation_and_the_announced_final_report_becomes_due_MDR_87_and_89_5() throws Exception {
        var s = aReportableDeath();
        var started = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        var values = completeInitialValues(reports);
        LocalDate next = LocalDate.now().plusDays(30);
        values.put("admin_info/reportNextDate", next.toString());
        values.put("admin_info/reportDate", LocalDate.now().toString());
        values.put("admin_info/mfrAwarenessDate", LocalDate.now().minusDays(2).toString());
        values.put("admin_info/mfrAwarenessReportDate", LocalDate.now().minusDays(2).toString());
        values.put("admin_info/adverseEventDateFrom", LocalDate.now().minusDays(3).toString());
        values.put("admin_info/adverseEventDateTo", LocalDate.now().minusDays(3).toString());
        asOfficer(s, () -> reports.save(started.id(), values, 1, null));
        asOfficer(s, () -> reports.approve(started.id(), 2, TestData.PASSWORD));
        var initialObligation = asOfficer(s, () -> reportability.obligations(s.opened().id())).stream()
                .filter(o -> o.kind() == ObligationKind.INITIAL_REPORT
                        && o.recipient().authority() == Authority.NATIONAL_COMPETENT_AUTHORITY)
                .findFirst().orElseThrow();
        assertThat(initialObligation.pending()).isTrue();

        var submission = asOfficer(s, () -> reports.recordSubmission(started.id(), new MirReports.SubmissionDraft(
                Authority.NATIONAL_COMPETENT_AUTHORITY, initialObligation.recipient().country(),
                SubmissionChannel.EMAIL_PACKAGE, null, null, "BfArM-2026-0815", EventKind.FINAL_REPORT_ANNOUNCED)));
        assertThat(submission.obligations()).contains(initialObligation.id());

        var after = asOfficer(s, () -> reportability.obligations(s.opened().id()));
        assertThat(after).filteredOn(o -> o.id().equals(initialObligation.id())).singleElement()
                .satisfies(o -> {
                    assertThat(o.state()).isEqualTo(ObligationState.SUBMITTED);
                    assertThat(o.submissionReference()).isEqualTo("BfArM-2026-0815");
                });
        assertThat(after).anySatisfy(o -> {
            assertThat(o.kind()).isEqualTo(ObligationKind.FINAL_REPORT);
            assertThat(o.pending()).isTrue();
        });
        assertThat(asOfficer(s, () -> reports.find(started.id())).state()).isEqualTo(MirReportView.State.SUBMITTED);
        assertThatThrownBy(() -> asOfficer(s, () -> reports.save(started.id(), values, 2, "late change")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("state"));

        var acknowledged = asOfficer(s, () -> reports.acknowledge(started.id(), submission.id(), null,
                "Receipt confirmed by e-mail"));
        assertThat(acknowledged.acknowledged()).isTrue();
        assertThat(acknowledged.authorityReference()).isEqualTo("BfArM-2026-0815");

        var finalReport = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.FINAL_REPORTABLE));
        assertThat(finalReport.sequence()).isEqualTo(2);
        assertThat(finalReport.latest().origin()).isEqualTo(MirVersion.Origin.CONTINUED);
    }

    @Test
    void an_FDA_ACK3_file_becomes_the_acknowledgement_of_the_eMDR_submission_with_FDAs_reasons_21_CFR_803_12() throws Exception {
        var s = aReportableDeath();
        var started = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        asOfficer(s, () -> reports.save(started.id(), completeInitialValues(reports), 1, null));
        asOfficer(s, () -> reports.approve(started.id(), 2, TestData.PASSWORD));
        var submission = asOfficer(s, () -> reports.recordSubmission(started.id(), new MirReports.SubmissionDraft(
                Authority.FDA, "US", SubmissionChannel.FDA_ESG, null, null, null, null)));
        var acknowledged = asOfficer(s, () -> {
            try (InputStream ack = getClass().getResourceAsStream(
                    "/org/vigil/mir/emdr/ack/ACK3_FAILURE_Report_ID.xml")) {
                return reports.acknowledgeFromFda(started.id(), submission.id(), ack);
            }
        });
        assertThat(acknowledged.acknowledged()).isTrue();
        assertThat(acknowledged.acknowledgement()).startsWith("FDA ACK3: rejected").contains("failed");
        assertThatThrownBy(() -> asOfficer(s, () -> reports.acknowledgeFromFda(started.id(), submission.id(),
                new ByteArrayInputStream("<!DOCTYPE x [<!ENTITY e 'e'>]><submission>&e;</submission>"
                        .getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("file"));
    }

    @Test
    void a_form_file_round_trips_as_the_next_version_and_hostile_files_save_nothing() throws Exception {
        var s = aReportableDeath();
        var started = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        asOfficer(s, () -> reports.save(started.id(), completeInitialValues(reports), 1, null));
        byte[] exported = asOfficer(s, () -> reports.document(started.id(), 2)).formXml();
        String edited = new String(exported, StandardCharsets.UTF_8).replace("<ncaName>", "<ncaReportNo>NCA-7</ncaReportNo><ncaName>");
        var imported = asOfficer(s, () -> reports.importVersion(started.id(),
                new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8))));
        assertThat(imported.problems()).isEmpty();
        assertThat(asOfficer(s, () -> reports.diff(started.id(), 2, 3).changes())).extracting(c -> c.after())
                .containsExactly("NCA-7");

        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE incident [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<incident version=\"7.3.1\"><admin_info><ncaName>&x;</ncaName></admin_info></incident>";
        assertThatThrownBy(() -> asOfficer(s, () -> reports.importVersion(started.id(),
                new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("file"));
        assertThat(asOfficer(s, () -> reports.find(started.id())).versions()).hasSize(3);
    }

    @Test
    void the_hospital_never_sees_the_manufacturers_reports_and_a_complaint_handler_does_not_write_them() {
        var s = aReportableDeath();
        var started = asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        var hospitalOfficer = s.parties().safetyOfficer().principal();
        assertThatThrownBy(() -> testData.as(hospitalOfficer, () -> reports.find(started.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> testData.as(s.parties().complaints().principal(),
                () -> reports.start(s.opened().id(), MirReportType.INITIAL))).isInstanceOf(AccessDeniedException.class);
        var other = testData.person(testData.organisation(org.vigil.shared.OrganisationKind.MANUFACTURER),
                Role.VIGILANCE_OFFICER);
        assertThatThrownBy(() -> testData.as(other.principal(), () -> reports.find(started.id())))
                .isInstanceOf(RecordNotFoundException.class);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
