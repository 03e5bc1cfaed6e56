package org.vigil.deadline.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.audit.AuditTrail;
import org.vigil.deadline.CaseEvent;
import org.vigil.deadline.CaseFacts;
import org.vigil.deadline.Classification;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.DutyHolder;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationKind;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.TrackedCase;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.database.DatabaseEndpoints;
import org.vigil.support.Superuser;
import org.vigil.support.TestData;

/**
 * Properties of the stored obligations, checked on seeded random cases through the clock service and the database.
 * Each test prints its seed; set {@code -Dvigil.test.seed=…} to replay a failure.
 */
@ClockIntegrationTest
class ObligationStorePropertyTests {

    private static final int CASES = 25;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/London"),
            ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"), ZoneId.of("Pacific/Kiritimati"));
    private static final List<String> COUNTRIES = List.of("DE", "FR", "XI", "GB", "CH", "TR", "US");

    @Autowired
    Deadlines deadlines;
    @Autowired
    TestData testData;
    @Autowired
    TestClock clock;
    @Autowired
    AuditTrail audit;
    @Autowired
    DatabaseEndpoints endpoints;

    @Test
    void recomputing_a_stored_case_is_idempotent_same_rows_and_no_new_audit_entries() {
        Random random = seeded("store-idempotence");
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        for (int i = 0; i < CASES; i++) {
            var tracked = randomCase(random, manufacturer.id());
            clock.set(tracked.facts().incidentAwareness().plus(Duration.ofMinutes(random.nextInt(5_000))));
            var first = testData.as(officer.principal(), () -> deadlines.track(tracked));
            var entries = history(officer, first);
            var rows = rows(tracked.caseId());
            clock.advance(Duration.ofHours(1 + random.nextInt(100)));
            var again = testData.as(officer.principal(), () -> deadlines.track(tracked));
            assertThat(again).as("%s", tracked.facts()).isEqualTo(first);
            assertThat(rows(tracked.caseId())).as("%s", tracked.facts()).isEqualTo(rows);
            assertThat(history(officer, again)).as("%s", tracked.facts()).isEqualTo(entries);
        }
    }

    @Test
    void no_stored_obligation_lacks_a_due_time_except_an_unplanned_action_due_before_it_is_undertaken_MDR_87_8() {
        Random random = seeded("store-due");
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        int stored = 0;
        for (int i = 0; i < CASES; i++) {
            var tracked = randomCase(random, manufacturer.id());
            clock.set(tracked.facts().incidentAwareness());
            stored += testData.as(officer.principal(), () -> deadlines.track(tracked)).size();
        }
        assertThat(stored).as("the random cases create obligations at all").isGreaterThan(CASES / 2);
        var undated = JdbcClient.create(superuser()).sql("""
                SELECT due_kind, count(*) FROM obligation WHERE org_id = ? AND due_at IS NULL GROUP BY due_kind
                """).param(manufacturer.id().value()).query((rs, n) -> rs.getString(1)).list();
        assertThat(undated).isSubsetOf("BEFORE_UNDERTAKEN");
    }

    @Test
    void a_more_severe_classification_never_moves_a_stored_due_time_later_MDR_87_3_to_5() {
        Random random = seeded("store-severity");
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        for (int i = 0; i < CASES; i++) {
            var tracked = randomCase(random, manufacturer.id());
            var milder = Classification.values()[random.nextInt(Classification.values().length)];
            var severer = List.of(Classification.values()).stream()
                    .filter(c -> c.severity() > milder.severity()).findAny().orElse(null);
            if (severer == null) {
                continue;
            }
            clock.set(tracked.facts().incidentAwareness());
            var before = earliestInitialReports(testData.as(officer.principal(), () -> deadlines.track(
                    withClassification(tracked, milder))));
            clock.advance(Duration.ofHours(random.nextInt(200)));
            var after = earliestInitialReports(testData.as(officer.principal(), () -> deadlines.track(
                    withClassification(tracked, severer))));
            for (var entry : after.entrySet()) {
                Instant was = before.get(entry.getKey());
                if (was != null) {
                    assertThat(entry.getValue()).as("%s → %s for %s in %s", milder, severer, entry.getKey(),
                            tracked.facts()).isBeforeOrEqualTo(was);
                }
            }
            assertThat(after.keySet()).as("%s → %s in %s", milder, severer, tracked.facts())
                    .containsAll(before.keySet());
        }
    }

