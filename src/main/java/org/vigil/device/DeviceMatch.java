package org.vigil.device;

import java.util.UUID;

/**
 * One device found by type-ahead search or a scan: a UDI-DI with the Basic UDI-DI it belongs to, or a Basic UDI-DI
 * with no UDI-DI yet ({@code udiDiId} and {@code udiDi} {@code null}).
 */
public record DeviceMatch(UUID basicUdiDiId, String basicUdiDi, String deviceName, String riskClass,
        UUID udiDiId, String udiDi, String tradeName, String model, String reference, String emdnCode,
        String manufacturer) {
}
