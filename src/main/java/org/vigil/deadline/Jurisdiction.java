package org.vigil.deadline;

import java.util.Locale;
import java.util.Optional;

import org.vigil.deadline.domain.AuthorityRouting;

/**
 * A body of vigilance law that can apply to one incident. Northern Ireland is its own jurisdiction because, under the
 * Windsor Framework, the EU MDR and IVDR apply there while MHRA is the competent authority; its code {@code XI} is the
 * one the EU uses for Northern Ireland.
 */
public enum Jurisdiction {
    /** The EU and EEA states: MDR 2017/745, IVDR 2017/746, reported to the state's national competent authority. */
    EU("EU and EEA states"),
    /** Northern Ireland: the EU regulations apply, MHRA receives the reports. */
    XI("Northern Ireland (EU rules)"),
    /** Great Britain (England, Wales, Scotland): the Medical Devices Regulations 2002 as amended, MHRA. */
    GB("Great Britain"),
    /** Switzerland: MedDO (SR 812.213) and IvDO (SR 812.219), Swissmedic. */
    CH("Switzerland"),
    /** Türkiye: Tıbbi Cihaz Yönetmeliği and Vitro Tıbbi Tanı Cihazları Yönetmeliği, TITCK. */
    TR("Türkiye"),
    /** The United States: 21 CFR 803 (medical device reporting) and 806, FDA. */
    US("United States");

    private final String label;

    Jurisdiction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The jurisdiction whose vigilance rules a device brings in by being made available in {@code country} (ISO 3166-1
     * alpha-2, {@code XI} for Northern Ireland): an EU or EEA state brings in the EU rules; any other country none.
     */
    public static Optional<Jurisdiction> ofMarket(String country) {
        if (country == null) {
            return Optional.empty();
        }
        return switch (country.strip().toUpperCase(Locale.ROOT)) {
            case "XI" -> Optional.of(XI);
            case "GB" -> Optional.of(GB);
            case "CH" -> Optional.of(CH);
            case "TR" -> Optional.of(TR);
            case "US" -> Optional.of(US);
            case String code when AuthorityRouting.EEA.contains(code) ->
                    Optional.of(EU);
            default -> Optional.empty();
        };
    }
}