    /** The earliest due time of a pending initial report per recipient. */
    private static Map<String, Instant> earliestInitialReports(List<ObligationView> obligations) {
        var earliest = new HashMap<String, Instant>();
        for (ObligationView o : obligations) {
            if (o.pending() && o.kind() == ObligationKind.INITIAL_REPORT && o.due().deadline() != null) {
                earliest.merge(o.recipient().jurisdiction() + " " + o.recipient().authority() + " "
                        + o.recipient().country(), o.due().deadline(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return earliest;
    }

    private static TrackedCase withClassification(TrackedCase tracked, Classification classification) {
        return new TrackedCase(tracked.caseId(), tracked.caseReference(), tracked.deviceName(), tracked.dutyHolder(),
                tracked.responsible(), tracked.facts().withClassification(classification), "Classified "
                + classification);
    }

    private TrackedCase randomCase(Random random, org.vigil.shared.OrganisationId manufacturer) {
        String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
        var markets = EnumSet.of(Jurisdiction.EU);
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            if (random.nextInt(3) == 0) {
                markets.add(jurisdiction);
            }
        }
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        DeviceKind kind = random.nextBoolean() ? DeviceKind.MEDICAL_DEVICE : DeviceKind.IN_VITRO_DIAGNOSTIC;
        // 2027 to mid-2028: no real clock of another test context reaches them, and the holiday calendars cover them.
        Instant awareness = LocalDate.of(2027, 1, 1).plusDays(random.nextInt(540)).atStartOfDay(zone)
                .plusMinutes(random.nextInt(24 * 60)).toInstant();
        Instant reportability = random.nextInt(4) == 0 ? awareness.plus(Duration.ofHours(random.nextInt(400)))
                : awareness;
        var events = new ArrayList<CaseEvent>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            EventKind event = EventKind.values()[random.nextInt(EventKind.values().length)];
            Instant at = awareness.plusSeconds(random.nextInt(10 * 24 * 3600));
            LocalDate setDate = switch (event) {
                case FSCA -> random.nextBoolean() ? null : LocalDate.ofInstant(at, zone).plusDays(random.nextInt(30));
                case INCOMPLETE_INITIAL_REPORT, FOLLOW_UP_ANNOUNCED, FINAL_REPORT_ANNOUNCED, PERIODIC_SUMMARY_AGREED ->
                        LocalDate.ofInstant(at, zone).plusDays(1 + random.nextInt(120));
                default -> null;
            };
            events.add(new CaseEvent(event, at, setDate));
        }
        Classification classification = random.nextInt(8) == 0 ? null
                : Classification.values()[random.nextInt(Classification.values().length)];
        var facts = new CaseFacts(ClockFixtures.PACKS.recipients(country, markets, "DE", DutyHolder.MANUFACTURER),
                kind, classification, awareness, reportability, zone, DutyHolder.MANUFACTURER, events);
        return ClockFixtures.tracked(UUID.randomUUID(), manufacturer, null, facts, "Random decision");
    }

    private List<String> history(TestData.Person person, List<ObligationView> obligations) {
        return testData.as(person.principal(), () -> obligations.stream()
                .flatMap(o -> audit.history(RecordRef.of("obligation", o.id().value())).stream())
                .map(entry -> entry.action() + " " + entry.recordedAt()).toList());
    }

    private List<Map<String, Object>> rows(UUID caseId) {
        return JdbcClient.create(superuser()).sql("""
                SELECT * FROM obligation WHERE case_id = ? ORDER BY id
                """).param(caseId).query().listOfRows();
    }

    private DataSource superuser() {
        return Superuser.dataSource(endpoints);
    }

    private static Random seeded(String property) {
        long seed = Long.getLong("vigil.test.seed", property.hashCode());
        System.out.println(property + ": seed " + seed);
        return new Random(seed);
    }
}
