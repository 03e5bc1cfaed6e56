package org.vigil.device.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.audit.AuditEntry;
import org.vigil.audit.AuditTrail;
import org.vigil.device.DeviceImportRow;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.VigilPrincipal;
import org.vigil.support.DeviceFixtures;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * The import job: the whole file is read first, the valid rows are stored in one transaction while the progress shows
 * in short transactions of its own, the per-row report is kept, and a failure midway stores nothing.
 */
@IntegrationTest
class DeviceImportJobTests {

    @Autowired
    DeviceImports imports;
    @Autowired
    InstrumentedDeviceRegister register;
    @Autowired
    DeviceImportFixtures importFixtures;
    @Autowired
    TestData testData;
    @Autowired
    AuditTrail auditTrail;

    VigilPrincipal officer;

    @BeforeEach
    void manufacturer() {
        DeviceImportFixtures.use(importFixtures);
        register.reset();
        var organisation = testData.organisation(OrganisationKind.MANUFACTURER);
        officer = testData.person(organisation, Role.VIGILANCE_OFFICER).principal();
    }

    @AfterEach
    void reset() {
        register.reset();
    }

    DeviceImport submit(String fileName, String content, ImportFormat format) {
        return testData.as(officer, () -> imports.submit(fileName, content.getBytes(StandardCharsets.UTF_8), format));
    }

    DeviceImport finished(UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            var job = testData.as(officer, () -> imports.get(id));
            if (job.status().finished()) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Import " + id + " did not finish");
    }

    List<ImportIssue> report(UUID id) {
        return testData.as(officer, () -> imports.issues(id, 0, 1000));
    }

    static String tenThousandWithThreeBadRows() {
        List<DeviceImportRow> rows = new DeviceCsvGenerator(11).rows(10_000);
        String[] lines = DeviceCsvGenerator.csv(rows).split("\r\n", -1);
        lines[101] = lines[101].replace(",MDR,", ",MDR-2017,");
        lines[5000] = lines[5000].replaceFirst(",(\\d{13})(\\d),GS1,", ",$1" + "X,GS1,");
        lines[9999] = lines[9999].replaceFirst(",no,", ",nope,");
        return String.join("\r\n", lines);
    }

