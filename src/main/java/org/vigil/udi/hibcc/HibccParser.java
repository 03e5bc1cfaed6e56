package org.vigil.udi.hibcc;

import java.time.LocalDate;
import java.util.List;
import org.vigil.udi.IssuingEntity;
import org.vigil.udi.UdiResult;
import org.vigil.udi.calendar.UdiDates;
import org.vigil.udi.checkchar.Mod43;
import org.vigil.udi.diagnostic.Diagnostics;
import org.vigil.udi.diagnostic.PiFields;
import org.vigil.udi.text.Chars;

/**
 * Reads HIBC Supplier Labeling data, ANSI/HIBC 2.6-2016 ("The Health Industry Supplier Labeling Standard
 * for Patient Safety &amp; UDI"):
 * <ul>
 * <li>primary data structure {@code +} LIC (4, first alphabetic) PCN (1-18) U/M (1 digit) check;</li>
 * <li>concatenated {@code +}primary{@code /}secondary check, one check character over everything;</li>
 * <li>secondary data structure alone: {@code +} secondary link check, where the link character is the
 * primary's check character (see {@link #readSplit});</li>
 * <li>secondary formats: {@code YYJJJ}+lot, {@code $}lot, {@code $+}serial, {@code $$}[{@code +}] with
 * expiry formats {@code MMYY}, {@code 2}MMDDYY, {@code 3}YYMMDD, {@code 4}YYMMDDHH, {@code 5}YYJJJ,
 * {@code 6}YYJJJHH, {@code 7} (no date), optionally preceded by quantity {@code 8}QQ or {@code 9}QQQQQ,
 * followed by lot ({@code $$}) or serial ({@code $$+});</li>
 * <li>supplemental data after {@code /}: {@code S} serial, {@code 16D} manufacture date YYYYMMDD,
 * {@code 14D} expiry date YYYYMMDD.</li>
 * </ul>
 * Every symbol ends with the modulo 43 check character. HIBC years are 20YY; month-only expiry dates
 * ({@code MMYY}) resolve to the last day of the month.
 */
public final class HibccParser {

    /** Longest lot or serial number, ANSI/HIBC 2.6. */
    static final int MAX_LOT = 18;
    static final int MAX_PCN = 18;

    public UdiResult read(String input, int from, int to) {
        Diagnostics d = new Diagnostics(input.length());
        PiFields pi = new PiFields();
        readStructure(input, from, to, d, pi, null);
        return result(input, pi, d);
    }

    /**
     * Reads a primary and a secondary symbol scanned separately. The result's input is both joined by one
     * space; positions in the secondary are offset accordingly.
     */
    public UdiResult readSplit(String primary, String secondary) {
        String joined = primary + " " + secondary;
        Diagnostics d = new Diagnostics(joined.length());
        PiFields pi = new PiFields();
        int offset = primary.length() + 1;
        char[] primaryCheck = new char[1];
        if (primary.isEmpty() || primary.charAt(0) != '+' || primary.length() < 2 || !isLetter(primary.charAt(1))) {
            d.add(0, "the first symbol is not an HIBC primary data structure (+ followed by the labeler code)");
        } else if (primary.indexOf('/') >= 0) {
            d.add(primary.indexOf('/'), "the first symbol already contains secondary data; scan it alone");
        } else {
            readStructure(joined, 0, primary.length(), d, pi, primaryCheck);
        }
        if (secondary.isEmpty() || secondary.charAt(0) != '+' || secondary.length() < 2
                || isLetter(secondary.charAt(1))) {
            d.add(offset, "the second symbol is not an HIBC secondary data structure");
        } else {
            char[] link = new char[1];
            readStructure(joined, offset, joined.length(), d, pi, link);
            if (primaryCheck[0] != 0 && link[0] != 0 && link[0] != primaryCheck[0]) {
                d.add(joined.length() - 2, "the two HIBC symbols do not belong together: the link character is "
                        + link[0] + " but the primary symbol's check character is " + primaryCheck[0]);
            }
        }
        return result(joined, pi, d);
    }

    private static UdiResult result(String input, PiFields pi, Diagnostics d) {
        return new UdiResult(input, IssuingEntity.HIBCC, pi.di, pi.lot, pi.serial, pi.expiry, pi.manufactured, null,
                pi.quantity, List.of(), null, null, d.toList());
    }

