package org.vigil.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Shared set-up for the deadline tests: the shipped packs and short ways to describe a case. */
final class DeadlineFixtures {

    static final RulePacks PACKS = RulePacks.bundled();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private DeadlineFixtures() {
    }

    /** An instant given as local date and time in {@code zone}, e.g. {@code at("2026-03-29T10:15", BERLIN)}. */
    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    /** A case of a medical device made available in {@code markets}, incident in {@code country}. */
    static Scenario incidentIn(String country, Jurisdiction... markets) {
        return new Scenario(country, Set.of(markets), "DE", DeviceKind.MEDICAL_DEVICE, DutyHolder.MANUFACTURER);
    }

    record Scenario(String country, Set<Jurisdiction> markets, String manufacturerCountry, DeviceKind kind,
            DutyHolder dutyHolder) {

        Scenario ivd() {
            return new Scenario(country, markets, manufacturerCountry, DeviceKind.IN_VITRO_DIAGNOSTIC, dutyHolder);
        }

        Scenario manufacturerIn(String other) {
            return new Scenario(country, markets, other, kind, dutyHolder);
        }

        Scenario userFacility() {
            return new Scenario(country, markets, manufacturerCountry, kind, DutyHolder.USER_FACILITY);
        }

        List<Recipient> recipients() {
            return PACKS.recipients(country, markets, manufacturerCountry, dutyHolder);
        }

        CaseFacts classified(Classification classification, Instant incidentAwareness, Instant reportability,
                ZoneId zone) {
            return new CaseFacts(recipients(), kind, classification, incidentAwareness, reportability, zone,
                    dutyHolder, List.of());
        }

        CaseFacts events(ZoneId zone, CaseEvent... events) {
            Instant first = Arrays.stream(events).map(CaseEvent::at).min(Instant::compareTo).orElseThrow();
            return new CaseFacts(recipients(), kind, null, first, first, zone, dutyHolder, List.of(events));
        }
    }

    static List<Obligation> obligations(CaseFacts facts) {
        return PACKS.obligations(facts);
    }

    /** The one obligation from rule {@code ruleId}; fails when there is none or several. */
    static Obligation from(List<Obligation> obligations, String ruleId) {
        var matching = obligations.stream().filter(o -> o.rule().id().equals(ruleId)).toList();
        assertThat(matching).as("obligations from %s among %s", ruleId,
                obligations.stream().map(o -> o.rule().id()).toList()).hasSize(1);
        return matching.getFirst();
    }

    /** The due date of an obligation due by a date. */
    static LocalDate dueDate(Obligation obligation) {
        assertThat(obligation.due()).isInstanceOf(Due.By.class);
        return ((Due.By) obligation.due()).date();
    }
}
