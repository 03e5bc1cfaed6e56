package org.vigil.deadline.clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigil.deadline.HolidayCalendars;

/**
 * Runs the sweep when Vigil serves: at once when it starts (obligations that fell due while it was down are flagged
 * and alerted first thing) and then every {@code vigil.deadlines.sweep-interval}. Tests that drive the clock
 * themselves switch it off with {@code vigil.deadlines.schedule=false} and sweep when they choose.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "vigil.deadlines.schedule", havingValue = "true", matchIfMissing = true)
class SweepSchedule {

    private final ReminderSweeper sweeper;
    private final HolidayCalendars calendars;

    SweepSchedule(ReminderSweeper sweeper, HolidayCalendars calendars) {
        this.sweeper = sweeper;
        this.calendars = calendars;
    }

    @Scheduled(fixedDelayString = "${vigil.deadlines.sweep-interval:30s}", initialDelayString = "0s")
    void sweep() {
        // A calendar change made by another Vigil on the same database counts here from this sweep on.
        calendars.refresh();
        sweeper.sweep();
    }
}
