package org.vigil.udi.ifa;

import java.time.LocalDate;
import java.util.List;
import org.vigil.udi.IssuingEntity;
import org.vigil.udi.UdiResult;
import org.vigil.udi.calendar.UdiDates;
import org.vigil.udi.diagnostic.Diagnostics;
import org.vigil.udi.diagnostic.Finding;
import org.vigil.udi.diagnostic.PiFields;
import org.vigil.udi.gs1.Gs1Reader;
import org.vigil.udi.text.Chars;

/**
 * Reads ISO/IEC 15434 messages ({@code [)>} RS format GS data RS EOT). Format {@code 06} with ASC MH10
 * (ANSI MH10.8.2) data identifiers is read as an IFA code (IFA specification "Coding of medical devices
 * with the IFA Coding System" / secuPharm data matrix): {@code 9N} PPN (the UDI-DI), {@code 1T} lot,
 * {@code S} serial, {@code D} expiry YYMMDD (day 00 = last day of the month), {@code 16D} manufacture
 * date YYYYMMDD. Format {@code 05} carries GS1 element strings and is handed to the GS1 reader.
 *
 * <p>Keyboard-wedge scanners often cannot send control characters. Accepted, when used consistently
 * throughout one message (the notation is fixed by what follows {@code [)>}): the raw characters,
 * {@code <RS>}/{@code <GS>}/{@code <EOT>}, Unicode control pictures (U+241E, U+241D, U+2404) and caret
 * notation ({@code ^^}, {@code ^]}, {@code ^D}). A missing trailing EOT or RS EOT is tolerated because
 * fields stay unambiguous. A message with no separators at all is rejected: the end of the PPN and of
 * the lot cannot be told apart reliably.
 */
public final class Iso15434Parser {

    private static final char RS = '\u001E';
    private static final char GS = '\u001D';
    private static final char EOT = '\u0004';

    private static final String[][] NOTATIONS = {
        {"\u001E", "\u001D", "\u0004"},
        {"<RS>", "<GS>", "<EOT>"},
        {"\u241E", "\u241D", "\u2404"},
        {"^^", "^]", "^D"},
    };

    private final Gs1Reader gs1;

    public Iso15434Parser(Gs1Reader gs1) {
        this.gs1 = gs1;
    }

    /** {@code true} when {@code [from, …)} starts with the ISO/IEC 15434 message header {@code [)>}. */
    public static boolean isEnvelope(String input, int from) {
        return input.startsWith("[)>", from);
    }

    public UdiResult read(String input, int from, int to, int currentYear) {
        Diagnostics d = new Diagnostics(input.length());
        int headerEnd = from + 3;
        String[] notation = null;
        for (String[] candidate : NOTATIONS) {
            if (input.startsWith(candidate[0], headerEnd)) {
                notation = candidate;
                break;
            }
        }
        if (notation == null) {
            d.add(headerEnd, "the ISO/IEC 15434 message has no record separator (RS) after \"[)>\", so its fields "
                    + "cannot be told apart reliably");
            return empty(input, d);
        }
        // Normalise to raw control characters with a position map (only when another notation was used).
        String data;
        int[] map = null;
        if (notation == NOTATIONS[0]) {
            data = input.substring(from, to);
        } else {
            StringBuilder sb = new StringBuilder(to - from);
            int[] positions = new int[to - from];
            for (int i = from; i < to; i++) {
                char control = 0;
                int length = 1;
                for (int k = 0; k < 3; k++) {
                    if (input.startsWith(notation[k], i)) {
                        control = k == 0 ? RS : k == 1 ? GS : EOT;
                        length = notation[k].length();
                        break;
                    }
                }
                positions[sb.length()] = i;
                sb.append(control != 0 ? control : input.charAt(i));
                i += length - 1;
            }
            data = sb.toString();
            map = java.util.Arrays.copyOf(positions, sb.length());
        }
        int base = map == null ? from : 0;
        int end = data.length();
        if (end > 0 && data.charAt(end - 1) == EOT) {
            end--;
        }
        if (end > 0 && data.charAt(end - 1) == RS) {
            end--;
        }
        // data = "[)>" RS "06" GS fields…
        int formatStart = 4;
        if (end < formatStart + 2) {
            d.add(pos(map, base, Math.min(formatStart, data.length())), "the ISO/IEC 15434 message has no format header");
            return empty(input, d);
        }
        String format = data.substring(formatStart, formatStart + 2);
        if (format.equals("05")) {
            if (map != null) {
                d.add(from, "GS1 data in an ISO/IEC 15434 message must be sent with real control characters");
                return empty(input, d);
            }
            int gs1Start = from + formatStart + 2;
            int gs1End = from + end;
            if (gs1Start < gs1End && data.charAt(formatStart + 2) == GS) {
                gs1Start++;
            }
            return gs1.read(input, gs1Start, Math.max(gs1Start, gs1End), Gs1Reader.Form.SCAN_DATA, currentYear, d);
        }
        if (!format.equals("06")) {
            d.add(pos(map, base, formatStart), "ISO/IEC 15434 format " + format + " is not used for UDIs (expected 06 "
                    + "for IFA or 05 for GS1)");
            return empty(input, d);
        }
        PiFields pi = new PiFields();
        int i = formatStart + 2;
        if (i >= end || data.charAt(i) != GS) {
            d.add(pos(map, base, i), "a group separator (GS) must follow the format 06 header");
            return empty(input, d);
        }
        int fields = 0;
        while (i < end && data.charAt(i) == GS && !d.full()) {
            int start = i + 1;
            int next = data.indexOf(GS, start);
            int fieldEnd = next < 0 || next > end ? end : next;
            if (++fields > 32) {
                d.add(pos(map, base, start), "too many data fields");
                break;
            }
            field(data, start, fieldEnd, map, base, d, pi);
            i = fieldEnd;
        }
        if (i < end) {
            d.add(pos(map, base, i), "unexpected character after the last field");
        }
        if (pi.di == null && d.isEmpty()) {
            d.add(pos(map, base, end), "the IFA code has no PPN (data identifier 9N)");
        }
        return new UdiResult(input, IssuingEntity.IFA, pi.di, pi.lot, pi.serial, pi.expiry, pi.manufactured, null,
                null, List.of(), null, null, d.toList());
    }

