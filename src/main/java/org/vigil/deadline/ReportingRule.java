package org.vigil.deadline;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One reporting duty of one rule pack: what triggers it (a MIR §1.2.g classification or a case event), from which
 * moment its clock runs, how long it gives, what it obliges and to whom, with its legal source and the dates it is in
 * force. {@code inForceTo} is exclusive and {@code null} while the rule is current.
 *
 * <p>A rule applies when the date it is judged by (the incident awareness date for classification rules, the event
 * date for event rules) falls in {@code [inForceFrom, inForceTo)}.
 */
public record ReportingRule(String id, String packId, int packVersion, Set<Jurisdiction> jurisdictions,
        Set<DeviceKind> deviceKinds, LegalSource legalSource, LocalDate inForceFrom, LocalDate inForceTo,
        Set<Classification> classifications, Set<EventKind> events, ClockStart clockStart, Period period,
        ObligationKind obligation, DutyHolder dutyHolder, Authority authority, String note) {

    public ReportingRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(packId, "packId");
        jurisdictions = Set.copyOf(jurisdictions);
        deviceKinds = Set.copyOf(deviceKinds);
        Objects.requireNonNull(legalSource, "legalSource");
        Objects.requireNonNull(inForceFrom, "inForceFrom");
        classifications = Set.copyOf(classifications);
        events = Set.copyOf(events);
        Objects.requireNonNull(clockStart, "clockStart");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(obligation, "obligation");
        Objects.requireNonNull(dutyHolder, "dutyHolder");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(note, "note");
        if (classifications.isEmpty() == events.isEmpty()) {
            throw new IllegalArgumentException(id + ": a rule is triggered either by classifications or by events");
        }
        if (inForceTo != null && !inForceTo.isAfter(inForceFrom)) {
            throw new IllegalArgumentException(id + ": in force to " + inForceTo + " is not after " + inForceFrom);
        }
    }

    /** Whether the rule is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(inForceFrom) && (inForceTo == null || date.isBefore(inForceTo));
    }
}
