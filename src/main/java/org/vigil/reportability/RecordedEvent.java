package org.vigil.reportability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.vigil.casework.CaseId;
import org.vigil.deadline.CaseEvent;
import org.vigil.deadline.EventKind;

/**
 * An event recorded on a case that starts a reporting clock of its own (see {@link EventKind} for each and the rule
 * packs for the rules it triggers).
 *
 * @param at       when it happened (for a request or new information: when the manufacturer received it)
 * @param zone     the time zone {@code at} was entered in
 * @param setDate  the date the event sets: the announced date of the next report, the agreed date of the next
 *                 periodic summary report, the planned start of a field safety corrective action; otherwise {@code null}
 */
public record RecordedEvent(UUID id, CaseId caseId, EventKind kind, Instant at, ZoneId zone, LocalDate setDate,
        String note, String recordedByName, Instant recordedAt) {

    /** As the deadline rules read it. */
    public CaseEvent asCaseEvent() {
        return new CaseEvent(kind, at, setDate);
    }
}
