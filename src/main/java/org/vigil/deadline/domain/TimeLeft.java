package org.vigil.deadline.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The time left until a deadline in words a person reads at a glance: "due in 2 days 3 h", "due in 5 h 20 min",
 * "overdue by 1 day". Days are periods of 24 hours from now, not calendar days; hours and minutes are cut, never
 * rounded up, so the board never shows more time than there is.
 */
public final class TimeLeft {

    private TimeLeft() {
    }

    /** How long until {@code deadline} at {@code now}; at or after the deadline, how long it is overdue. */
    public static String describe(Instant now, Instant deadline) {
        Duration left = Duration.between(now, deadline);
        if (left.isPositive()) {
            return "due in " + amount(left);
        }
        return "overdue by " + amount(left.negated());
    }

    private static String amount(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + (days == 1 ? " day" : " days") + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min";
        }
        return "less than a minute";
    }
}
