package org.vigil.incident;

import java.time.LocalDate;

import org.vigil.shared.OrganisationId;

/**
 * The device a report is about: found in the register by a UDI scan or search, or described in words when it is not
 * there, so that reporting is never blocked (MDR Art. 87(10)–(11)).
 *
 * @param scan             the UDI as scanned or typed, kept verbatim for the manufacturer, {@code null} if none
 * @param udiDi            the UDI-DI, from the scan or the register
 * @param manufacturer     the manufacturer's organisation in Vigil when the device is in the register
 * @param manufacturerName the manufacturer's name as the reporter knows it
 * @param deviceName       trade or device name
 * @param model            model or version
 * @param reference        catalogue or reference number
 * @param lot              lot or batch number
 * @param serial           serial number
 * @param expiry           expiry date
 * @param softwareVersion  software or firmware version in use
 */
public record ReportedDevice(
        String scan,
        String udiDi,
        OrganisationId manufacturer,
        String manufacturerName,
        String deviceName,
        String model,
        String reference,
        String lot,
        String serial,
        LocalDate expiry,
        String softwareVersion) {

    /** Nothing known yet: the start of a draft. */
    public static ReportedDevice unknown() {
        return new ReportedDevice(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** {@code true} when the device was matched to a manufacturer's register entry. */
    public boolean registered() {
        return manufacturer != null && udiDi != null;
    }
}
