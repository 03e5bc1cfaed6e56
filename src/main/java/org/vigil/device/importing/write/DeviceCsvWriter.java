package org.vigil.device.importing.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.vigil.device.BasicUdiDiData;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.UdiDiData;
import org.vigil.device.importing.read.CsvTable;
import org.vigil.device.importing.read.DeviceCsvColumn;
import org.vigil.device.importing.read.DeviceCsvReader;

/**
 * Writes the device CSV that {@link DeviceCsvReader} reads: UTF-8 without byte-order mark, {@code ,} separated, CRLF
 * line ends (RFC 4180), columns in {@link DeviceCsvColumn} order. Exporting and importing the file again changes
 * nothing.
 */
public final class DeviceCsvWriter {

    private final Writer out;

    public DeviceCsvWriter(Writer out) {
        this.out = out;
    }

    public DeviceCsvWriter header() {
        return line(DeviceCsvColumn.headers());
    }

    public DeviceCsvWriter row(DeviceImportRow row) {
        BasicUdiDiData b = row.basicUdiDi();
        UdiDiData u = row.udiDi();
        List<String> fields = new ArrayList<>(DeviceCsvColumn.values().length);
        fields.add(b != null ? b.basicUdiDi() : u.basicUdiDi());
        if (b == null) {
            for (int i = 1; i < DeviceCsvColumn.UDI_DI.ordinal(); i++) {
                fields.add(null);
            }
        } else {
            fields.add(b.deviceName());
            fields.add(b.intendedPurpose());
            fields.add(b.legislation().name());
            fields.add(yesNo(b.legacy()));
            fields.add(b.riskClass() == null ? null : b.riskClass().label());
            fields.add(yesNo(b.implantable()));
            fields.add(yesNo(b.active()));
            fields.add(yesNo(b.measuring()));
            fields.add(yesNo(b.reusableSurgicalInstrument()));
            fields.add(b.medicinalSubstance().name());
            fields.add(yesNo(b.humanTissuesOrCells()));
            fields.add(yesNo(b.animalTissuesOrCells()));
            fields.add(b.notifiedBody());
            fields.add(String.join("|", b.certificates()));
            fields.add(b.manufacturerSrn());
            fields.add(b.authorisedRepresentativeSrn());
        }
        if (u == null) {
            for (int i = DeviceCsvColumn.UDI_DI.ordinal(); i < DeviceCsvColumn.values().length; i++) {
                fields.add(null);
            }
        } else {
            fields.add(u.udiDi());
            fields.add(u.issuer() == null ? null : u.issuer().name());
            fields.add(u.tradeName());
            fields.add(u.model());
            fields.add(u.reference());
            fields.add(u.emdnCode());
            fields.add(u.softwareVersion());
            fields.add(u.firmwareVersion());
            fields.add(u.packageLevels().stream().map(p -> p.udiDi() + "*" + p.quantity() + ">" + p.contains())
                    .collect(Collectors.joining("|")));
            fields.add(u.markets().stream().map(m -> m.country() + ":" + m.from()
                    + (m.until() == null ? "" : ":" + m.until())).collect(Collectors.joining("|")));
        }
        return line(fields);
    }

    private DeviceCsvWriter line(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(CsvTable.quote(fields.get(i), ','));
            }
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
