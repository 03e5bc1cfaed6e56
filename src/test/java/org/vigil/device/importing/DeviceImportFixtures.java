package org.vigil.device.importing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.vigil.organisation.OrganisationView;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Tenancy;

/**
 * One import per organisation for tests that need an import record to point at, such as the endpoint access matrix
 * ({@code EndpointAccessMatrixTests.PATH_FIXTURES}, variable {@code importId}), whose fixtures are static.
 */
@Component
public class DeviceImportFixtures {

    private static volatile DeviceImportFixtures current;
    private final DeviceImports imports;
    private final Map<OrganisationId, UUID> byOrganisation = new ConcurrentHashMap<>();

    DeviceImportFixtures(DeviceImports imports) {
        this.imports = imports;
        current = this;
    }

    /** The id of an import of {@code organisation}'s, made on first use (a one-row units-placed file). */
    public static String importOf(OrganisationView organisation) {
        return current.byOrganisation.computeIfAbsent(organisation.id(), id -> Tenancy.callAs(
                Actor.system(id, "test fixture"), () -> current.imports.submit("fixture-units.csv",
                        "udi_di,country,month,units\n04012345000016,DE,2025-01,1\n".getBytes(StandardCharsets.UTF_8),
                        ImportFormat.UNITS_PLACED_CSV).id())).toString();
    }
}
