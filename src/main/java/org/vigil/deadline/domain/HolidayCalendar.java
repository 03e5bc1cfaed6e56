package org.vigil.deadline.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The working days of one country: every day except its weekend days and its public holidays, for the years the
 * calendar covers. Counting beyond those years fails instead of silently treating unknown holidays as working days.
 *
 * <p>The calendar is a value: an administrator's change ({@link #withHoliday}, {@link #withoutHoliday},
 * {@link #covering}) makes a new calendar, so it can be loaded from rows (country, date, name) and the covered years,
 * and stored back the same way. The shipped calendars are seeded from {@code holidays/<country>.txt}.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param weekend the days of the week that are never working days
 * @param firstYear the first year whose holidays are known
 * @param lastYear the last year whose holidays are known
 * @param holidays public holidays by date, with their names
 */
public record HolidayCalendar(String country, Set<DayOfWeek> weekend, int firstYear, int lastYear,
        NavigableMap<LocalDate, String> holidays) {

    /** Saturday and Sunday. */
    public static final Set<DayOfWeek> SATURDAY_SUNDAY = Collections.unmodifiableSet(
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    public HolidayCalendar {
        Objects.requireNonNull(country, "country");
        weekend = Collections.unmodifiableSet(EnumSet.copyOf(weekend));
        if (lastYear < firstYear) {
            throw new IllegalArgumentException(country + ": last year " + lastYear + " before first year " + firstYear);
        }
        holidays = Collections.unmodifiableNavigableMap(new TreeMap<>(holidays));
        for (LocalDate day : holidays.keySet()) {
            if (day.getYear() < firstYear || day.getYear() > lastYear) {
                throw new IllegalArgumentException(country + ": holiday " + day + " is outside the covered years "
                        + firstYear + "–" + lastYear);
            }
        }
    }

    /** Whether the calendar knows the public holidays of {@code day}'s year. */
    public boolean covers(LocalDate day) {
        return day.getYear() >= firstYear && day.getYear() <= lastYear;
    }

    /** Whether {@code day} is a working day; fails for a day outside the covered years. */
    public boolean isWorkingDay(LocalDate day) {
        requireCovered(day);
        return !weekend.contains(day.getDayOfWeek()) && !holidays.containsKey(day);
    }

    /**
     * The date {@code days} working days after {@code start}: {@code start} itself is not counted, whether or not it is
     * a working day (a report "within 5 work days after the day that you become aware", 21 CFR 803.53).
     */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("count at least one working day, not " + days);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** This calendar with {@code day} as a public holiday named {@code name}. */
    public HolidayCalendar withHoliday(LocalDate day, String name) {
        requireCovered(day);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a holiday needs a name");
        }
        var changed = new TreeMap<>(holidays);
        changed.put(day, name.strip());
        return new HolidayCalendar(country, weekend, firstYear, lastYear, changed);
    }

    /** This calendar with {@code day} as an ordinary day again. */
    public HolidayCalendar withoutHoliday(LocalDate day) {
        var changed = new TreeMap<>(holidays);
        changed.remove(day);
        return new HolidayCalendar(country, weekend, firstYear, lastYear, changed);
    }

    /**
     * This calendar covering {@code year} too, with {@code yearsHolidays} as that year's holidays: how an
     * administrator adds a year once its holidays are published.
     */
    public HolidayCalendar covering(int year, Map<LocalDate, String> yearsHolidays) {
        var changed = new TreeMap<>(holidays);
        yearsHolidays.forEach((day, name) -> {
            if (day.getYear() != year) {
                throw new IllegalArgumentException(day + " is not in " + year);
            }
            changed.put(day, name);
        });
        return new HolidayCalendar(country, weekend, Math.min(firstYear, year), Math.max(lastYear, year), changed);
    }

    private void requireCovered(LocalDate day) {
        if (day.getYear() < firstYear || day.getYear() > lastYear) {
            throw new IllegalStateException("The holiday calendar of " + country + " covers " + firstYear + "–"
                    + lastYear + ", not " + day.getYear() + ": add that year's public holidays before counting "
                    + "working days in it");
        }
    }
}
