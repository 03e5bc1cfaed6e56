package org.vigil.device.importing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The files a manufacturer can import into the device register. */
public enum ImportFormat {
    /** Vigil's device CSV, one row per UDI-DI with its Basic UDI-DI (docs/device-import.md). */
    DEVICE_CSV("Device CSV"),
    /** Units placed on the market per UDI-DI, country and month. */
    UNITS_PLACED_CSV("Units placed CSV"),
    /** FDA GUDID device XML (21 CFR 830 Subpart E). */
    GUDID_XML("FDA GUDID XML"),
    /** EUDAMED UDI/device registration XML (DTX 3.0.25), validated against the EUDAMED schema. */
    EUDAMED_XML("EUDAMED device XML");

    private final String label;

    ImportFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Recognises the format from the file's first bytes: XML by its namespace, CSV by its header line. Empty when the
     * content fits none, so the person is asked to choose.
     */
    public static Optional<ImportFormat> detect(byte[] content) {
        int length = Math.min(content.length, 8192);
        String head = new String(content, 0, length, StandardCharsets.UTF_8);
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("<")) {
            if (head.contains("http://www.fda.gov/cdrh/gudid")) {
                return Optional.of(GUDID_XML);
            }
            if (head.contains("https://ec.europa.eu/tools/eudamed/dtx")) {
                return Optional.of(EUDAMED_XML);
            }
            return Optional.empty();
        }
        int end = trimmed.indexOf('\n');
        String header = (end < 0 ? trimmed : trimmed.substring(0, end)).toLowerCase(Locale.ROOT);
        if (header.contains("basic_udi_di")) {
            return Optional.of(DEVICE_CSV);
        }
        if (header.contains("udi_di") && header.contains("month") && header.contains("units")) {
            return Optional.of(UNITS_PLACED_CSV);
        }
        return Optional.empty();
    }
}
