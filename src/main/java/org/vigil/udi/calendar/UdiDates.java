package org.vigil.udi.calendar;

import java.time.LocalDate;
import java.time.Year;

/**
 * Calendar arithmetic shared by the issuer parsers: two-digit years, day {@code 00}, Julian days.
 *
 * <p>All methods return {@code null} or a negative code instead of throwing, because the parsers must
 * never throw on arbitrary input. Callers turn failures into plain-language problems with
 * {@link #describeInvalidDate(int, int, int)}.
 */
public final class UdiDates {

    private UdiDates() {
    }

    /**
     * Resolves a two-digit GS1 year per GS1 General Specifications section 7.12 ("Determination of
     * century in dates"): the year is taken from the 100-year window that starts 49 years before and
     * ends 50 years after the current year, so "99" read in 2026 is 1999 and "75" is 2075.
     */
    public static int gs1Year(int yy, int currentYear) {
        int currentCentury = currentYear / 100 * 100;
        int difference = yy - currentYear % 100;
        if (difference >= 51) {
            return currentCentury - 100 + yy;
        }
        if (difference <= -50) {
            return currentCentury + 100 + yy;
        }
        return currentCentury + yy;
    }

    /**
     * A date whose day may be {@code 0}, meaning the last day of the month (GS1 General Specifications
     * section 3.4.6 for AI (17), likewise HIBCC/IFA month-precision expiry). Leap years are honoured:
     * February 2024 day 00 is 2024-02-29. Returns {@code null} if month or day do not exist.
     */
    public static LocalDate dateAllowingDayZero(int year, int month, int day) {
        if (month < 1 || month > 12) {
            return null;
        }
        int length = lengthOfMonth(year, month);
        if (day == 0) {
            return LocalDate.of(year, month, length);
        }
        if (day > length) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** Whether the date exists (day 0 = last day of the month, if allowed), without allocating. */
    public static boolean exists(int year, int month, int day, boolean dayZeroAllowed) {
        if (month < 1 || month > 12 || day < 0 || (day == 0 && !dayZeroAllowed)) {
            return false;
        }
        return day <= lengthOfMonth(year, month);
    }

    /** A strict calendar date, {@code null} if it does not exist. */
    public static LocalDate date(int year, int month, int day) {
        if (day == 0) {
            return null;
        }
        return dateAllowingDayZero(year, month, day);
    }

    /** Day {@code dayOfYear} (1-based) of {@code year}, {@code null} if the year has no such day. */
    public static LocalDate julian(int year, int dayOfYear) {
        if (dayOfYear < 1 || dayOfYear > (Year.isLeap(year) ? 366 : 365)) {
            return null;
        }
        return LocalDate.ofYearDay(year, dayOfYear);
    }

    public static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Plain-language reason why (year, month, day) is not a date; day 0 is accepted only if allowed. */
    public static String describeInvalidDate(int year, int month, int day, boolean dayZeroAllowed) {
        if (month < 1 || month > 12) {
            return "month " + twoDigits(month) + " does not exist";
        }
        if (day == 0 && !dayZeroAllowed) {
            return "day 00 is not allowed here";
        }
        return "day " + twoDigits(day) + " does not exist in " + monthName(month) + " " + year;
    }

    /** Overload for strict dates. */
    public static String describeInvalidDate(int year, int month, int day) {
        return describeInvalidDate(year, month, day, false);
    }

    public static String describeInvalidJulian(int year, int dayOfYear) {
        return "day " + dayOfYear + " does not exist in year " + year;
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String monthName(int month) {
        return switch (month) {
            case 1 -> "January";
            case 2 -> "February";
            case 3 -> "March";
            case 4 -> "April";
            case 5 -> "May";
            case 6 -> "June";
            case 7 -> "July";
            case 8 -> "August";
            case 9 -> "September";
            case 10 -> "October";
            case 11 -> "November";
            default -> "December";
        };
    }

    /**
     * Value of {@code count} ASCII digits starting at {@code from}, or {@code -1} if any is not a digit or
     * the range is out of bounds.
     */
    public static int digits(CharSequence s, int from, int count) {
        if (from < 0 || from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
