package org.vigil.deadline;

import java.util.Objects;

/**
 * An administrator changed a country's holiday calendar: due times counted on its working days may move. Published
 * after the change commits; whoever tracks obligations recomputes them ({@link HolidayCalendars#casesCountingIn}).
 *
 * @param country ISO 3166-1 alpha-2 code of the changed calendar
 * @param what    the change in words, for example "2027-12-24 Heiligabend added: …", as it reads in the audit trail
 */
public record HolidayCalendarChanged(String country, String what) {

    public HolidayCalendarChanged {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(what, "what");
    }
}