    @Test
    void a_csv_of_ten_thousand_udi_dis_is_stored_with_progress_counts_and_a_per_row_report() throws Exception {
        var queued = submit("devices.csv", tenThousandWithThreeBadRows(), null);
        assertThat(queued.format()).as("recognised from the header").isEqualTo(ImportFormat.DEVICE_CSV);
        var done = finished(queued.id());
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.records()).isEqualTo(10_000);
        assertThat(done.total()).isEqualTo(9_997);
        assertThat(done.processed()).isEqualTo(9_997);
        assertThat(done.stored()).isEqualTo(9_997);
        assertThat(done.rejected()).isEqualTo(3);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(report(queued.id())).extracting(ImportIssue::row).containsExactly(102, 5001, 10000);
        assertThat(report(queued.id())).extracting(ImportIssue::field).containsExactly("legislation", "udi_di",
                "legacy");
        assertThat(register.deviceCount(officer.organisationId())).isEqualTo(9_997);
        List<AuditEntry> history = testData.as(officer, () -> auditTrail.history(
                RecordRef.of("device-import", queued.id())));
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("device-import.completed");
            assertThat(entry.after()).contains("devices.csv").contains("9997");
        });
    }

    @Test
    void progress_shows_while_every_row_is_still_uncommitted_in_the_single_import_transaction() throws Exception {
        var reached = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var calls = new AtomicInteger();
        register.onCall(() -> {
            if (calls.incrementAndGet() == 3) {
                reached.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        var queued = submit("devices.csv", DeviceCsvGenerator.csv(new DeviceCsvGenerator(3).rows(2_000)), null);
        assertThat(reached.await(60, TimeUnit.SECONDS)).isTrue();
        var running = testData.as(officer, () -> imports.get(queued.id()));
        assertThat(running.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(running.total()).isEqualTo(2_000);
        assertThat(running.processed()).as("two chunks of 500 went to the register").isEqualTo(1_000);
        assertThat(running.percent()).isEqualTo(50);
        assertThat(register.deviceCount(officer.organisationId())).as("nothing is committed yet").isZero();
        release.countDown();
        assertThat(finished(queued.id()).status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(register.deviceCount(officer.organisationId())).isEqualTo(2_000);
    }

    @Test
    void when_storing_fails_midway_nothing_of_the_file_is_stored_and_the_import_says_so() throws Exception {
        register.failOnCall(3);
        var queued = submit("devices.csv", DeviceCsvGenerator.csv(new DeviceCsvGenerator(5).rows(2_000)), null);
        var done = finished(queued.id());
        assertThat(done.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.stored()).isZero();
        assertThat(done.failure()).startsWith("Nothing was imported").contains("connection to the database lost");
        assertThat(register.deviceCount(officer.organisationId())).isZero();
        assertThat(testData.as(officer, () -> auditTrail.history(RecordRef.of("device-import", queued.id()))))
                .extracting(AuditEntry::action).containsExactly("device-import.failed");
    }

    @Test
    void a_file_with_a_fatal_problem_imports_nothing_and_reports_why_against_the_whole_file() throws Exception {
        var queued = submit("devices.csv", DeviceCsvReaderTests.HEADER + ",colour\n" + DeviceCsvReaderTests.row()
                + ",red\n", ImportFormat.DEVICE_CSV);
        var done = finished(queued.id());
        assertThat(done.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.failure()).contains("colour");
        assertThat(report(queued.id())).singleElement().satisfies(issue -> {
            assertThat(issue.row()).as("the header line").isEqualTo(1);
            assertThat(issue.field()).isEqualTo("colour");
        });
        assertThat(register.deviceCount(officer.organisationId())).isZero();
    }

    /**
     * FDA's test record is stored with two notices on its one row: the derived Basic UDI-DI, and its case package left
     * out because it contains a DI the record does not have. {@code notices} counts rows, as {@code rejected} does.
     */
    @Test
    void the_fda_gudid_sample_imports_with_notices_about_its_derived_basic_udi_di_and_its_foreign_package()
            throws Exception {
        var queued = testData.as(officer, () -> imports.submit("gudid.xml", XmlReaderTests.gudidSample(), null));
        assertThat(queued.format()).isEqualTo(ImportFormat.GUDID_XML);
        var done = finished(queued.id());
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.stored()).isEqualTo(1);
        assertThat(done.rejected()).isZero();
        assertThat(done.notices()).as("rows with a notice").isEqualTo(1);
        assertThat(report(queued.id())).hasSize(2).allSatisfy(issue -> {
            assertThat(issue.row()).isEqualTo(1);
            assertThat(issue.severity()).isEqualTo(ImportIssue.Severity.NOTICE);
        }).extracting(ImportIssue::field).containsExactlyInAnyOrder("basicUdiDi", "containsDINumber");
        assertThat(register.deviceCount(officer.organisationId())).isEqualTo(1);
    }

    @Test
    void the_eudamed_example_imports_all_three_devices_with_their_notified_body_and_certificates() throws Exception {
        var queued = testData.as(officer, () -> imports.submit("eudamed.xml", XmlReaderTests.eudamedExample(), null));
        assertThat(queued.format()).isEqualTo(ImportFormat.EUDAMED_XML);
        var done = finished(queued.id());
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.stored()).isEqualTo(3);
        assertThat(report(queued.id())).isEmpty();
        List<DeviceImportRow> stored = testData.as(officer, imports::exportRows);
        assertThat(stored).hasSize(3).allSatisfy(row -> assertThat(row.basicUdiDi().notifiedBody()).isEqualTo("0123"));
        assertThat(stored).filteredOn(row -> row.udiDi().udiDi().equals("04012345000016")).singleElement()
                .satisfies(row -> assertThat(row.basicUdiDi().certificates())
                        .containsExactly("CE-0123-4567 rev. 2", "QMS-0123-1"));
    }

    @Test
    void rows_the_register_refuses_are_reported_and_the_others_stored() throws Exception {
        String unregistered = DeviceFixtures.gmn();
        String orphan = DeviceCsvReaderTests.row("basic_udi_di=" + unregistered, "device_name=", "legislation=",
                "risk_class=", "udi_di=" + DeviceFixtures.gtin(), "package_levels=");
        var queued = submit("devices.csv", DeviceCsvReaderTests.HEADER + "\n" + DeviceCsvReaderTests.uniqueRow()
                + "\n" + orphan + "\n", null);
        var done = finished(queued.id());
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.stored()).isEqualTo(1);
        assertThat(done.rejected()).isEqualTo(1);
        assertThat(report(queued.id())).singleElement().satisfies(issue -> {
            assertThat(issue.row()).isEqualTo(3);
            assertThat(issue.message()).contains(unregistered).contains("not registered");
        });
        assertThat(register.deviceCount(officer.organisationId())).isEqualTo(1);
    }

    @Test
    void a_udi_di_another_organisation_registered_is_refused_and_stays_theirs() throws Exception {
        String theirs = DeviceImportFixtures.registeredUdiDi(testData.organisation(OrganisationKind.MANUFACTURER).id());
        var queued = submit("devices.csv", DeviceCsvReaderTests.HEADER + "\n"
                + DeviceCsvReaderTests.uniqueRow("udi_di=" + theirs, "package_levels=") + "\n", null);
        var done = finished(queued.id());
        assertThat(done.stored()).isZero();
        assertThat(report(queued.id())).singleElement().satisfies(issue -> {
            assertThat(issue.field()).isEqualTo("udiDi");
            assertThat(issue.message()).contains(theirs).contains("another organisation");
        });
        assertThat(register.deviceCount(officer.organisationId())).isZero();
    }

    @Test
    void a_row_with_several_problems_counts_as_one_rejected_row() throws Exception {
        var queued = submit("devices.csv", DeviceCsvReaderTests.HEADER + "\n"
                + DeviceCsvReaderTests.row("risk_class=Z", "active=perhaps", "emdn_code=123") + "\n", null);
        var done = finished(queued.id());
        assertThat(done.rejected()).isEqualTo(1);
        assertThat(report(queued.id())).hasSize(3);
    }

    @Test
    void units_placed_on_the_market_import_per_udi_di_country_and_month_for_the_organisations_own_udi_dis()
            throws Exception {
        String udiDi = DeviceImportFixtures.registeredUdiDi(officer.organisationId());
        String notOurs = DeviceFixtures.gtin();
        var queued = submit("units.csv", """
                udi_di,country,month,units
                %1$s,DE,2025-01,1200
                %1$s,FR,2025-01,300
                %1$s,FR,2025-13,5
                %2$s,DE,2025-01,7
                """.formatted(udiDi, notOurs), null);
        assertThat(queued.format()).isEqualTo(ImportFormat.UNITS_PLACED_CSV);
        var done = finished(queued.id());
        assertThat(done.stored()).isEqualTo(2);
        assertThat(done.rejected()).isEqualTo(2);
        assertThat(report(queued.id())).satisfiesExactly(issue -> {
            assertThat(issue.row()).isEqualTo(4);
            assertThat(issue.field()).isEqualTo("month");
        }, issue -> {
            assertThat(issue.row()).isEqualTo(5);
            assertThat(issue.message()).contains(notOurs).contains("registered");
        });
        assertThat(register.unitsCount(officer.organisationId())).isEqualTo(2);
    }

    @Test
    void another_organisation_cannot_see_the_import() {
        var queued = submit("units.csv", "udi_di,country,month,units\n04012345000016,DE,2025-01,1\n", null);
        var other = testData.person(testData.organisation(OrganisationKind.MANUFACTURER), Role.PRRC).principal();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> testData.as(other, () -> imports.get(queued.id())))
                .isInstanceOf(org.vigil.shared.RecordNotFoundException.class);
    }
}
