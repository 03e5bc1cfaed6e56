package org.vigil.organisation.domain;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Country codes accepted for organisations: ISO 3166-1 alpha-2, plus {@code XI} for Northern Ireland, which EUDAMED
 * and the MIR form use because EU device rules apply there under the Windsor Framework.
 */
public final class Countries {

    private static final Set<String> CODES;

    static {
        var codes = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XI");
        CODES = Set.copyOf(codes);
    }

    private Countries() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    /** All codes in alphabetical order, for pick lists. */
    public static Set<String> all() {
        return new TreeSet<>(CODES);
    }

    /** The English name of a code, {@code Northern Ireland} for XI. */
    public static String name(String code) {
        if ("XI".equals(code)) {
            return "Northern Ireland";
        }
        return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
