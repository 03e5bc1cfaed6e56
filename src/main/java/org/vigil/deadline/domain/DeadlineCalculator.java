package org.vigil.deadline.domain;

import java.time.DayOfWeek;
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
 * manufacturer becomes aware" (MDR Art. 87(5)) does not count the awareness date itself (day 0), so 29 March + 10 is
 * 8 April: Regulation (EEC, Euratom) No 1182/71 Art. 3(1), applied by MDCG 2023-3 Rev. 2 Q14. Under the EU rules a
 * due date on a weekend or public holiday of the authority's country moves to the next working day and a period of
 * two days or more holds two working days (1182/71 Art. 3(4), (5)); other regimes' rules say whether they do this
 * ({@link Period.CalendarDays#endsOnWorkingDay()}).</li>
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
            case Period.CalendarDays(int days, boolean endsOnWorkingDay) -> Due.By.endOf(endsOnWorkingDay
                    ? onWorkingDay(start, start.plusDays(days), days, calendarCountry) : start.plusDays(days), zone);
            case Period.WorkingDays(int days) -> Due.By.endOf(calendar(calendarCountry).plusWorkingDays(start, days),
                    zone);
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

    /**
     * Regulation 1182/71 Art. 3(4) and (5), as MDCG 2023-3 Rev. 2 Q14 applies them to vigilance reports: a last day
     * on a weekend or public holiday moves to the next working day; a period of two days or more holds at least two
     * working days. Without a calendar for the country (or for the year) only weekends count as non-working, which
     * can only make the due date earlier than the law's, never later.
     */
    private LocalDate onWorkingDay(LocalDate start, LocalDate nominal, int days, String country) {
        HolidayCalendar calendar = country == null ? null : calendars.get(country);
        LocalDate due = nextWorkingDay(nominal, calendar);
        if (days >= 2) {
            while (workingDaysBetween(start, due, calendar) < 2) {
                due = nextWorkingDay(due.plusDays(1), calendar);
            }
        }
        return due;
    }

    private static LocalDate nextWorkingDay(LocalDate day, HolidayCalendar calendar) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate, calendar)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** Working days after {@code start} up to and including {@code end}. */
    private static int workingDaysBetween(LocalDate start, LocalDate end, HolidayCalendar calendar) {
        int count = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            if (isWorkingDay(day, calendar)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWorkingDay(LocalDate day, HolidayCalendar calendar) {
        if (calendar != null && calendar.covers(day)) {
            return calendar.isWorkingDay(day);
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
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
