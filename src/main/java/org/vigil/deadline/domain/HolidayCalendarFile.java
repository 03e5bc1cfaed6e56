package org.vigil.deadline.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Reads a shipped holiday calendar, {@code holidays/<country>.txt}: header lines {@code country: US},
 * {@code years: 2024-2028}, optional {@code weekend: SATURDAY SUNDAY} and {@code source: …}, then one holiday a line as
 * {@code 2026-11-26 Thanksgiving Day}. Lines starting with {@code #} are comments. Every problem is reported with the
 * file and line; a file with problems yields no calendar.
 */
public final class HolidayCalendarFile {

    /** A holiday file that cannot be used, with every problem found. */
    public static final class InvalidCalendar extends RuntimeException {

        public InvalidCalendar(String file, List<String> problems) {
            super(file + ": " + String.join("; ", problems));
        }
    }

    private HolidayCalendarFile() {
    }

    public static HolidayCalendar read(String file, Reader source) throws IOException {
        var problems = new ArrayList<String>();
        String country = null;
        Integer first = null;
        Integer last = null;
        var weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        var days = new TreeMap<LocalDate, String>();
        var reader = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String where = "line " + number + ": ";
            if (text.startsWith("country:")) {
                country = text.substring(8).strip();
                if (!country.matches("[A-Z]{2}")) {
                    problems.add(where + "country must be an ISO 3166-1 alpha-2 code, not '" + country + "'");
                }
            } else if (text.startsWith("years:")) {
                String[] range = text.substring(6).strip().split("-");
                try {
                    first = Integer.parseInt(range[0].strip());
                    last = Integer.parseInt(range[range.length - 1].strip());
                } catch (NumberFormatException e) {
                    problems.add(where + "years must read like 2024-2028");
                }
            } else if (text.startsWith("weekend:")) {
                weekend.clear();
                for (String day : text.substring(8).strip().split("\\s+")) {
                    try {
                        weekend.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        problems.add(where + "'" + day + "' is not a day of the week");
                    }
                }
            } else if (text.startsWith("source:")) {
                // Kept in the file for readers; the calendar itself does not need it.
                continue;
            } else {
                int space = text.indexOf(' ');
                if (space < 0) {
                    problems.add(where + "expected a date and a name, like '2026-12-25 Christmas Day'");
                    continue;
                }
                try {
                    LocalDate day = LocalDate.parse(text.substring(0, space));
                    if (days.put(day, text.substring(space + 1).strip()) != null) {
                        problems.add(where + day + " is listed twice");
                    }
                } catch (DateTimeException e) {
                    problems.add(where + "'" + text.substring(0, space) + "' is not a date (YYYY-MM-DD)");
                }
            }
        }
        if (country == null) {
            problems.add("the header 'country:' is missing");
        }
        if (first == null) {
            problems.add("the header 'years:' is missing");
        }
        if (!problems.isEmpty()) {
            throw new InvalidCalendar(file, problems);
        }
        try {
            return new HolidayCalendar(country, weekend, first, last, days);
        } catch (IllegalArgumentException e) {
            throw new InvalidCalendar(file, List.of(e.getMessage()));
        }
    }
}
