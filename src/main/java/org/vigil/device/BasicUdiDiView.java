package org.vigil.device;

import java.time.Instant;
import java.util.UUID;

import org.vigil.shared.OrganisationId;

/**
 * A registered Basic UDI-DI as anyone signed in reads it (device master data is public in EUDAMED, MDR Art. 33).
 *
 * @param id        the register's id
 * @param owner     the manufacturer that registered it
 * @param ownerName its name
 * @param data      what was registered
 * @param updatedAt when it last changed
 */
public record BasicUdiDiView(UUID id, OrganisationId owner, String ownerName, BasicUdiDiData data,
        Instant updatedAt) {
}
