package org.vigil.device;

import org.vigil.shared.OrganisationId;

/**
 * Who makes a registered device and what it is called: what a report about it takes from the register (MDR Art. 27,
 * UDI; Art. 87(10)–(11), the report goes to the device's manufacturer).
 *
 * @param udiDi     the UDI-DI of the device's base unit
 * @param owner     the manufacturer that registered it
 * @param tradeName the trade name, if registered
 * @param model     the model, if registered
 * @param reference the catalogue reference, if registered
 */
public record DeviceIdentity(String udiDi, OrganisationId owner, String tradeName, String model, String reference) {
}
