package org.vigil.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An event on a case that can start a clock: when it happened and, for events that carry one, the date they set
 * (the planned start of a field safety corrective action, the announced date of the next report, the agreed date of
 * the next periodic summary report).
 */
public record CaseEvent(EventKind kind, Instant at, LocalDate setDate) {

    public CaseEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }

    public static CaseEvent at(EventKind kind, Instant at) {
        return new CaseEvent(kind, at, null);
    }
}
