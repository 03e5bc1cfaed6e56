package org.vigil.device.importing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.vigil.device.DeviceRegister;
import org.vigil.organisation.OrganisationView;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Tenancy;
import org.vigil.support.DeviceFixtures;

/**
 * One import per organisation for tests that need an import record to point at, such as the endpoint access matrix
 * ({@code EndpointAccessMatrixTests.PATH_FIXTURES}, variable {@code importId}), whose fixtures are static; and
 * registered UDI-DIs for units-placed imports, which the register accepts only for the organisation's own UDI-DIs.
 */
@Component
public class DeviceImportFixtures {

    private static volatile DeviceImportFixtures current;
    private final DeviceImports imports;
    private final DeviceRegister register;
    private final Map<OrganisationId, UUID> byOrganisation = new ConcurrentHashMap<>();

    DeviceImportFixtures(DeviceImports imports, DeviceRegister register) {
        this.imports = imports;
        this.register = register;
    }

    /**
     * Makes the static helpers use this context's beans. Each test class sets it from its own context: test contexts
     * with their own database (a frozen or restarted server) must never receive another context's records.
     */
    public static void use(DeviceImportFixtures fixtures) {
        current = fixtures;
    }

    /**
     * The id of an import of {@code organisation}'s, made on first use: a one-row units-placed file for a UDI-DI
     * registered for the organisation just before.
     */
    public static String importOf(OrganisationView organisation) {
        return current.byOrganisation.computeIfAbsent(organisation.id(), id -> {
            String udiDi = registeredUdiDi(id);
            return Tenancy.callAs(Actor.system(id, "test fixture"), () -> current.imports.submit("fixture-units.csv",
                    ("udi_di,country,month,units\n" + udiDi + ",DE,2025-01,1\n").getBytes(StandardCharsets.UTF_8),
                    ImportFormat.UNITS_PLACED_CSV).id());
        }).toString();
    }

    /**
     * Registers, as Vigil acting for {@code organisation}, a new Basic UDI-DI with one new UDI-DI (identifiers no other
     * test uses) and answers the UDI-DI.
     */
    public static String registeredUdiDi(OrganisationId organisation) {
        return Tenancy.callAs(Actor.system(organisation, "test fixture"), () -> {
            String basicUdiDi = DeviceFixtures.gmn();
            current.register.registerBasicUdiDi(DeviceFixtures.basic(basicUdiDi, "Units fixture device"));
            return current.register.addUdiDi(DeviceFixtures.udi(basicUdiDi, DeviceFixtures.gtin(), "Units fixture"))
                    .data().udiDi();
        });
    }
}
