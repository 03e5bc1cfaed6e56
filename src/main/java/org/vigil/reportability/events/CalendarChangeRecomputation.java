package org.vigil.reportability.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.vigil.casework.CaseId;
import org.vigil.deadline.HolidayCalendarChanged;
import org.vigil.deadline.HolidayCalendars;
import org.vigil.reportability.Reportability;
import org.vigil.shared.Actor;
import org.vigil.shared.Tenancy;

/**
 * When an administrator changes a country's holiday calendar, recomputes the pending obligations counted on its
 * working days, case by case, each acting for its duty holder: a due time that moves earlier is escalated as any other
 * (MDR Art. 87; 21 CFR 803.53 "work days"). A case that fails is logged and the others still recompute; the event
 * publication stays incomplete and is redelivered.
 */
@Component
class CalendarChangeRecomputation {

    private static final Logger log = LoggerFactory.getLogger(CalendarChangeRecomputation.class);

    private final HolidayCalendars calendars;
    private final Reportability reportability;

    CalendarChangeRecomputation(HolidayCalendars calendars, Reportability reportability) {
        this.calendars = calendars;
        this.reportability = reportability;
    }

    // Like @ApplicationModuleListener (after commit, asynchronous, tracked by the event publication registry) but
    // without a surrounding transaction: each case is recomputed in its duty holder's own transaction.
    @Async
    @TransactionalEventListener
    void on(HolidayCalendarChanged changed) {
        // Counting must use the changed calendar, also when the change was made on another Vigil.
        calendars.refresh();
        var affected = Tenancy.callAs(Actor.platform("holiday calendar change"),
                () -> calendars.casesCountingIn(changed.country()));
        RuntimeException failure = null;
        for (var entry : affected) {
            try {
                Tenancy.runAs(Actor.system(entry.organisation(), "holiday calendar change"),
                        () -> reportability.recompute(new CaseId(entry.caseId()),
                                "Holiday calendar of " + changed.country() + " changed (" + changed.what() + ")"));
            } catch (RuntimeException e) {
                log.warn("Could not recompute the deadlines of case {} after the holiday change in {}",
                        entry.caseId(), changed.country(), e);
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
