package org.vigil.device;

/**
 * A packaging level above the base unit, with its own UDI-DI (MDR Annex VI Part C section 3.5; GUDID
 * {@code identifier} with type {@code Package}).
 *
 * @param udiDi      the package's UDI-DI
 * @param contains   the UDI-DI of what one package contains (the base unit or a lower package level)
 * @param quantity   how many of {@code contains} one package holds
 */
public record PackageLevel(String udiDi, String contains, int quantity) {
}
