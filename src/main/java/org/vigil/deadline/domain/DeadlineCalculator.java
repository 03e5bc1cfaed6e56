package org.vigil.deadline.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

import org.vigil.deadline.Due;
import org.vigil.deadline.Period;

/**
 * Turns a rule's period into a due time. The counting, which every test pins down:
 * <ul>
 * <li>The clock-start instant is read as a calendar date in the <em>manufacturer's</em> time zone: that is the
 * "awareness date" (MIR 7.3.1 §1.2.c/d are dates, not instants) and the day the manufacturer's staff count from.</li>
 * <li>Calendar days: the due date is the awareness date plus N. "Not later than 10 days after the date on which the
 * manufacturer becomes aware" (MDR Art. 87(5)) does not count the awareness date itself, so 29 March + 10 is 8 April,
 * the same reading as Regulation (EEC, Euratom) No 1182/71 Art. 3(1) on periods expressed in days.</li>
 * <li>Working days: the awareness date is not counted either; the next N days that are neither weekend nor public
 * holiday of the authority's country are (21 CFR 803.3 "work day"; FDA keeps US Federal holidays, MHRA those of
 * England and Wales).</li>
 * <li>The obligation is due by the <em>end</em> of the due date in the manufacturer's time zone; the exclusive instant
 * is the start of the next day there, so a day of 23 or 25 hours (daylight saving) is a whole day.</li>
 * </ul>
 */
public final class DeadlineCalculator {

    private final Map<String, HolidayCalendar> calendars;

    /** @param calendars holiday calendars by ISO 3166-1 alpha-2 country code */
    public DeadlineCalculator(Map<String, HolidayCalendar> calendars) {
        this.calendars = Map.copyOf(calendars);
    }

    /**
     * The due time of a period whose clock started at {@code clockStart}.
     *
     * @param zone the manufacturer's time zone
     * @param calendarCountry the country whose working days count (the authority's), used by working-day periods only
     * @param setDate the date the triggering event set (a planned start, an announced or agreed date), or {@code null}
     */
    public Due due(Period period, Instant clockStart, ZoneId zone, String calendarCountry, LocalDate setDate) {
        Objects.requireNonNull(clockStart, "clockStart");
        Objects.requireNonNull(zone, "zone");
        LocalDate start = LocalDate.ofInstant(clockStart, zone);
        return switch (period) {
            case Period.CalendarDays(int days) -> Due.By.endOf(start.plusDays(days), zone);
            case Period.WorkingDays(int days) -> Due.By.endOf(calendar(calendarCountry).plusWorkingDays(start, days),
                    zone);
            case Period.CalendarMonths(int months) -> Due.By.endOf(start.plusMonths(months), zone);
            // Reported before the action starts: before the first moment of its planned start day.
            case Period.BeforeUndertaken() -> new Due.BeforeUndertaken(
                    setDate == null ? null : setDate.atStartOfDay(zone).toInstant());
            case Period.DateSetByEvent() -> {
                if (setDate == null) {
                    throw new IllegalArgumentException("this event must say by which date the report is due");
                }
                yield Due.By.endOf(setDate, zone);
            }
            case Period.NoStatutoryPeriod() -> new Due.WithoutDelay(clockStart);
        };
    }

    /** The calendar of {@code country}; fails clearly when there is none, rather than counting without holidays. */
    public HolidayCalendar calendar(String country) {
        HolidayCalendar calendar = country == null ? null : calendars.get(country);
        if (calendar == null) {
            throw new IllegalStateException("No holiday calendar for " + country + ": working days cannot be counted"
                    + " there until an administrator adds its public holidays");
        }
        return calendar;
    }
}
