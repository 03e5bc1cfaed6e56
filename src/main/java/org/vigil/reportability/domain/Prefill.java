package org.vigil.reportability.domain;

import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vigil.deadline.Jurisdiction;
import org.vigil.reportability.SeriousOutcome;

/**
 * What a first reportability decision can take from the case before the officer answers: serious outcomes the
 * hospital coded in IMDRF Annex F, the device's markets as jurisdictions, and the manufacturer's usual time zone.
 * Only unambiguous mappings are made; the officer confirms or changes every answer before signing.
 */
public final class Prefill {

    /** IMDRF Annex F (health impact) codes that name an outcome of MDR Art. 2(65) without doubt. */
    private static final Map<String, SeriousOutcome> HEALTH_IMPACT = Map.of(
            "F02", SeriousOutcome.DEATH,
            "F03", SeriousOutcome.DEATH,
            "F08", SeriousOutcome.HOSPITALISATION,
            "F14", SeriousOutcome.HOSPITALISATION,
            "F09", SeriousOutcome.FOETAL,
            "F19", SeriousOutcome.INTERVENTION,
            "F23", SeriousOutcome.INTERVENTION);

    /** IMDRF Annex F F20, "Serious Public Health Threat" (MDR Art. 2(66)). */
    public static final String PUBLIC_HEALTH_THREAT_CODE = "F20";

    /**
     * The time zone of each country's seat of government, as the default for a manufacturer there; countries spanning
     * several zones (the US) get the most populous one's and the officer corrects it where needed.
     */
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("AT", "Europe/Vienna"), Map.entry("BE", "Europe/Brussels"), Map.entry("BG", "Europe/Sofia"),
            Map.entry("HR", "Europe/Zagreb"), Map.entry("CY", "Asia/Nicosia"), Map.entry("CZ", "Europe/Prague"),
            Map.entry("DK", "Europe/Copenhagen"), Map.entry("EE", "Europe/Tallinn"), Map.entry("FI", "Europe/Helsinki"),
            Map.entry("FR", "Europe/Paris"), Map.entry("DE", "Europe/Berlin"), Map.entry("GR", "Europe/Athens"),
            Map.entry("HU", "Europe/Budapest"), Map.entry("IE", "Europe/Dublin"), Map.entry("IT", "Europe/Rome"),
            Map.entry("LV", "Europe/Riga"), Map.entry("LT", "Europe/Vilnius"), Map.entry("LU", "Europe/Luxembourg"),
            Map.entry("MT", "Europe/Malta"), Map.entry("NL", "Europe/Amsterdam"), Map.entry("PL", "Europe/Warsaw"),
            Map.entry("PT", "Europe/Lisbon"), Map.entry("RO", "Europe/Bucharest"), Map.entry("SK", "Europe/Bratislava"),
            Map.entry("SI", "Europe/Ljubljana"), Map.entry("ES", "Europe/Madrid"), Map.entry("SE", "Europe/Stockholm"),
            Map.entry("IS", "Atlantic/Reykjavik"), Map.entry("LI", "Europe/Vaduz"), Map.entry("NO", "Europe/Oslo"),
            Map.entry("CH", "Europe/Zurich"), Map.entry("GB", "Europe/London"), Map.entry("XI", "Europe/London"),
            Map.entry("TR", "Europe/Istanbul"), Map.entry("US", "America/New_York"), Map.entry("JP", "Asia/Tokyo"),
            Map.entry("CN", "Asia/Shanghai"), Map.entry("KR", "Asia/Seoul"), Map.entry("IN", "Asia/Kolkata"),
            Map.entry("IL", "Asia/Jerusalem"), Map.entry("AU", "Australia/Sydney"), Map.entry("CA", "America/Toronto"));

    private Prefill() {
    }

    /** Outcomes of Art. 2(65) that the hospital's Annex F codes name. */
    public static Set<SeriousOutcome> seriousOutcomes(Collection<String> healthImpactCodes) {
        var outcomes = EnumSet.noneOf(SeriousOutcome.class);
        for (String code : healthImpactCodes) {
            var outcome = HEALTH_IMPACT.get(code.length() > 3 ? code.substring(0, 3) : code);
            if (outcome != null) {
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    /** The jurisdictions of a device's market countries. */
    public static Set<Jurisdiction> markets(List<String> countries) {
        var markets = EnumSet.noneOf(Jurisdiction.class);
        countries.forEach(country -> Jurisdiction.ofMarket(country).ifPresent(markets::add));
        return markets;
    }

    /** The default time zone of a manufacturer in {@code country}; UTC when Vigil knows none. */
    public static ZoneId zoneOf(String country) {
        return ZoneId.of(country == null ? "UTC" : ZONES.getOrDefault(country, "UTC"));
    }
}
