package org.vigil.udi.isbt128;

import java.time.LocalDate;
import java.util.List;
import org.vigil.udi.IssuingEntity;
import org.vigil.udi.UdiResult;
import org.vigil.udi.calendar.UdiDates;
import org.vigil.udi.checkchar.Mod37Radix2;
import org.vigil.udi.diagnostic.Diagnostics;
import org.vigil.udi.diagnostic.PiFields;
import org.vigil.udi.text.Chars;

/**
 * Reads ISBT 128 data structures used in the UDI of medical devices containing medical products of
 * human origin (ICCBBA ST-011 / ST-017, data structures from the ISBT 128 Technical Specification ST-001
 * section 2.4). Each data structure starts with its two-character data identifier ({@code =} or
 * {@code &} plus one character) and has a fixed length, so several may follow each other directly, as
 * in a compound message ({@code =+}, data structure 023) or a concatenated 2D symbol.
 *
 * <table>
 * <caption>Data structures read here and what they map to</caption>
 * <tr><th>identifier</th><th>data structure</th><th>content</th><th>UDI field</th></tr>
 * <tr><td>{@code =/}</td><td>034 Processor Product Identification Code</td><td>FIN(5) PPC(6) PDC(5)</td><td>DI</td></tr>
 * <tr><td>{@code =<}</td><td>003 Product Code</td><td>αoooo tds (8)</td><td>DI when no PPIC</td></tr>
 * <tr><td>{@code =)}</td><td>017 Container Manufacturer and Catalog Number</td><td>10</td><td>DI (blood bags)</td></tr>
 * <tr><td>{@code =α}</td><td>001 Donation Identification Number</td><td>αppppyynnnnnn ff (15)</td><td>lot when no MPHO lot</td></tr>
 * <tr><td>{@code &,1}</td><td>035 MPHO Lot Number</td><td>up to 18</td><td>lot</td></tr>
 * <tr><td>{@code &)}</td><td>018 Container Lot Number</td><td>10</td><td>lot</td></tr>
 * <tr><td>{@code =,}</td><td>032 Product Divisions</td><td>6</td><td>serial</td></tr>
 * <tr><td>{@code =>}</td><td>004 Expiration Date</td><td>cyyjjj</td><td>expiry</td></tr>
 * <tr><td>{@code &>}</td><td>005 Expiration Date and Time</td><td>cyyjjjhhmm</td><td>expiry</td></tr>
 * <tr><td><code>=&#125;</code></td><td>008 Production Date</td><td>cyyjjj</td><td>manufactured</td></tr>
 * <tr><td><code>&amp;&#125;</code></td><td>009 Production Date and Time</td><td>cyyjjjhhmm</td><td>manufactured</td></tr>
 * <tr><td>{@code =+}</td><td>023 Compound Message</td><td>aa bbb</td><td>header only</td></tr>
 * </table>
 *
 * <p>The DIN's two flag characters carry its ISO/IEC 7064 MOD 37-2 check when they are in the range
 * 60-96 (flag value = 60 + checksum); that check is verified. {@code cyy} is the last three digits of
 * the year ({@code 025} = 2025).
 */
public final class Isbt128Parser {

    public UdiResult read(String input, int from, int to) {
        Diagnostics d = new Diagnostics(input.length());
        PiFields pi = new PiFields();
        String din = null;
        String productCode = null;
        int i = from;
        int structures = 0;
        while (i < to && !d.full()) {
            if (++structures > 64) {
                d.add(i, "too many ISBT 128 data structures");
                break;
            }
            char first = input.charAt(i);
            if (first != '=' && first != '&') {
                d.add(i, "an ISBT 128 data structure must start with \"=\" or \"&\"");
                break;
            }
            if (i + 1 >= to) {
                d.add(i, "the ISBT 128 data ends after \"" + first + "\"");
                break;
            }
            char second = input.charAt(i + 1);
            String id = "" + first + second;
            int next;
            switch (id) {
                case "=/" -> {
                    next = fixed(input, i + 2, 16, to, d, "Processor Product Identification Code (=/)");
                    if (next > 0 && ppic(input, i + 2, d)) {
                        pi.di = input.substring(i + 2, next);
                    }
                }
                case "=<" -> {
                    next = fixed(input, i + 2, 8, to, d, "Product Code (=<)");
                    if (next > 0) {
                        productCode = input.substring(i + 2, next);
                    }
                }
                case "=)" -> {
                    next = fixed(input, i + 2, 10, to, d, "Container Manufacturer and Catalog Number (=))");
                    if (next > 0) {
                        productCode = productCode == null ? input.substring(i + 2, next) : productCode;
                    }
                }
                case "&)" -> {
                    next = fixed(input, i + 2, 10, to, d, "Container Lot Number (&))");
                    if (next > 0) {
                        pi.lot = input.substring(i + 2, next);
                    }
                }
                case "=," -> {
                    next = fixed(input, i + 2, 6, to, d, "Product Divisions (=,)");
                    if (next > 0) {
                        pi.serial = input.substring(i + 2, next);
                    }
                }
                case "=>", "=}" -> {
                    next = date(input, i + 2, to, false, d, pi, second == '>');
                }
                case "&>", "&}" -> {
                    next = date(input, i + 2, to, true, d, pi, second == '>');
                }
                case "=+" -> {
                    next = fixed(input, i + 2, 5, to, d, "Compound Message header (=+)");
                    if (next > 0 && UdiDates.digits(input, i + 2, 5) < 0) {
                        d.add(i + 2, "the ISBT 128 compound message header must be 5 digits");
                    }
                }
                case "&," -> {
                    if (i + 2 < to && input.charAt(i + 2) == '1') {
                        int end = i + 3;
                        while (end < to && end - (i + 3) < 18 && isAlphanumeric(input.charAt(end))) {
                            end++;
                        }
                        if (end == i + 3) {
                            d.add(i + 3, "the ISBT 128 MPHO lot number (&,1) is empty");
                        } else {
                            pi.lot = input.substring(i + 3, end);
                        }
                        next = end;
                    } else {
                        d.add(i, "ISBT 128 data structure \"&," + (i + 2 < to ? input.charAt(i + 2) : "")
                                + "\" is not used in a UDI");
                        next = -1;
                    }
                }
                default -> {
                    if (first == '=' && isDinStart(second)) {
                        next = fixed(input, i + 1, 15, to, d, "Donation Identification Number (=)");
                        if (next > 0 && din(input, i + 1, d)) {
                            din = input.substring(i + 1, i + 14);
                        }
                    } else {
                        d.add(i, "ISBT 128 data structure \"" + id + "\" is not one used in a UDI");
                        next = -1;
                    }
                }
            }
            if (next < 0) {
                break;
            }
            i = next;
        }
        if (pi.di == null) {
            pi.di = productCode;
        }
        if (pi.lot == null) {
            pi.lot = din; // the DIN identifies the donation, i.e. the lot of an HCT/P (ST-011 section 5)
        }
        if (pi.di == null && d.isEmpty()) {
            d.add(from, "the ISBT 128 data has no product identification (=/ or =< data structure)");
        }
        return new UdiResult(input, IssuingEntity.ICCBBA, pi.di, pi.lot, pi.serial, pi.expiry, pi.manufactured, null,
                null, List.of(), null, null, d.toList());
    }

