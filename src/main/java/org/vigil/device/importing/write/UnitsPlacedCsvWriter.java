package org.vigil.device.importing.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.vigil.device.UnitsPlaced;
import org.vigil.device.importing.read.CsvTable;
import org.vigil.device.importing.read.UnitsPlacedCsvReader;

/** Writes units placed on the market in the CSV {@link UnitsPlacedCsvReader} reads back unchanged. */
public final class UnitsPlacedCsvWriter {

    private final Writer out;

    public UnitsPlacedCsvWriter(Writer out) {
        this.out = out;
    }

    public UnitsPlacedCsvWriter header() {
        return write(String.join(",", UnitsPlacedCsvReader.HEADERS));
    }

    public UnitsPlacedCsvWriter row(UnitsPlaced units) {
        return write(CsvTable.quote(units.udiDi(), ',') + "," + units.country() + "," + units.month() + ","
                + units.units());
    }

    private UnitsPlacedCsvWriter write(String line) {
        try {
            out.write(line);
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
