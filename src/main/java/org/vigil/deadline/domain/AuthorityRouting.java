package org.vigil.deadline.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.vigil.deadline.Authority;
import org.vigil.deadline.DutyHolder;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.Recipient;

/**
 * Which authorities must hear of an incident, from the country where it happened, the markets the device is made
 * available on and the manufacturer's country. A pure function; the rules:
 * <ul>
 * <li>EU/EEA state: its national competent authority, when the device is on the EU market (MDR Art. 87(1)(a),
 * IVDR Art. 82(1)(a): serious incidents are reported to the authority of the state where they occurred).</li>
 * <li>Northern Ireland ({@code XI}): MHRA under the EU rules, when the device is on the Northern Ireland market
 * (Windsor Framework; MHRA guidance on vigilance in Northern Ireland).</li>
 * <li>Great Britain ({@code GB}): MHRA, when the device is on the GB market (UK MDR 2002 Part 4A as inserted by
 * SI 2024/1368; before 16 June 2025 MEDDEV 2.12-1 rev. 8 as applied by MHRA).</li>
 * <li>Switzerland: Swissmedic, through the Swiss authorised representative (CH-REP) when the manufacturer is not
 * Swiss (MedDO Art. 66(1)(a) and (2bis), IvDO Art. 59(1)(a) and (3)). Swissmedic also takes incidents in
 * Liechtenstein, which are reported to Liechtenstein's EEA authority too.</li>
 * <li>Türkiye: TITCK, when the device is on the Turkish market.</li>
 * <li>United States: FDA for every incident with a device on the US market, wherever it happened (21 CFR 803.50:
 * events abroad involving a device that is the same as or similar to one marketed in the US are reportable).</li>
 * <li>A US user facility reports only incidents in its own facility, so only incidents in the US (21 CFR 803.30).</li>
 * </ul>
 * Field safety corrective actions go further (every state where the action is undertaken, MDR Art. 89(8)); they are
 * routed by the action's own countries, not by these incident rules.
 */
public final class AuthorityRouting {

    /** The EU member states and the other EEA states (Iceland, Liechtenstein, Norway). */
    public static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI",
            "NO");

    private AuthorityRouting() {
    }

    /**
     * @param incidentCountry ISO 3166-1 alpha-2 code of where the incident happened; {@code XI} for Northern Ireland,
     *        {@code GB} for England, Wales and Scotland ({@code UK} is refused as ambiguous)
     * @param markets the jurisdictions where the device is made available
     * @param manufacturerCountry the manufacturer's country (decides whether a CH-REP reports to Swissmedic)
     * @param dutyHolder whose duty is asked about
     */
    public static List<Recipient> recipients(String incidentCountry, Set<Jurisdiction> markets,
            String manufacturerCountry, DutyHolder dutyHolder) {
        String country = normalise(incidentCountry, "incidentCountry");
        String manufacturer = normalise(manufacturerCountry, "manufacturerCountry");
        var recipients = new ArrayList<Recipient>();
        if (dutyHolder == DutyHolder.USER_FACILITY) {
            if (country.equals("US")) {
                recipients.add(new Recipient(Jurisdiction.US, Authority.FDA, "US", null,
                        "21 CFR 803.30: a US user facility reports deaths to FDA and the manufacturer, serious "
                                + "injuries to the manufacturer"));
            }
            return List.copyOf(recipients);
        }
        if (EEA.contains(country) && markets.contains(Jurisdiction.EU)) {
            recipients.add(new Recipient(Jurisdiction.EU, Authority.NATIONAL_COMPETENT_AUTHORITY, country, null,
                    "MDR Art. 87(1) / IVDR Art. 82(1): the competent authority of the state where it occurred"));
        }
        if (country.equals("XI") && markets.contains(Jurisdiction.XI)) {
            recipients.add(new Recipient(Jurisdiction.XI, Authority.MHRA, "XI", null,
                    "Northern Ireland: the EU regulations apply and MHRA is the competent authority"));
        }
        if (country.equals("GB") && markets.contains(Jurisdiction.GB)) {
            recipients.add(new Recipient(Jurisdiction.GB, Authority.MHRA, "GB", null,
                    "UK MDR 2002 as amended by SI 2024/1368: serious incidents in Great Britain go to MHRA"));
        }
        if ((country.equals("CH") || country.equals("LI")) && markets.contains(Jurisdiction.CH)) {
            recipients.add(new Recipient(Jurisdiction.CH, Authority.SWISSMEDIC, "CH",
                    manufacturer.equals("CH") ? null : "CH-REP",
                    "MedDO Art. 66 / IvDO Art. 59: serious incidents in Switzerland"
                            + (country.equals("LI") ? " and, per Swissmedic, Liechtenstein" : "")
                            + (manufacturer.equals("CH") ? "" : "; the Swiss authorised representative reports")));
        }
        if (country.equals("TR") && markets.contains(Jurisdiction.TR)) {
            recipients.add(new Recipient(Jurisdiction.TR, Authority.TITCK, "TR", null,
                    "Tıbbi Cihaz Yönetmeliği Art. 87: serious incidents in Türkiye go to TITCK"));
        }
        if (markets.contains(Jurisdiction.US)) {
            recipients.add(new Recipient(Jurisdiction.US, Authority.FDA, "US", null, country.equals("US")
                    ? "21 CFR 803.50: the device is marketed in the US"
                    : "21 CFR 803.50: an event abroad with a device also marketed in the US is reportable"));
        }
        return List.copyOf(recipients);
    }

    private static String normalise(String country, String field) {
        if (country == null || !country.strip().matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException(field + " must be an ISO 3166-1 alpha-2 code, not '" + country + "'");
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (code.equals("UK")) {
            throw new IllegalArgumentException(field + ": 'UK' is ambiguous; use GB for England, Wales and Scotland "
                    + "or XI for Northern Ireland");
        }
        return code;
    }
}
