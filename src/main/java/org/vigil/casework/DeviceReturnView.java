package org.vigil.casework;

import java.util.Map;

/**
 * Where the device involved stands on its way back to the manufacturer and after (MDR Art. 89(1) and (3)).
 *
 * @param state   {@code NOT_REQUESTED}, {@code REQUESTED}, {@code SHIPPED}, {@code NOT_AVAILABLE}, {@code RECEIVED},
 *                {@code ANALYSED}, {@code RETURNED} or {@code DISPOSED}
 * @param details what was said at the steps so far: instructions, trackingReference, reason, findings, how, and when
 */
public record DeviceReturnView(String state, Map<String, String> details) {

    public DeviceReturnView {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
