package org.vigil.deadline.clock;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The clock service in the health check: DEGRADED (the status e-mail delivery uses too) when no sweep completed for
 * three sweep intervals, or a reminder has waited that long past its time, because then deadlines can pass without
 * anybody being told (issue 5, item 7). Details: the last sweep and the reminders waiting.
 */
@Component("deadlineScheduler")
class DeadlineSchedulerHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Deadline reminders are not being sent");

    private final ReminderSweeper sweeper;

    DeadlineSchedulerHealth(ReminderSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Override
    public Health health() {
        var state = sweeper.state();
        var health = Health.status(state.stalled() ? DEGRADED : Status.UP)
                .withDetail("lastSweep", state.lastSweep() == null ? "none yet" : state.lastSweep().toString())
                .withDetail("waitingReminders", state.waitingReminders());
        if (state.oldestWaiting() != null) {
            health.withDetail("oldestWaiting", state.oldestWaiting().toString());
        }
        if (state.stalled()) {
            health.withDetail("stalledSince", state.stalledSince().toString());
        }
        return health.build();
    }
}
