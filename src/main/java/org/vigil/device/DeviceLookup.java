package org.vigil.device;

import java.util.List;

import org.vigil.udi.UdiResult;

/**
 * What a scan or a typed search in the lookup field found (MDR Art. 27: the UDI identifies the device; its production
 * identifier carries lot, serial and expiry).
 *
 * @param scan     the text as scanned or typed, with keyboard-wedge substitutes for GS replaced
 * @param udi      the parsed UDI, {@code null} when the text does not look like a UDI at all (a search term)
 * @param device   the registered device whose UDI-DI (or package UDI-DI) the scan carries, {@code null} if none
 * @param matches  devices whose name, model, reference or EMDN code matches the text, when it is no UDI
 */
public record DeviceLookup(String scan, UdiResult udi, DeviceMatch device, List<DeviceMatch> matches) {

    public DeviceLookup {
        matches = matches == null ? List.of() : List.copyOf(matches);
    }

    /** Whether the text was read as a UDI. */
    public boolean scanned() {
        return udi != null;
    }
}
