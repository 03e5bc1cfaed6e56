package org.vigil.mir;

import java.util.List;

/**
 * MIR 7.3.1 §2.5, where the device was made available ({@code device_info/distribution}).
 *
 * @param allEea whether it is distributed in all EEA countries, Türkiye and Northern Ireland ({@code distributionAll},
 *        Yes/No); {@code null} when not stated
 * @param eeaCountries the EEA countries, {@code TR} and {@code XI} (Northern Ireland under the Windsor Framework)
 *        where it is distributed ({@code distributionEEA}, repeated ISO 3166-1 alpha-2 codes)
 * @param otherCountries the countries outside those ({@code otherCountriesLI}, repeated)
 */
public record MarketDistribution(Boolean allEea, List<String> eeaCountries, List<String> otherCountries) {

    public MarketDistribution {
        eeaCountries = eeaCountries == null ? List.of() : List.copyOf(eeaCountries);
        otherCountries = otherCountries == null ? List.of() : List.copyOf(otherCountries);
    }

    /** No distribution stated. */
    public static MarketDistribution none() {
        return new MarketDistribution(null, List.of(), List.of());
    }
}
