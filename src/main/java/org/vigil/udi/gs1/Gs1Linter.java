package org.vigil.udi.gs1;

import org.vigil.udi.calendar.UdiDates;
import org.vigil.udi.checkchar.GmnCheckPair;
import org.vigil.udi.checkchar.Mod10;
import org.vigil.udi.diagnostic.Finding;

/**
 * The GS1 Barcode Syntax Tests ("linters") named in the Syntax Dictionary, implemented from the GS1
 * General Specifications and the linter descriptions published with the GS1 Barcode Syntax Resource.
 *
 * <p>Each linter checks one component {@code [from, to)} of an AI data field whose character set has
 * already been verified, and returns {@code null} when the content is fine. Three linters named by the
 * dictionary are deliberately not implemented (see {@link #NOT_IMPLEMENTED}); the dictionary loader
 * skips them and records their names.
 */
public enum Gs1Linter {

    /** GS1 mod-10 check digit in the last position (GenSpecs 7.9.1). */
    CSUM("csum") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            int expected = Mod10.compute(s, from, to - 1);
            if (expected < 0 || s.charAt(to - 1) == '0' + expected) {
                return null;
            }
            return new Finding(to - 1 - from, "the check digit is wrong: it should be " + expected
                    + ", not " + s.charAt(to - 1) + " (a digit was probably misread or mistyped)");
        }
    },
    /** GMN check character pair in the last two positions (GenSpecs 7.9.5). */
    CSUMALPHA("csumalpha") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            if (to - from < 3) {
                return new Finding(0, "is too short to carry its two check characters");
            }
            for (int i = to - 2; i < to; i++) {
                if (GmnCheckPair.CSET32.indexOf(s.charAt(i)) < 0) {
                    return new Finding(i - from, "the check characters may only use 2-9 and A-Z without I and O");
                }
            }
            String expected = GmnCheckPair.compute(s, from, to - 2);
            if (expected == null) {
                return new Finding(0, "is too long to carry a check character pair");
            }
            if (expected.charAt(0) == s.charAt(to - 2) && expected.charAt(1) == s.charAt(to - 1)) {
                return null;
            }
            return new Finding(to - 2 - from, "the check characters are wrong: they should be " + expected);
        }
    },
    /** Must start with a GS1 Company Prefix: at least its first four characters are digits. */
    GCPPOS1("gcppos1") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return gcpAt(s, from, to, 0);
        }
    },
    /** GS1 Company Prefix starting at the second position (after the indicator digit). */
    GCPPOS2("gcppos2") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return gcpAt(s, from, to, 1);
        }
    },
    ISO3166("iso3166") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            int code = UdiDates.digits(s, from, to - from);
            return to - from == 3 && CodeLists.iso3166Numeric(code) ? null
                    : new Finding(0, "\"" + s.subSequence(from, to) + "\" is not an ISO 3166 country code");
        }
    },
    /** ISO 3166 numeric country code, or 999 ("unknown / several countries"). */
    ISO3166999("iso3166999") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            int code = UdiDates.digits(s, from, to - from);
            return to - from == 3 && (code == 999 || CodeLists.iso3166Numeric(code)) ? null
                    : new Finding(0, "\"" + s.subSequence(from, to)
                            + "\" is neither an ISO 3166 country code nor 999");
        }
    },
    ISO3166ALPHA2("iso3166alpha2") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return to - from == 2 && CodeLists.iso3166Alpha2(s.charAt(from), s.charAt(from + 1)) ? null
                    : new Finding(0, "\"" + s.subSequence(from, to)
                            + "\" is not a two-letter ISO 3166 country code");
        }
    },
    ISO4217("iso4217") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            int code = UdiDates.digits(s, from, to - from);
            return to - from == 3 && CodeLists.iso4217Numeric(code) ? null
                    : new Finding(0, "\"" + s.subSequence(from, to) + "\" is not an ISO 4217 currency code");
        }
    },
    /** ISO/IEC 5218 sex code: 0 not known, 1 male, 2 female, 9 not applicable. */
    ISO5218("iso5218") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return oneOf(s, from, to, "0129", "must be 0, 1, 2 or 9 (ISO/IEC 5218 sex code)");
        }
    },
    /** YYMMDD where day 00 means "last day of the month" (GenSpecs 3.4.6 note). */
    YYMMD0("yymmd0") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return date(s, from, currentYear, true);
        }
    },
    YYMMDD("yymmdd") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return date(s, from, currentYear, false);
        }
    },
    YYYYMMDD("yyyymmdd") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return fourDigitYearDate(s, from, false);
        }
    },
    YYYYMMD0("yyyymmd0") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return fourDigitYearDate(s, from, true);
        }
    },
    /** Hour and minute, 0000-2359. */
    HHMI("hhmi") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            Finding hour = HH.check(s, from, from + 2, currentYear);
            if (hour != null) {
                return hour;
            }
            Finding minute = MI.check(s, from + 2, from + 4, currentYear);
            return minute == null ? null : new Finding(2, minute.reason());
        }
    },
    /** Older name of {@link #HHMI} used by earlier dictionary releases. */
    HHMM("hhmm") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return HHMI.check(s, from, to, currentYear);
        }
    },
    HH("hh") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            int hour = UdiDates.digits(s, from, 2);
            return hour >= 0 && hour <= 23 ? null : new Finding(0, "hour " + s.subSequence(from, from + 2)
                    + " does not exist (00 to 23)");
        }
    },
    MI("mi") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            int minute = UdiDates.digits(s, from, 2);
            return minute >= 0 && minute <= 59 ? null : new Finding(0, "minute "
                    + s.subSequence(from, from + 2) + " does not exist (00 to 59)");
        }
    },
    SS("ss") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            int second = UdiDates.digits(s, from, 2);
            return second >= 0 && second <= 59 ? null : new Finding(0, "second "
                    + s.subSequence(from, from + 2) + " does not exist (00 to 59)");
        }
    },
    /** Only hyphens (used as the "negative" sign of temperatures, AIs 4330-4333). */
    HYPHEN("hyphen") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) != '-') {
                    return new Finding(i - from, "may only be a minus sign \"-\"");
                }
            }
            return null;
        }
    },
    YESNO("yesno") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return oneOf(s, from, to, "01", "must be 0 (no) or 1 (yes)");
        }
    },
    NONZERO("nonzero") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) != '0') {
                    return null;
                }
            }
            return new Finding(0, "must not be zero");
        }
    },
    ZERO("zero") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return oneOf(s, from, to, "0", "must be 0");
        }
    },
    /** Winding direction of a roll: 0 face out, 1 face in, 9 undefined (AI 8001). */
    WINDING("winding") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return oneOf(s, from, to, "019", "winding direction must be 0, 1 or 9");
        }
    },
    /** Piece number and total count, each 2 digits, piece 01..total (AIs 8006, 8026). */
    PIECEOFTOTAL("pieceoftotal") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            int half = (to - from) / 2;
            int piece = UdiDates.digits(s, from, half);
            int total = UdiDates.digits(s, from + half, half);
            if (piece == 0) {
                return new Finding(0, "piece number must not be zero");
            }
            if (total == 0) {
                return new Finding(half, "total number of pieces must not be zero");
            }
            return piece <= total ? null : new Finding(0, "piece " + piece + " is larger than the total of "
                    + total);
        }
    },
    /** Position in sequence as {@code n/m} with n ≤ m, both 1-9 (AI 7258). */
    POSINSEQSLASH("posinseqslash") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            if (to - from != 3 || s.charAt(from + 1) != '/') {
                return new Finding(0, "must be written as position/total, e.g. 1/2");
            }
            char position = s.charAt(from);
            char total = s.charAt(from + 2);
            if (position < '1' || position > '9') {
                return new Finding(0, "position must be a digit 1 to 9");
            }
            if (total < '1' || total > '9') {
                return new Finding(2, "total must be a digit 1 to 9");
            }
            return position <= total ? null : new Finding(0, "position " + position
                    + " is larger than the total " + total);
        }
    },
    /** AIDC media type: 01-10 assigned, 80-99 for local use (AI 7241). */
    MEDIATYPE("mediatype") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            int type = UdiDates.digits(s, from, 2);
            return (type >= 1 && type <= 10) || (type >= 80 && type <= 99) ? null
                    : new Finding(0, "\"" + s.subSequence(from, to) + "\" is not an AIDC media type");
        }
    },
    /** Latitude as 10 digits: degrees + 90, times 10^7, so at most 1800000000 (AI 4309). */
    LATITUDE("latitude") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return Long.parseLong(s, from, to, 10) <= 1_800_000_000L ? null
                    : new Finding(0, "latitude is out of range");
        }
    },
    /** Longitude as 10 digits: degrees + 180, times 10^7, so at most 3600000000 (AI 4309). */
    LONGITUDE("longitude") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return Long.parseLong(s, from, to, 10) <= 3_600_000_000L ? null
                    : new Finding(0, "longitude is out of range");
        }
    },
    /** Importer index of the EU 2018/574 tobacco traceability system (AI 7040). */
    IMPORTERIDX("importeridx") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            if (to - from != 1) {
                return new Finding(0, "importer index must be a single character");
            }
            char c = s.charAt(from);
            boolean ok = c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z');
            return ok ? null : new Finding(0, "\"" + c + "\" is not a valid importer index");
        }
    },
    /** IBAN per ISO 13616: country, two check digits, mod 97 = 1 (AI 8007). */
    IBAN("iban") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            if (to - from < 5) {
                return new Finding(0, "is too short to be an IBAN");
            }
            if (!CodeLists.iso3166Alpha2(s.charAt(from), s.charAt(from + 1))) {
                return new Finding(0, "an IBAN must start with a two-letter country code");
            }
            if (UdiDates.digits(s, from + 2, 2) < 0) {
                return new Finding(2, "an IBAN has two check digits after the country code");
            }
            int remainder = 0;
            for (int k = 0; k < to - from; k++) {
                char c = s.charAt(from + (k + 4) % (to - from));
                int v;
                if (c >= '0' && c <= '9') {
                    v = c - '0';
                    remainder = (remainder * 10 + v) % 97;
                } else if (c >= 'A' && c <= 'Z') {
                    v = c - 'A' + 10;
                    remainder = (remainder * 100 + v) % 97;
                } else {
                    return new Finding((k + 4) % (to - from), "an IBAN may only contain A-Z and 0-9");
                }
            }
            return remainder == 1 ? null : new Finding(2, "the IBAN check digits are wrong");
        }
    },
    HASNONDIGIT("hasnondigit") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
            }
            return new Finding(0, "must contain at least one character that is not a digit");
        }
    },
    NOZEROPREFIX("nozeroprefix") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            return to - from > 1 && s.charAt(from) == '0'
                    ? new Finding(0, "must not start with 0") : null;
        }
    },
    /** Correct percent-encoding (RFC 3986 section 2.1) for name and address AIs. */
    PCENC("pcenc") {
        @Override
        Finding check(CharSequence s, int from, int to, int currentYear) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == '%') {
                    if (i + 2 >= to) {
                        return new Finding(i - from, "\"%\" must be followed by two hexadecimal digits");
                    }
                    if (Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0
                            || s.charAt(i + 1) > 127 || s.charAt(i + 2) > 127) {
                        return new Finding(i - from, "\"%\" must be followed by two hexadecimal digits");
                    }
                    i += 2;
                }
            }
            return null;
        }
    };

    /**
     * Linters named by the dictionary that are deliberately left out, with the reason:
     * <ul>
     * <li>{@code couponcode}, {@code couponposoffer}: North American retail coupon structures in AIs
     * (8110)/(8112); irrelevant to medical devices, and their rules live in a separate GS1 US coupon
     * guideline. Those AIs are still checked for CSET 82 and length.</li>
     * <li>{@code packagetype}: membership in the UN/ECE Recommendation 21 package-type code list for AI
     * (7041), a logistics AI that requires an SSCC and never appears in a UDI; shipping that external
     * list is not worth it. AI (7041) is still checked for CSET 82 and length.</li>
     * </ul>
     */
    public static final java.util.Set<String> NOT_IMPLEMENTED = java.util.Set.of("couponcode", "couponposoffer",
            "packagetype");

    private final String dictionaryName;

    Gs1Linter(String dictionaryName) {
        this.dictionaryName = dictionaryName;
    }

    /** Name used in the Syntax Dictionary. */
    public String dictionaryName() {
        return dictionaryName;
    }

    /**
     * Checks {@code [from, to)}. {@code currentYear} anchors two-digit years (GenSpecs 7.12).
     *
     * @return {@code null} if fine, else the failure
     */
    abstract Finding check(CharSequence s, int from, int to, int currentYear);

    /** Public entry point for tests and other packages. */
    public Finding lint(CharSequence s, int currentYear) {
        return check(s, 0, s.length(), currentYear);
    }

    static Gs1Linter byDictionaryName(String name) {
        for (Gs1Linter linter : values()) {
            if (linter.dictionaryName.equals(name)) {
                return linter;
            }
        }
        return null;
    }

    private static Finding gcpAt(CharSequence s, int from, int to, int start) {
        final int minimum = 4; // the shortest GS1 Company Prefix has four digits
        if (to - from < start + minimum) {
            return new Finding(0, "is too short to contain a GS1 Company Prefix");
        }
        for (int i = from + start; i < from + start + minimum; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return new Finding(i - from, "must start with a GS1 Company Prefix, which is all digits");
            }
        }
        return null;
    }

    private static Finding oneOf(CharSequence s, int from, int to, String allowed, String reason) {
        if (to - from == 1 && allowed.indexOf(s.charAt(from)) >= 0) {
            return null;
        }
        return new Finding(0, reason);
    }

    private static Finding date(CharSequence s, int from, int currentYear, boolean dayZeroAllowed) {
        int yy = UdiDates.digits(s, from, 2);
        int month = UdiDates.digits(s, from + 2, 2);
        int day = UdiDates.digits(s, from + 4, 2);
        int year = UdiDates.gs1Year(yy, currentYear);
        if (month < 1 || month > 12) {
            return new Finding(2, UdiDates.describeInvalidDate(year, month, day, dayZeroAllowed));
        }
        if (UdiDates.exists(year, month, day, dayZeroAllowed)) {
            return null;
        }
        return new Finding(4, UdiDates.describeInvalidDate(year, month, day, dayZeroAllowed));
    }

    private static Finding fourDigitYearDate(CharSequence s, int from, boolean dayZeroAllowed) {
        int year = UdiDates.digits(s, from, 4);
        int month = UdiDates.digits(s, from + 4, 2);
        int day = UdiDates.digits(s, from + 6, 2);
        if (month < 1 || month > 12) {
            return new Finding(4, UdiDates.describeInvalidDate(year, month, day, dayZeroAllowed));
        }
        return UdiDates.exists(year, month, day, dayZeroAllowed) ? null : new Finding(6, UdiDates.describeInvalidDate(year, month, day,
                dayZeroAllowed));
    }
}
