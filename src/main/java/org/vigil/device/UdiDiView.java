package org.vigil.device;

import java.time.Instant;
import java.util.UUID;

import org.vigil.shared.OrganisationId;

/**
 * A registered UDI-DI with its package levels and markets (MDR Annex VI Part B), as anyone signed in reads it.
 *
 * @param id           the register's id
 * @param basicUdiDiId the id of its Basic UDI-DI
 * @param owner        the manufacturer that registered it
 * @param data         what was registered
 * @param updatedAt    when it last changed
 */
public record UdiDiView(UUID id, UUID basicUdiDiId, OrganisationId owner, UdiDiData data, Instant updatedAt) {
}
