package org.vigil.device;

import java.time.LocalDate;

/**
 * Where a UDI-DI is, or was, made available (EUDAMED DTX {@code MarketInfo}; MIR 7.3.1 section 2.5): an EU/EEA member
 * state, {@code XI} for Northern Ireland, {@code CH}, {@code GB}, {@code TR}, {@code US} or any other ISO 3166-1
 * alpha-2 country.
 *
 * @param country ISO 3166-1 alpha-2 code, or {@code XI}
 * @param from    first placed on that market
 * @param until   last made available there, {@code null} while still on the market
 */
public record MarketPlacement(String country, LocalDate from, LocalDate until) {
}
