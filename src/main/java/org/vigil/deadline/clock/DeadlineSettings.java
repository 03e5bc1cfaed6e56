package org.vigil.deadline.clock;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clock service's settings.
 *
 * @param reminderOffsets how long before an obligation's due time its person responsible is reminded (issue 5: 5, 2 and
 *        1 days by default); a reminder at the due time and daily ones while overdue follow regardless
 * @param sweepInterval   how often Vigil looks for obligations that fell due and reminders to send; the health check
 *        turns DEGRADED when three intervals pass without a completed sweep
 */
@ConfigurationProperties("vigil.deadlines")
public record DeadlineSettings(@DefaultValue({ "5d", "2d", "1d" }) List<Duration> reminderOffsets,
        @DefaultValue("30s") Duration sweepInterval) {

    public DeadlineSettings {
        reminderOffsets = List.copyOf(reminderOffsets);
        for (Duration offset : reminderOffsets) {
            if (offset.isNegative() || offset.isZero()) {
                throw new IllegalArgumentException("vigil.deadlines.reminder-offsets: " + offset
                        + " is not a time before the due time; give positive durations such as 5d,2d,1d");
            }
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("vigil.deadlines.sweep-interval must be positive: " + sweepInterval);
        }
    }

    /** The time after which a missing sweep or a waiting reminder means the scheduler has stalled. */
    public Duration stallAfter() {
        return sweepInterval.multipliedBy(3);
    }
}
