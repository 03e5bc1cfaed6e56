package org.vigil.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.deadline.DeadlineFixtures.PACKS;

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

import org.junit.jupiter.api.Test;

/**
 * Properties that must hold for every case, checked on seeded random cases. Each test prints its seed; set
 * {@code -Dvigil.test.seed=…} to replay a failure.
 */
class DeadlinePropertyTests {

    private static final int CASES = 2_000;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/London"),
            ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Tokyo"),
            ZoneId.of("Europe/Istanbul"), ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"));
    private static final List<String> COUNTRIES = List.of("DE", "FR", "IE", "XI", "GB", "CH", "LI", "TR", "US",
            "JP", "NO");

    @Test
    void a_more_severe_classification_never_moves_a_due_time_later_MDR_87_3_to_5() {
        Random random = seeded("severity");
        for (int i = 0; i < CASES; i++) {
            CaseFacts facts = randomCase(random);
            for (Classification milder : Classification.values()) {
                for (Classification severer : Classification.values()) {
                    if (severer.severity() <= milder.severity()) {
                        continue;
                    }
                    var milderDue = earliestInitialReports(facts.withClassification(milder));
                    var severerDue = earliestInitialReports(facts.withClassification(severer));
                    for (var entry : severerDue.entrySet()) {
                        Instant mild = milderDue.get(entry.getKey());
                        if (mild != null) {
                            assertThat(entry.getValue()).as("%s vs %s for %s in %s", severer, milder,
                                    entry.getKey(), facts).isBeforeOrEqualTo(mild);
                        }
                    }
                    // A more severe classification owes at least every authority the milder one owes.
                    assertThat(severerDue.keySet()).as("%s vs %s in %s", severer, milder, facts)
                            .containsAll(milderDue.keySet());
                }
            }
        }
    }

    @Test
    void recomputing_the_same_case_gives_the_same_obligations() {
        Random random = seeded("idempotence");
        RulePacks freshlyRead = RulePacks.bundled();
        for (int i = 0; i < CASES; i++) {
            CaseFacts facts = randomCase(random);
            List<Obligation> first = PACKS.obligations(facts);
            List<Obligation> again = PACKS.obligations(copyOf(facts));
            assertThat(again).as("%s", facts).isEqualTo(first);
            assertThat(freshlyRead.obligations(facts)).as("fresh packs, %s", facts).isEqualTo(first);
        }
    }

    @Test
    void every_obligation_has_a_due_time_and_only_an_unplanned_action_has_none_MDR_87_8() {
        Random random = seeded("due");
        int obligations = 0;
        for (int i = 0; i < CASES; i++) {
            CaseFacts facts = randomCase(random);
            for (Obligation obligation : PACKS.obligations(facts)) {
                obligations++;
                assertThat(obligation.due()).as("%s", obligation).isNotNull();
                if (obligation.due().deadline() == null) {
                    assertThat(obligation.due()).as("only 'before it is undertaken' may lack an instant: %s",
                            obligation).isEqualTo(new Due.BeforeUndertaken(null));
                    assertThat(obligation.rule().period()).isInstanceOf(Period.BeforeUndertaken.class);
                } else if (!(obligation.due() instanceof Due.WithoutDelay)
                        && !(obligation.due() instanceof Due.BeforeUndertaken)) {
                    assertThat(obligation.due().deadline()).as("%s", obligation)
                            .isAfter(obligation.clockStart());
                }
            }
        }
        assertThat(obligations).as("the generator produces obligations at all").isGreaterThan(CASES / 2);
    }

    private static Map<Recipient, Instant> earliestInitialReports(CaseFacts facts) {
        var earliest = new HashMap<Recipient, Instant>();
        for (Obligation obligation : PACKS.obligations(facts)) {
            if (obligation.rule().obligation() == ObligationKind.INITIAL_REPORT) {
                earliest.merge(obligation.recipient(), obligation.due().deadline(),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return earliest;
    }

    private static CaseFacts randomCase(Random random) {
        String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
        Set<Jurisdiction> markets = EnumSet.noneOf(Jurisdiction.class);
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            if (random.nextBoolean()) {
                markets.add(jurisdiction);
            }
        }
        DutyHolder duty = random.nextInt(6) == 0 ? DutyHolder.USER_FACILITY : DutyHolder.MANUFACTURER;
        String manufacturerCountry = COUNTRIES.get(random.nextInt(COUNTRIES.size())).replace("XI", "GB");
        var recipients = PACKS.recipients(country, markets, manufacturerCountry, duty);
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        // Awareness between 1 January 2024 and early December 2028, so that working days stay within the calendars.
        long from = LocalDate.of(2024, 1, 1).atStartOfDay(zone).toEpochSecond();
        long to = LocalDate.of(2028, 12, 1).atStartOfDay(zone).toEpochSecond();
        Instant incident = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
        Instant reportability = random.nextBoolean() ? incident
                : incident.plusSeconds(random.nextInt(20 * 24 * 3600));
        Classification classification = random.nextInt(5) == 0 ? null
                : Classification.values()[random.nextInt(Classification.values().length)];
        var events = new ArrayList<CaseEvent>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            EventKind kind = EventKind.values()[random.nextInt(EventKind.values().length)];
            Instant at = incident.plusSeconds(random.nextInt(10 * 24 * 3600));
            LocalDate setDate = switch (kind) {
                case FSCA -> random.nextBoolean() ? null : LocalDate.ofInstant(at, zone).plusDays(random.nextInt(30));
                case INCOMPLETE_INITIAL_REPORT, FOLLOW_UP_ANNOUNCED, FINAL_REPORT_ANNOUNCED, PERIODIC_SUMMARY_AGREED ->
                        LocalDate.ofInstant(at, zone).plusDays(1 + random.nextInt(120));
                default -> null;
            };
            events.add(new CaseEvent(kind, at, setDate));
        }
        DeviceKind kind = random.nextBoolean() ? DeviceKind.MEDICAL_DEVICE : DeviceKind.IN_VITRO_DIAGNOSTIC;
        return new CaseFacts(recipients, kind, classification, incident, reportability, zone, duty, events);
    }

    private static CaseFacts copyOf(CaseFacts facts) {
        return new CaseFacts(new ArrayList<>(facts.recipients()), facts.deviceKind(), facts.classification(),
                Instant.ofEpochSecond(facts.incidentAwareness().getEpochSecond(),
                        facts.incidentAwareness().getNano()),
                facts.reportabilityAwareness(), ZoneId.of(facts.manufacturerZone().getId()), facts.dutyHolder(),
                new ArrayList<>(facts.events()));
    }

    private static Random seeded(String property) {
        long seed = Long.getLong("vigil.test.seed", System.nanoTime());
        System.out.println("DeadlinePropertyTests " + property + " seed: " + seed);
        return new Random(seed);
    }
}
