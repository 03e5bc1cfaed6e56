package org.vigil.mir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * MIR 7.3.1 §4.3, similar incidents in one period on the same IMDRF code basis, with the units placed on the market
 * in that period ({@code similarIncidentsPeriod}). Counts are {@code null} when not given.
 *
 * @param from first day of the period ({@code periodFrom})
 * @param to last day of the period ({@code periodTo})
 * @param incidentsEea similar incidents in the EEA, Türkiye and Northern Ireland ({@code incidentsEEA})
 * @param unitsEea units placed on the market there in the period ({@code unitsEEA})
 * @param incidentsWorldwide similar incidents worldwide ({@code incidentsWorldwide})
 * @param unitsWorldwide units placed on the market worldwide in the period ({@code unitsWorldwide})
 */
public record SimilarIncidentPeriod(LocalDate from, LocalDate to, Long incidentsEea, Long unitsEea,
        Long incidentsWorldwide, Long unitsWorldwide) {

    /** Rates are stated in per cent to four decimals, as the MIR form shows them. */
    static final int RATE_SCALE = 4;

    /** The EEA + TR + XI rate in per cent, {@code null} when a count is missing or no unit was placed. */
    public BigDecimal rateEea() {
        return rate(incidentsEea, unitsEea);
    }

    /** The worldwide rate in per cent, {@code null} when a count is missing or no unit was placed. */
    public BigDecimal rateWorldwide() {
        return rate(incidentsWorldwide, unitsWorldwide);
    }

    private static BigDecimal rate(Long incidents, Long units) {
        if (incidents == null || units == null || units <= 0) {
            return null;
        }
        return BigDecimal.valueOf(incidents).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(units), RATE_SCALE, RoundingMode.HALF_UP);
    }
}