    /**
     * Reads one symbol {@code [from, to)} starting with "+". {@code linkOrCheck}, when given, receives the
     * primary's check character (primary alone) or the secondary's link character (secondary alone).
     */
    private void readStructure(String s, int from, int to, Diagnostics d, PiFields pi, char[] linkOrCheck) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Mod43.value(c) < 0) {
                d.add(i, c >= 'a' && c <= 'z' ? "HIBC data uses capital letters only (found \"" + c + "\")"
                        : "character \"" + Chars.printable(c) + "\" is not allowed in HIBC data");
                return;
            }
        }
        if (to - from < 4) {
            d.add(to, "the HIBC data is too short");
            return;
        }
        char check = s.charAt(to - 1);
        char expected = Mod43.compute(s, from, to - 1);
        if (check != expected) {
            d.add(to - 1, "the HIBC check character is wrong: it should be " + expected + ", not " + check
                    + " (the barcode was probably misread)");
        }
        int bodyEnd = to - 1;
        if (isLetter(s.charAt(from + 1))) {
            int slash = s.indexOf('/', from + 1);
            int primaryEnd = slash < 0 || slash >= bodyEnd ? bodyEnd : slash;
            readPrimary(s, from, primaryEnd, d, pi);
            if (linkOrCheck != null && slash < 0) {
                linkOrCheck[0] = check;
            }
            if (primaryEnd < bodyEnd) {
                readSecondary(s, primaryEnd + 1, bodyEnd, d, pi);
            }
        } else {
            // Secondary alone: the character before the check character links it to its primary.
            if (linkOrCheck != null) {
                linkOrCheck[0] = s.charAt(bodyEnd - 1);
            }
            readSecondary(s, from + 1, bodyEnd - 1, d, pi);
        }
    }

    private static void readPrimary(String s, int plus, int end, Diagnostics d, PiFields pi) {
        int lic = plus + 1;
        if (end - lic < 6) {
            d.add(end, "the HIBC primary data is too short: it needs a 4-character labeler code, a product "
                    + "number and a unit-of-measure digit");
            return;
        }
        for (int i = lic; i < end; i++) {
            if (!isLetter(s.charAt(i)) && !isDigit(s.charAt(i))) {
                d.add(i, "the HIBC labeler code, product number and unit of measure may only contain A-Z and 0-9");
                return;
            }
        }
        int pcnLength = end - 1 - (lic + 4);
        if (pcnLength > MAX_PCN) {
            d.add(lic + 4 + MAX_PCN, "the HIBC product number is longer than " + MAX_PCN + " characters");
        }
        if (!isDigit(s.charAt(end - 1))) {
            d.add(end - 1, "the HIBC unit of measure must be a digit 0-9");
        }
        String primary = s.substring(plus, end);
        pi.di = primary + Mod43.compute(primary, 0, primary.length());
    }

    private static void readSecondary(String s, int from, int to, Diagnostics d, PiFields pi) {
        if (from >= to) {
            d.add(from, "the HIBC secondary data is empty");
            return;
        }
        int i = from;
        boolean serialMode = false;
        char first = s.charAt(i);
        if (isDigit(first)) {
            // 5-digit Julian expiry YYJJJ followed by the lot number
            i = julian(s, i, to, d, pi, false);
            if (i < 0) {
                return;
            }
        } else if (startsWith(s, "$$", i, to)) {
            i += 2;
            if (i < to && s.charAt(i) == '+') {
                serialMode = true;
                i++;
            }
            if (i < to && s.charAt(i) == '8') {
                i = quantity(s, i + 1, 2, to, d, pi);
            } else if (i < to && s.charAt(i) == '9') {
                i = quantity(s, i + 1, 5, to, d, pi);
            }
            if (i < 0) {
                return;
            }
            i = expiry(s, i, to, d, pi);
            if (i < 0) {
                return;
            }
        } else if (startsWith(s, "$+", i, to)) {
            serialMode = true;
            i += 2;
        } else if (first == '$') {
            i += 1;
        } else {
            d.add(i, "HIBC secondary data must start with a date (digits) or \"$\"");
            return;
        }
        int fieldEnd = Chars.indexOf(s, '/', i, to);
        if (fieldEnd < 0) {
            fieldEnd = to;
        }
        String number = s.substring(i, fieldEnd);
        if (number.length() > MAX_LOT) {
            d.add(i + MAX_LOT, "the HIBC " + (serialMode ? "serial" : "lot") + " number is longer than "
                    + MAX_LOT + " characters");
        }
        if (!number.isEmpty()) {
            if (serialMode) {
                pi.serial = number;
            } else {
                pi.lot = number;
            }
        }
        supplemental(s, fieldEnd, to, d, pi);
    }

    private static int quantity(String s, int i, int digits, int to, Diagnostics d, PiFields pi) {
        int value = i + digits <= to ? UdiDates.digits(s, i, digits) : -1;
        if (value < 0) {
            d.add(i, "the HIBC quantity must be " + digits + " digits");
            return -1;
        }
        pi.quantity = value;
        return i + digits;
    }

    /** Expiry date after {@code $$} (and any quantity); returns the index after it or -1. */
    private static int expiry(String s, int i, int to, Diagnostics d, PiFields pi) {
        if (i >= to) {
            d.add(i, "the HIBC expiry date format is missing");
            return -1;
        }
        char format = s.charAt(i);
        switch (format) {
            case '0', '1' -> {
                int month = digits(s, i, 2, to);
                int yy = digits(s, i + 2, 2, to);
                if (month < 0 || yy < 0) {
                    d.add(i, "the HIBC expiry date (MMYY) must be 4 digits");
                    return -1;
                }
                setExpiry(pi, d, i, 2000 + yy, month, 0, true);
                return i + 4;
            }
            case '2' -> {
                int month = digits(s, i + 1, 2, to);
                int day = digits(s, i + 3, 2, to);
                int yy = digits(s, i + 5, 2, to);
                if (month < 0 || day < 0 || yy < 0) {
                    d.add(i + 1, "the HIBC expiry date (MMDDYY) must be 6 digits");
                    return -1;
                }
                setExpiry(pi, d, i + 1, 2000 + yy, month, day, false);
                return i + 7;
            }
            case '3', '4' -> {
                int yy = digits(s, i + 1, 2, to);
                int month = digits(s, i + 3, 2, to);
                int day = digits(s, i + 5, 2, to);
                if (yy < 0 || month < 0 || day < 0) {
                    d.add(i + 1, "the HIBC expiry date (YYMMDD) must be 6 digits");
                    return -1;
                }
                setExpiry(pi, d, i + 1, 2000 + yy, month, day, false);
                if (format == '4') {
                    return hour(s, i + 7, to, d);
                }
                return i + 7;
            }
            case '5', '6' -> {
                int next = julian(s, i + 1, to, d, pi, format == '6');
                return next;
            }
            case '7' -> {
                return i + 1;
            }
            default -> {
                d.add(i, "\"" + format + "\" is not an HIBC expiry date format (0-7)");
                return -1;
            }
        }
    }

    private static int julian(String s, int i, int to, Diagnostics d, PiFields pi, boolean withHour) {
        int yy = digits(s, i, 2, to);
        int day = digits(s, i + 2, 3, to);
        if (yy < 0 || day < 0) {
            d.add(i, "the HIBC expiry date (YYJJJ) must be 5 digits");
            return -1;
        }
        LocalDate date = UdiDates.julian(2000 + yy, day);
        if (date == null) {
            d.add(i + 2, "HIBC expiry date: " + UdiDates.describeInvalidJulian(2000 + yy, day));
        } else {
            pi.expiry = date;
        }
        return withHour ? hour(s, i + 5, to, d) : i + 5;
    }

    private static int hour(String s, int i, int to, Diagnostics d) {
        int hour = digits(s, i, 2, to);
        if (hour < 0) {
            d.add(i, "the HIBC expiry hour must be 2 digits");
            return -1;
        }
        if (hour > 23) {
            d.add(i, "HIBC expiry hour " + s.substring(i, i + 2) + " does not exist (00 to 23)");
        }
        return i + 2;
    }

    private static void setExpiry(PiFields pi, Diagnostics d, int position, int year, int month, int day,
            boolean monthOnly) {
        LocalDate date = monthOnly ? UdiDates.dateAllowingDayZero(year, month, 0) : UdiDates.date(year, month, day);
        if (date == null) {
            d.add(position, "HIBC expiry date: " + UdiDates.describeInvalidDate(year, month, day));
        } else {
            pi.expiry = date;
        }
    }

    /** Supplemental data fields "/S…", "/16D…", "/14D…" starting at {@code i} (a "/" or the end). */
    private static void supplemental(String s, int i, int to, Diagnostics d, PiFields pi) {
        while (i < to) {
            int start = i + 1;
            int end = Chars.indexOf(s, '/', start, to);
            if (end < 0) {
                end = to;
            }
            if (startsWith(s, "16D", start, end) || startsWith(s, "14D", start, end)) {
                boolean manufacture = s.charAt(start + 1) == '6';
                int year = digits(s, start + 3, 4, end);
                int month = digits(s, start + 7, 2, end);
                int day = digits(s, start + 9, 2, end);
                if (end - start != 11 || year < 0 || month < 0 || day < 0) {
                    d.add(start, "HIBC " + (manufacture ? "manufacture" : "expiry")
                            + " date after /" + s.substring(start, start + 3) + " must be 8 digits YYYYMMDD");
                } else {
                    LocalDate date = UdiDates.date(year, month, day);
                    if (date == null) {
                        d.add(start + 3, "HIBC " + (manufacture ? "manufacture" : "expiry") + " date: "
                                + UdiDates.describeInvalidDate(year, month, day));
                    } else if (manufacture) {
                        pi.manufactured = date;
                    } else {
                        pi.expiry = date;
                    }
                }
            } else if (start < end && s.charAt(start) == 'S') {
                String serial = s.substring(start + 1, end);
                if (serial.isEmpty() || serial.length() > MAX_LOT) {
                    d.add(start, "the HIBC serial number after /S must have 1 to " + MAX_LOT + " characters");
                } else {
                    pi.serial = serial;
                }
            } else {
                d.add(start, "unknown HIBC supplemental data after \"/\" (expected S, 16D or 14D)");
            }
            i = end;
        }
    }

    /** {@code s.startsWith(prefix, from)} restricted to {@code [from, to)}: never looks past the field. */
    private static boolean startsWith(String s, String prefix, int from, int to) {
        return from + prefix.length() <= to && s.startsWith(prefix, from);
    }

    private static int digits(String s, int from, int count, int to) {
        return from + count <= to ? UdiDates.digits(s, from, count) : -1;
    }

    static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

}