    private static void field(String data, int start, int end, int[] map, int base, Diagnostics d, PiFields pi) {
        String identifier;
        if (data.startsWith("9N", start)) {
            identifier = "9N";
        } else if (data.startsWith("1T", start)) {
            identifier = "1T";
        } else if (data.startsWith("16D", start)) {
            identifier = "16D";
        } else if (start < end && (data.charAt(start) == 'D' || data.charAt(start) == 'S')) {
            identifier = String.valueOf(data.charAt(start));
        } else {
            int shown = Math.min(end, start + 4);
            d.add(pos(map, base, start), "data identifier \"" + data.substring(start, Math.max(start, shown))
                    + "\" is not one used in IFA codes (9N, 1T, S, D, 16D)");
            return;
        }
        int valueStart = start + identifier.length();
        String value = data.substring(Math.min(valueStart, end), end);
        if (value.isEmpty()) {
            d.add(pos(map, base, valueStart), "data identifier " + identifier + " has no data");
            return;
        }
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                d.add(pos(map, base, valueStart + k), "character \"" + Chars.printable(c)
                        + "\" is not allowed in IFA data " + identifier);
                return;
            }
        }
        switch (identifier) {
            case "9N" -> {
                Finding problem = Ppn.problem(value);
                if (problem != null) {
                    d.add(pos(map, base, valueStart + problem.offset()), problem.reason());
                } else if (pi.di != null && !pi.di.equals(value)) {
                    d.add(pos(map, base, start), "the code holds two different PPNs");
                } else {
                    pi.di = value;
                }
            }
            case "1T" -> pi.lot = checkedLength(value, 20, "lot", map, base, valueStart, d);
            case "S" -> pi.serial = checkedLength(value, 20, "serial number", map, base, valueStart, d);
            case "D" -> {
                int yy = value.length() == 6 ? UdiDates.digits(value, 0, 2) : -1;
                int month = yy < 0 ? -1 : UdiDates.digits(value, 2, 2);
                int day = yy < 0 ? -1 : UdiDates.digits(value, 4, 2);
                if (yy < 0 || month < 0 || day < 0) {
                    d.add(pos(map, base, valueStart), "the IFA expiry date (D) must be 6 digits YYMMDD");
                    return;
                }
                LocalDate date = UdiDates.dateAllowingDayZero(2000 + yy, month, day);
                if (date == null) {
                    d.add(pos(map, base, valueStart + (month < 1 || month > 12 ? 2 : 4)), "IFA expiry date " + value
                            + ": " + UdiDates.describeInvalidDate(2000 + yy, month, day, true));
                } else {
                    pi.expiry = date;
                }
            }
            default -> {
                int year = value.length() == 8 ? UdiDates.digits(value, 0, 4) : -1;
                int month = year < 0 ? -1 : UdiDates.digits(value, 4, 2);
                int day = year < 0 ? -1 : UdiDates.digits(value, 6, 2);
                if (year < 0 || month < 0 || day < 0) {
                    d.add(pos(map, base, valueStart), "the IFA manufacture date (16D) must be 8 digits YYYYMMDD");
                    return;
                }
                LocalDate date = UdiDates.date(year, month, day);
                if (date == null) {
                    d.add(pos(map, base, valueStart + (month < 1 || month > 12 ? 4 : 6)), "IFA manufacture date "
                            + value + ": " + UdiDates.describeInvalidDate(year, month, day));
                } else {
                    pi.manufactured = date;
                }
            }
        }
    }

    private static String checkedLength(String value, int max, String what, int[] map, int base, int valueStart,
            Diagnostics d) {
        if (value.length() > max) {
            d.add(pos(map, base, valueStart + max), "the IFA " + what + " is longer than " + max + " characters");
        }
        return value;
    }

    private static int pos(int[] map, int base, int index) {
        if (map == null) {
            return base + index;
        }
        if (map.length == 0) {
            return 0;
        }
        return index < map.length ? map[index] : map[map.length - 1] + 1;
    }

    private static UdiResult empty(String input, Diagnostics d) {
        return new UdiResult(input, IssuingEntity.IFA, null, null, null, null, null, null, null, List.of(), null, null,
                d.toList());
    }
}
