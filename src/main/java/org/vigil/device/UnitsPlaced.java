package org.vigil.device;

import java.time.YearMonth;

/**
 * How many units of a UDI-DI were placed on the market in a country in a month: the denominator for incident rates
 * and trend reports (MDR Art. 88, MIR 7.3.1 section 2.5, MDCG 2023-3 Q&A on trend reporting).
 *
 * @param udiDi   the UDI-DI
 * @param country ISO 3166-1 alpha-2 code, or {@code XI}
 * @param month   the calendar month
 * @param units   units placed, zero or more
 */
public record UnitsPlaced(String udiDi, String country, YearMonth month, long units) {
}
