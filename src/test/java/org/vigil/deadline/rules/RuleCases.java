package org.vigil.deadline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.vigil.deadline.Authority;
import org.vigil.deadline.CaseEvent;
import org.vigil.deadline.CaseFacts;
import org.vigil.deadline.Classification;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.Due;
import org.vigil.deadline.DutyHolder;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.Obligation;
import org.vigil.deadline.ObligationKind;
import org.vigil.deadline.RulePacks;

/**
 * Shared set-up for the rule tests: the shipped packs, a short way to describe a case (where the incident happened,
 * the device's markets, where the manufacturer sits and its time zone), and checks of an obligation against values
 * worked out by hand. Expected instants are written out in UTC, not derived from the expected date with the code's
 * own formula, so a wrong end-of-day rule fails.
 */
final class RuleCases {

    static final RulePacks PACKS = RulePacks.bundled();

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private RuleCases() {
    }

    /** An instant given as local date and time in {@code zone}, e.g. {@code at("2026-03-29T10:15", BERLIN)}. */
    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    /** A medical-device incident in {@code country} with the device on {@code markets}; say who made it next. */
    static Incident incidentIn(String country, Jurisdiction... markets) {
        return new Incident(country, Set.of(markets));
    }

    record Incident(String country, Set<Jurisdiction> markets) {

        /** The manufacturer's country (it decides whether a CH-REP reports) and the time zone its staff count in. */
        Case madeBy(String manufacturerCountry, ZoneId zone) {
            return new Case(country, markets, manufacturerCountry, zone, DeviceKind.MEDICAL_DEVICE,
                    DutyHolder.MANUFACTURER);
        }
    }

    record Case(String country, Set<Jurisdiction> markets, String manufacturerCountry, ZoneId zone, DeviceKind kind,
            DutyHolder dutyHolder) {

        Case ivd() {
            return new Case(country, markets, manufacturerCountry, zone, DeviceKind.IN_VITRO_DIAGNOSTIC, dutyHolder);
        }

        /** The US user facility's own duties (21 CFR 803.30), counted in the facility's zone. */
        Case userFacility() {
            return new Case(country, markets, manufacturerCountry, zone, kind, DutyHolder.USER_FACILITY);
        }

        /** Classified, with reportability known at the same moment as the incident (MIR §1.2.c = §1.2.d). */
        CaseFacts classified(Classification classification, Instant awareness) {
            return classified(classification, awareness, awareness);
        }

        CaseFacts classified(Classification classification, Instant incidentAwareness, Instant reportability) {
            return new CaseFacts(recipients(), kind, classification, incidentAwareness, reportability, zone,
                    dutyHolder, List.of());
        }

        /** Not classified; one event that starts a clock of its own. */
        CaseFacts event(EventKind event, Instant at) {
            return event(event, at, null);
        }

        /** An event that sets a date: a planned start, an announced or an agreed date. */
        CaseFacts event(EventKind event, Instant at, LocalDate setDate) {
            return new CaseFacts(recipients(), kind, null, at, at, zone, dutyHolder,
                    List.of(new CaseEvent(event, at, setDate)));
        }

        private List<org.vigil.deadline.Recipient> recipients() {
            return PACKS.recipients(country, markets, manufacturerCountry, dutyHolder);
        }
    }

    /** The one obligation {@code ruleId} gives for {@code facts}; fails when there is none or there are several. */
    static Obligation obligationFrom(CaseFacts facts, String ruleId) {
        CoveredRuleCheck.examined(ruleId);
        var obligations = PACKS.obligations(facts);
        var matching = obligations.stream().filter(o -> o.rule().id().equals(ruleId)).toList();
        assertThat(matching).as("obligations from %s among %s", ruleId,
                obligations.stream().map(o -> o.rule().id()).toList()).hasSize(1);
        return matching.getFirst();
    }

    /** The rule ids of every obligation {@code facts} give. */
    static List<String> ruleIds(CaseFacts facts) {
        return PACKS.obligations(facts).stream().map(o -> o.rule().id()).toList();
    }

    static ObligationCheck assertThatObligation(Obligation obligation) {
        return new ObligationCheck(obligation);
    }

    /** Fluent checks of one obligation; every method asserts and returns the same check. */
    record ObligationCheck(Obligation obligation) {

        ObligationCheck citing(String citation) {
            assertThat(obligation.rule().legalSource().citation()).as("citation").isEqualTo(citation);
            return this;
        }

        ObligationCheck obliging(ObligationKind kind) {
            assertThat(obligation.rule().obligation()).as("obligation").isEqualTo(kind);
            return this;
        }

        /** The recipient: jurisdiction, authority and the country whose authority it is; reported directly. */
        ObligationCheck to(Jurisdiction jurisdiction, Authority authority, String country) {
            return to(jurisdiction, authority, country, null);
        }

        /** The recipient, reported through {@code via} (the CH-REP for Swissmedic), or directly when null. */
        ObligationCheck to(Jurisdiction jurisdiction, Authority authority, String country, String via) {
            var recipient = obligation.recipient();
            assertThat(recipient.jurisdiction()).as("jurisdiction").isEqualTo(jurisdiction);
            assertThat(recipient.authority()).as("authority").isEqualTo(authority);
            assertThat(recipient.country()).as("recipient country").isEqualTo(country);
            assertThat(recipient.via()).as("reported via").isEqualTo(via);
            return this;
        }

        ObligationCheck clockStartedAt(Instant start) {
            assertThat(obligation.clockStart()).as("clock start").isEqualTo(start);
            return this;
        }

        /**
         * Due by the end of {@code date} in {@code zone}; {@code endUtc} is that end (the next midnight there) worked
         * out by hand, e.g. {@code "2026-04-08T22:00:00Z"} for the end of 8 April 2026 in Berlin (CEST).
         */
        ObligationCheck dueBy(LocalDate date, ZoneId zone, String endUtc) {
            assertThat(obligation.due()).as("due").isInstanceOf(Due.By.class);
            var due = (Due.By) obligation.due();
            assertThat(due.date()).as("due date").isEqualTo(date);
            assertThat(due.zone()).as("due zone").isEqualTo(zone);
            assertThat(due.end()).as("due end").isEqualTo(Instant.parse(endUtc));
            assertThat(due.deadline()).as("deadline").isEqualTo(Instant.parse(endUtc));
            return this;
        }

        /** Due before the action starts: the first instant of its planned start day, worked out by hand. */
        ObligationCheck dueBeforeUndertaken(String plannedStartUtc) {
            assertThat(obligation.due()).as("due")
                    .isEqualTo(new Due.BeforeUndertaken(Instant.parse(plannedStartUtc)));
            assertThat(obligation.due().deadline()).isEqualTo(Instant.parse(plannedStartUtc));
            return this;
        }

        /** No period in law: due from the moment the duty arose. */
        ObligationCheck dueWithoutDelayFrom(String sinceUtc) {
            assertThat(obligation.due()).as("due").isEqualTo(new Due.WithoutDelay(Instant.parse(sinceUtc)));
            return this;
        }

        /** The due date, for edge-case tests that also measure the length of the last day. */
        Due.By by() {
            assertThat(obligation.due()).isInstanceOf(Due.By.class);
            return (Due.By) Objects.requireNonNull(obligation.due());
        }
    }
}
