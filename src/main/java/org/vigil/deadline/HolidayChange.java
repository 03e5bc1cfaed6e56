package org.vigil.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One administrator's change to a country's holiday calendar: {@code ADD} a named holiday on {@code day},
 * {@code REMOVE} the holiday on {@code day}, or {@code COVER} a {@code year} (its working days are counted from then).
 */
public record HolidayChange(long seq, String country, String kind, LocalDate day, String name, Integer year,
        String reason, String changedByName, Instant changedAt) {
}
