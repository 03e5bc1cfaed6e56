package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.audit.domain.AuditChain;
import org.vigil.shared.Actor;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordRef;
import org.vigil.shared.RecordSharing;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * The audit trail records who changed what, when (database clock, UTC) and why, atomically with the change, and its
 * hash chain never forks under concurrent writers (21 CFR 11.10(e); EU GMP Annex 11 §9; ISO 13485 §4.2.5).
 */
@IntegrationTest
class AuditTrailTests {

    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData testData;
    @Autowired
    RecordSharing sharing;

    @Test
    void concurrent_writers_never_fork_the_chain() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var officer = testData.person(hospital, Role.DEVICE_SAFETY_OFFICER);
        int writers = 8;
        int transactionsEach = 40;
        var start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                running.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int t = 0; t < transactionsEach; t++) {
                        int n = t;
                        Tenancy.runAs(officer.principal().actor(), () -> transactions.executeWithoutResult(s -> {
                            var record = RecordRef.of("test-note", UUID.randomUUID());
                            audit.record(AuditedChange.created("test.note-written", record, Map.of("writer", writer,
                                    "n", n)));
                            audit.record(AuditedChange.changed("test.note-changed", record, Map.of("n", n),
                                    Map.of("n", n + 1)));
                        }));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                future.get();
            }
        }
        audit.sealCommitted();
        var everything = Actor.auditChainCheck(Actor.platform("test"));
        var links = Tenancy.callAs(everything, () -> transactions.execute(s -> jdbc.sql(
                "SELECT seq, prev_hash, hash FROM audit_entry ORDER BY seq").query((rs, n) -> new Link(rs.getLong(1),
                rs.getBytes(2), rs.getBytes(3))).list()));
        var predecessors = new HashSet<String>();
        for (int i = 0; i < links.size(); i++) {
            assertThat(links.get(i).seq()).as("sequence numbers have no gaps").isEqualTo(i + 1L);
            assertThat(predecessors.add(AuditChain.hex(links.get(i).previous())))
                    .as("no two entries follow the same entry (a fork)").isTrue();
            if (i > 0) {
                assertThat(links.get(i).previous()).as("entry %d links to entry %d", i + 1, i)
                        .isEqualTo(links.get(i - 1).hash());
            }
        }
        long written = links.stream().count();
        assertThat(written).isGreaterThanOrEqualTo((long) writers * transactionsEach * 2);
        var verification = Tenancy.callAs(Actor.platform("test"), () -> audit.verifyChain(null));
        assertThat(verification.intact()).as("%s", verification.firstProblem()).isTrue();
        // Work left by earlier tests of the shared context (notices, for instance) may be sealed in between.
        assertThat(verification.entriesChecked()).isGreaterThanOrEqualTo(written);
    }

    private record Link(long seq, byte[] previous, byte[] hash) {
    }

    @Test
    void the_database_and_the_chain_check_hash_the_same_bytes_whatever_the_text() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var officer = testData.person(hospital, Role.DEVICE_SAFETY_OFFICER);
        var awkward = List.of("", "-", "0:", "line\nbreak", "tab\tand\rreturn", "Pâté à Äänekoski",
                "東京の病院", "emoji 🩺💉", "combining e\u0301", "quote \" and backslash \\", "12:colon:text",
                "\u2028separator", " leading and trailing ");
        Tenancy.runAs(officer.principal().actor(), () -> transactions.executeWithoutResult(status -> {
            for (String text : awkward) {
                audit.record(AuditedChange.withdrawn("test.awkward-text", RecordRef.of("test-note",
                        UUID.randomUUID()), Map.of("text", text), text.isEmpty() ? null : Map.of("t", text),
                        "reason: " + text));
            }
        }));
        var verification = Tenancy.callAs(Actor.platform("test"), () -> audit.verifyChain(null));
        assertThat(verification.intact()).as("%s", verification.firstProblem()).isTrue();
    }

    @Test
    void an_entry_is_written_only_when_its_change_commits() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var officer = testData.person(hospital, Role.DEVICE_SAFETY_OFFICER);
        var record = RecordRef.of("test-note", UUID.randomUUID());
        Tenancy.runAs(officer.principal().actor(), () -> transactions.executeWithoutResult(status -> {
            audit.record(AuditedChange.created("test.note-written", record, Map.of("text", "draft")));
            status.setRollbackOnly();
        }));
        assertThat(testData.as(officer.principal(), () -> audit.history(record))).isEmpty();
    }

    @Test
    void an_entry_records_who_what_when_in_utc_and_why() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var officer = testData.person(hospital, Role.DEVICE_SAFETY_OFFICER);
        var record = RecordRef.of("test-note", UUID.randomUUID());
        Instant before = Instant.now().minusSeconds(5);
        Tenancy.runAs(officer.principal().actor(), () -> transactions.executeWithoutResult(status -> {
            audit.record(AuditedChange.created("test.note-written", record, Map.of("text", "first", "level", 1)));
            audit.record(AuditedChange.withdrawn("test.note-withdrawn", record, Map.of("text", "first", "level", 1),
                    Map.of("text", "first", "level", 2), "Entered for the wrong patient"));
        }));
        var history = testData.as(officer.principal(), () -> audit.history(record));
        assertThat(history).hasSize(2);
        var withdrawal = history.get(1);
        assertThat(withdrawal.actorUserId()).isEqualTo(officer.principal().userId());
        assertThat(withdrawal.actorName()).isEqualTo(officer.principal().displayName());
        assertThat(withdrawal.organisation()).isEqualTo(hospital.id());
        assertThat(withdrawal.organisationName()).isEqualTo(hospital.name());
        assertThat(withdrawal.action()).isEqualTo("test.note-withdrawn");
        assertThat(withdrawal.reason()).isEqualTo("Entered for the wrong patient");
        assertThat(withdrawal.changes()).containsExactly(new AuditEntry.FieldChange("level", "1", "2"));
        assertThat(withdrawal.recordedAt()).isAfter(before).isBeforeOrEqualTo(Instant.now().plusSeconds(5));
        assertThat(history.get(0).before()).isNull();
        assertThat(history.get(0).after()).isEqualTo("{\"level\":1,\"text\":\"first\"}");

        audit.sealCommitted();
        var chained = testData.as(officer.principal(), () -> audit.history(record));
        assertThat(chained).as("once sealed, the same entries in the order written")
                .extracting(AuditEntry::action).containsExactly("test.note-written", "test.note-withdrawn");
        assertThat(chained.get(0).seq()).isPositive();
        assertThat(chained.get(1).seq()).isGreaterThan(chained.get(0).seq());
    }

    @Test
    void a_withdrawal_without_a_reason_is_refused_and_nothing_is_saved_EU_GMP_Annex_11_9() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var officer = testData.person(hospital, Role.DEVICE_SAFETY_OFFICER);
        var record = RecordRef.of("test-note", UUID.randomUUID());
        assertThatThrownBy(() -> Tenancy.runAs(officer.principal().actor(), () -> transactions.executeWithoutResult(
                status -> {
                    audit.record(AuditedChange.created("test.note-written", record, Map.of("text", "x")));
                    audit.record(AuditedChange.withdrawn("test.note-withdrawn", record, null, null, "  "));
                })))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                                .containsExactly("reason"));
        assertThat(testData.as(officer.principal(), () -> audit.history(record))).isEmpty();
    }

    @Test
    void recording_outside_a_transaction_is_a_programming_error() {
        var record = RecordRef.of("test-note", UUID.randomUUID());
        assertThatThrownBy(() -> Tenancy.runAs(Actor.platform("test"),
                () -> audit.record(AuditedChange.created("test.note-written", record, null))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void another_organisation_sees_a_records_history_only_while_it_is_shared_with_people_of_the_other_side_named_by_organisation_only_MDR_87() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(hospital, Role.DEVICE_SAFETY_OFFICER);
        var vigilance = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var record = RecordRef.of("test-case", UUID.randomUUID());
        Tenancy.runAs(officer.principal().actor(), () -> transactions.executeWithoutResult(status ->
                audit.record(AuditedChange.created("test.case-opened", record, Map.of("device", "pump")))));
        assertThat(testData.as(vigilance.principal(), () -> audit.history(record))).isEmpty();

        testData.as(officer.principal(), () -> {
            sharing.share(record, manufacturer.id());
            return null;
        });
        Tenancy.runAs(vigilance.principal().actor(), () -> transactions.executeWithoutResult(status ->
                audit.record(AuditedChange.changed("test.case-answered", record, null, Map.of("answer", "ok")))));
        audit.sealCommitted();
        var seenByManufacturer = testData.as(vigilance.principal(), () -> audit.history(record));
        var seenByHospital = testData.as(officer.principal(), () -> audit.history(record));
        assertThat(seenByManufacturer).extracting(AuditEntry::action)
                .containsExactly("test.case-opened", "record.shared", "test.case-answered");
        assertThat(seenByHospital).extracting(AuditEntry::seq)
                .containsExactlyElementsOf(seenByManufacturer.stream().map(AuditEntry::seq).toList());

        assertThat(seenByManufacturer.getFirst().actorName())
                .as("the hospital's person is named only by the hospital on the manufacturer's side")
                .isEqualTo(seenByManufacturer.getFirst().organisationName())
                .isNotEqualTo(officer.principal().displayName());
        assertThat(seenByManufacturer.getFirst().actorUserId()).isNull();
        assertThat(seenByHospital.getFirst().actorName()).isEqualTo(officer.principal().displayName());
        assertThat(seenByHospital.getLast().actorName()).as("and the other way round")
                .isEqualTo(seenByHospital.getLast().organisationName());

        testData.as(officer.principal(), () -> {
            sharing.revoke(record, manufacturer.id(), "Case closed");
            return null;
        });
        assertThat(testData.as(vigilance.principal(), () -> audit.history(record)))
                .as("after the share ends the manufacturer keeps only the entries it wrote itself")
                .extracting(AuditEntry::action).containsExactly("test.case-answered");
        assertThat(testData.as(officer.principal(), () -> audit.history(record))).extracting(AuditEntry::action)
                .containsExactly("test.case-opened", "record.shared", "test.case-answered", "record.share-revoked");
    }
}