    /** Checks that {@code length} characters A-Z/0-9 follow at {@code from}; index after them or -1. */
    private static int fixed(String s, int from, int length, int to, Diagnostics d, String name) {
        if (from + length > to) {
            d.add(to, "the ISBT 128 " + name + " is cut short: it needs " + length + " characters");
            return -1;
        }
        for (int k = from; k < from + length; k++) {
            char c = s.charAt(k);
            if (!isAlphanumeric(c)) {
                d.add(k, "character \"" + Chars.printable(c) + "\" is not allowed in the ISBT 128 " + name);
                return -1;
            }
        }
        return from + length;
    }

    /** PPIC: FIN (5, starting with a letter), processor product code (6), product description code (5). */
    private static boolean ppic(String s, int from, Diagnostics d) {
        if (!isLetter(s.charAt(from))) {
            d.add(from, "the ISBT 128 facility identification number (FIN) must start with a letter");
            return false;
        }
        char pdc = s.charAt(from + 11);
        if (!isLetter(pdc) || UdiDates.digits(s, from + 12, 4) < 0) {
            d.add(from + 11, "the ISBT 128 product description code must be a letter followed by 4 digits");
            return false;
        }
        return true;
    }

    /** DIN αppppyynnnnnn + two flag characters; verifies the MOD 37-2 check carried in type 3 flags. */
    private static boolean din(String s, int from, Diagnostics d) {
        if (UdiDates.digits(s, from + 5, 8) < 0) {
            d.add(from + 5, "the ISBT 128 donation number must have 8 digits (year and sequence number) after the "
                    + "facility code");
            return false;
        }
        int flags = UdiDates.digits(s, from + 13, 2);
        if (flags < 0) {
            d.add(from + 13, "the ISBT 128 donation number's flag characters must be 2 digits");
            return false;
        }
        if (flags >= 60 && flags <= 96) {
            int checksum = Mod37Radix2.checksum(s, from, from + 13);
            if (checksum >= 0 && checksum != flags - 60) {
                d.add(from + 13, "the ISBT 128 donation number check is wrong: the flags should be " + (60 + checksum)
                        + " (check character " + Mod37Radix2.character(checksum) + "), not " + flags);
                return false;
            }
        }
        return true;
    }

    private static int date(String s, int from, int to, boolean withTime, Diagnostics d, PiFields pi, boolean expiry) {
        int length = withTime ? 10 : 6;
        String what = expiry ? "expiration date" : "production date";
        if (from + length > to || UdiDates.digits(s, from, length / 2) < 0
                || UdiDates.digits(s, from + length / 2, length - length / 2) < 0) {
            d.add(Math.min(from, to), "the ISBT 128 " + what + " must be " + length + " digits (cyyjjj"
                    + (withTime ? "hhmm" : "") + ")");
            return -1;
        }
        int cyy = UdiDates.digits(s, from, 3);
        int year = cyy < 900 ? 2000 + cyy : 1000 + cyy;
        int day = UdiDates.digits(s, from + 3, 3);
        LocalDate date = UdiDates.julian(year, day);
        if (date == null) {
            d.add(from + 3, "ISBT 128 " + what + ": " + UdiDates.describeInvalidJulian(year, day));
        } else if (expiry) {
            pi.expiry = date;
        } else {
            pi.manufactured = date;
        }
        if (withTime) {
            int hour = UdiDates.digits(s, from + 6, 2);
            int minute = UdiDates.digits(s, from + 8, 2);
            if (hour > 23) {
                d.add(from + 6, "ISBT 128 " + what + ": hour " + s.substring(from + 6, from + 8)
                        + " does not exist (00 to 23)");
            }
            if (minute > 59) {
                d.add(from + 8, "ISBT 128 " + what + ": minute " + s.substring(from + 8, from + 10)
                        + " does not exist (00 to 59)");
            }
        }
        return from + length;
    }

    /** DIN facility codes start with A-N, P-Z or 1-9 (ST-001), never with a data-identifier character. */
    private static boolean isDinStart(char c) {
        return (c >= 'A' && c <= 'Z' && c != 'O') || (c >= '1' && c <= '9');
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

}
