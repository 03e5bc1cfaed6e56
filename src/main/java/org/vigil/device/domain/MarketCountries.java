package org.vigil.device.domain;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The countries a device can be placed in: every ISO 3166-1 alpha-2 code, plus {@code XI}, the code EUDAMED and the
 * Windsor Framework use for Northern Ireland, where the MDR applies (MDR Art. 2(27) read with the Windsor Framework).
 */
public final class MarketCountries {

    private static final Set<String> CODES;

    static {
        var codes = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XI");
        CODES = Set.copyOf(codes);
    }

    private MarketCountries() {
    }

    /** Whether {@code code} (upper case) is an ISO 3166-1 alpha-2 code or {@code XI}. */
    public static boolean known(String code) {
        return code != null && CODES.contains(code);
    }

    /** Every code, sorted. */
    public static java.util.List<String> all() {
        return CODES.stream().sorted().toList();
    }

    /** The country's English name; Northern Ireland for {@code XI}. */
    public static String name(String code) {
        if ("XI".equals(code)) {
            return "Northern Ireland";
        }
        return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
