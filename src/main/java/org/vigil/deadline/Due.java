package org.vigil.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When an obligation falls due. Every obligation has one; none is {@code null}. Most are {@link By} a date;
 * field safety corrective actions are due {@link BeforeUndertaken before they are undertaken}; trend reports, for
 * which the law sets no period, are due {@link WithoutDelay from the moment the trend is identified}.
 */
public sealed interface Due {

    /**
     * The instant by which the obligation must be met, exclusive, or {@code null} when it depends on an action whose
     * start is not yet planned (only {@link BeforeUndertaken}).
     */
    Instant deadline();

    /**
     * Due by the end of {@code date} in {@code zone} (the manufacturer's time zone); {@code end} is the exclusive
     * instant, the start of the next day in that zone.
     */
    record By(LocalDate date, ZoneId zone, Instant end) implements Due {

        public By {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(end, "end");
        }

        /** The end of {@code date} in {@code zone}. */
        public static By endOf(LocalDate date, ZoneId zone) {
            return new By(date, zone, date.plusDays(1).atStartOfDay(zone).toInstant());
        }

        @Override
        public Instant deadline() {
            return end;
        }
    }

    /**
     * Due before the action is undertaken (MDR Art. 87(8)). With a planned start, the deadline is that start;
     * without one the duty still exists and is shown as "before it is undertaken".
     */
    record BeforeUndertaken(Instant plannedStart) implements Due {

        @Override
        public Instant deadline() {
            return plannedStart;
        }
    }

    /** Due as soon as the duty arose, at {@code since}: the law sets no period (MDR Art. 88). */
    record WithoutDelay(Instant since) implements Due {

        public WithoutDelay {
            Objects.requireNonNull(since, "since");
        }

        @Override
        public Instant deadline() {
            return since;
        }
    }
}
