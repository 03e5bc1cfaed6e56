package org.vigil.device.importing.read;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of Vigil's device CSV, in the order the export writes them: one row per UDI-DI carrying the data of its
 * Basic UDI-DI (MDR Annex VI Part A section 2 and Part B). The import accepts them in any order and by header name,
 * case-insensitively; docs/device-import.md describes each column with its format and legal source.
 */
public enum DeviceCsvColumn {
    BASIC_UDI_DI(true),
    DEVICE_NAME(false),
    INTENDED_PURPOSE(false),
    LEGISLATION(false),
    LEGACY(false),
    RISK_CLASS(false),
    IMPLANTABLE(false),
    ACTIVE(false),
    MEASURING(false),
    REUSABLE_SURGICAL_INSTRUMENT(false),
    MEDICINAL_SUBSTANCE(false),
    HUMAN_TISSUES_OR_CELLS(false),
    ANIMAL_TISSUES_OR_CELLS(false),
    NOTIFIED_BODY(false),
    CERTIFICATES(false),
    MANUFACTURER_SRN(false),
    AUTHORISED_REPRESENTATIVE_SRN(false),
    UDI_DI(false),
    ISSUER(false),
    TRADE_NAME(false),
    MODEL(false),
    REFERENCE(false),
    EMDN_CODE(false),
    SOFTWARE_VERSION(false),
    FIRMWARE_VERSION(false),
    PACKAGE_LEVELS(false),
    MARKETS(false);

    private final boolean requiredInHeader;

    DeviceCsvColumn(boolean requiredInHeader) {
        this.requiredInHeader = requiredInHeader;
    }

    /** The header as written in the file, e.g. {@code basic_udi_di}. */
    public String header() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a file without this column is refused as a whole. */
    public boolean requiredInHeader() {
        return requiredInHeader;
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(DeviceCsvColumn::header).toList();
    }
}
