package org.vigil.incident.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per country: must, may or cannot a hospital send its report to the national competent authority as well as to the
 * manufacturer. EU/EEA states not configured otherwise allow it (MDR 2017/745 Art. 87(10)–(11)); elsewhere it is
 * configured per country (for example MedDO Art. 66(4) in Switzerland, 21 CFR 803.30 for US user facilities).
 */
public final class AuthorityReporting {

    /** What a country asks of healthcare professionals. */
    public enum Duty {
        REQUIRED, ALLOWED, NOT_PROVIDED;

        public boolean possible() {
            return this != NOT_PROVIDED;
        }
    }

    /**
     * A country's rule.
     *
     * @param country ISO 3166-1 alpha-2 code
     * @param duty    required, allowed or not provided
     * @param source  the legal source, shown to the reporter
     */
    public record Rule(String country, Duty duty, String source) {
    }

    /** EU member states and the EEA states Iceland, Liechtenstein and Norway, which apply the MDR. */
    static final Set<String> EU_EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    private final Map<String, Rule> configured;

    private AuthorityReporting(Map<String, Rule> configured) {
        this.configured = configured;
    }

    /**
     * Reads rules written as {@code CC=DUTY|source}; later entries override earlier ones, so the operator's settings
     * can follow the bundled defaults.
     *
     * @throws IllegalArgumentException naming the entry when a country code or duty is not understood
     */
    public static AuthorityReporting of(Map<String, String> entries) {
        var rules = new TreeMap<String, Rule>();
        entries.forEach((key, value) -> {
            String country = key.strip().toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("Authority reporting: '" + key + "' is not an ISO 3166-1 alpha-2 "
                        + "country code");
            }
            String[] parts = value.split("\\|", 2);
            Duty duty;
            try {
                duty = Duty.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Authority reporting for " + country + ": '" + parts[0]
                        + "' is not one of REQUIRED, ALLOWED, NOT_PROVIDED");
            }
            rules.put(country, new Rule(country, duty, parts.length > 1 ? parts[1].strip() : ""));
        });
        return new AuthorityReporting(rules);
    }

    /** The rule for {@code country} (ISO 3166-1 alpha-2; {@code XI} Northern Ireland follows the EU rules). */
    public Rule forCountry(String country) {
        if (country == null) {
            return new Rule(null, Duty.NOT_PROVIDED, "");
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        var rule = configured.get(code);
        if (rule != null) {
            return rule;
        }
        if (EU_EEA.contains(code) || code.equals("XI")) {
            return new Rule(code, Duty.ALLOWED, "MDR 2017/745 Art. 87(10): users may report to the competent authority");
        }
        return new Rule(code, Duty.NOT_PROVIDED, "");
    }
}
