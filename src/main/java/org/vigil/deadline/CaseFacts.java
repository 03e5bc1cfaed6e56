package org.vigil.deadline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the deadline calculation needs to know about a case: who must hear of it, what kind of device, its MIR
 * §1.2.g classification ({@code null} when it is not a reportable serious incident), the two awareness moments
 * (MIR §1.2.c and §1.2.d, see {@link ClockStart}; without the second, it equals the first), the manufacturer's time
 * zone, whose duties are asked for, and the events on the case.
 */
public record CaseFacts(List<Recipient> recipients, DeviceKind deviceKind, Classification classification,
        Instant incidentAwareness, Instant reportabilityAwareness, ZoneId manufacturerZone, DutyHolder dutyHolder,
        List<CaseEvent> events) {

    public CaseFacts {
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(deviceKind, "deviceKind");
        Objects.requireNonNull(incidentAwareness, "incidentAwareness");
        Objects.requireNonNull(manufacturerZone, "manufacturerZone");
        Objects.requireNonNull(dutyHolder, "dutyHolder");
        events = List.copyOf(events);
        if (reportabilityAwareness == null) {
            reportabilityAwareness = incidentAwareness;
        }
        if (reportabilityAwareness.isBefore(incidentAwareness)) {
            throw new IllegalArgumentException("awareness of reportability (MIR §1.2.d) cannot precede awareness of "
                    + "the incident (MIR §1.2.c)");
        }
    }

    public CaseFacts withClassification(Classification other) {
        return new CaseFacts(recipients, deviceKind, other, incidentAwareness, reportabilityAwareness,
                manufacturerZone, dutyHolder, events);
    }
}
