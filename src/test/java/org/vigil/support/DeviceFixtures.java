package org.vigil.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.vigil.device.BasicUdiDiData;
import org.vigil.device.DeviceRegister;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Tenancy;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.Gs1;
import org.vigil.udi.IssuingEntity;

/**
 * Unique, valid device identifiers for tests (Basic UDI-DIs and UDI-DIs are unique across the register), and one
 * registered device per organisation for the endpoint matrix.
 */
public final class DeviceFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    private static final Map<OrganisationId, Device> DEVICES = new ConcurrentHashMap<>();
    private static volatile DeviceRegister register;

    private DeviceFixtures() {
    }

    /** A registered Basic UDI-DI and a UDI-DI under it. */
    public record Device(java.util.UUID basicUdiDiId, String basicUdiDi, java.util.UUID udiDiId, String udiDi) {
    }

    /** A GTIN-14 no test used before, with its check digit (test company prefix 0 400). */
    public static String gtin() {
        return Gs1.withCheckDigit("0400" + String.format("%09d", SEQUENCE.incrementAndGet() % 1_000_000_000L))
                .value();
    }

    /** A GS1 GMN Basic UDI-DI no test used before, with its check pair. */
    public static String gmn() {
        return BasicUdiDi.addCheckCharacters(IssuingEntity.GS1, "4009999T" + SEQUENCE.incrementAndGet()).value();
    }

    public static BasicUdiDiData basic(String basicUdiDi, String name) {
        return new BasicUdiDiData(basicUdiDi, name, "Tests the register", Legislation.MDR, false, RiskClass.MDR_IIA,
                false, false, false, false, MedicinalSubstance.NONE, false, false, "0123", List.of("CERT-1"), null,
                null);
    }

    public static UdiDiData udi(String basicUdiDi, String udiDi, String tradeName) {
        return new UdiDiData(basicUdiDi, udiDi, IssuingEntity.GS1, tradeName, "M-1", "REF-1", null, null, null,
                List.of(), List.of(new MarketPlacement("DE", java.time.LocalDate.of(2024, 1, 1), null)));
    }

    /** Lets {@link #deviceOf} register devices. */
    public static void use(DeviceRegister devices) {
        register = devices;
    }

    /** A device registered by (Vigil acting for) {@code organisation}, the same one on every call. */
    public static Device deviceOf(OrganisationId organisation) {
        return DEVICES.computeIfAbsent(organisation, owner -> Tenancy.callAs(Actor.system(owner, "test fixtures"),
                () -> {
                    String basicUdiDi = gmn();
                    var basic = register.registerBasicUdiDi(basic(basicUdiDi, "Fixture device"));
                    var udi = register.addUdiDi(udi(basicUdiDi, gtin(), "Fixture trade name"));
                    return new Device(basic.id(), basicUdiDi, udi.id(), udi.data().udiDi());
                }));
    }

    /** A Basic UDI-DI as a JSON body or form of the API and pages. */
    public static Map<String, Object> basicFields(String basicUdiDi, String name) {
        var fields = new java.util.LinkedHashMap<String, Object>();
        fields.put("basicUdiDi", basicUdiDi);
        fields.put("deviceName", name);
        fields.put("legislation", "MDR");
        fields.put("riskClass", "MDR_IIA");
        fields.put("notifiedBody", "0123");
        return fields;
    }

    /** A UDI-DI as a JSON body or form of the API and pages. */
    public static Map<String, Object> udiFields(String basicUdiDi, String udiDi, String tradeName) {
        var fields = new java.util.LinkedHashMap<String, Object>();
        if (basicUdiDi != null) {
            fields.put("basicUdiDi", basicUdiDi);
        }
        fields.put("udiDi", udiDi);
        fields.put("issuer", "GS1");
        fields.put("tradeName", tradeName);
        return fields;
    }
}
