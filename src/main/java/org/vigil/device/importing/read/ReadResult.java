package org.vigil.device.importing.read;

import java.util.List;

import org.vigil.device.DeviceImportRow;
import org.vigil.device.ImportProblem;
import org.vigil.device.UnitsPlacedRow;

/**
 * What a reader found in one file: the rows that passed the file-level rules, the problems of the rows that did not,
 * and how many records the file held. A {@link #fatal} problem means the file as a whole could not be read (unreadable,
 * wrong header, not valid against its schema, not the expected format): nothing of it may be imported.
 *
 * @param devices  device rows ready to be stored
 * @param units    units-placed rows ready to be stored
 * @param problems per-row problems (rows with a problem are not in {@code devices} or {@code units})
 * @param records  records read (data rows of a CSV, device elements of an XML file)
 * @param fatal    why the file as a whole cannot be imported, {@code null} when it can
 */
public record ReadResult(List<DeviceImportRow> devices, List<UnitsPlacedRow> units, List<ImportProblem> problems,
        int records, ImportProblem fatal) {

    public ReadResult {
        devices = List.copyOf(devices);
        units = List.copyOf(units);
        problems = List.copyOf(problems);
    }

    public static ReadResult fatal(String field, String message) {
        return new ReadResult(List.of(), List.of(), List.of(), 0, new ImportProblem(0, field, message));
    }

    public boolean isFatal() {
        return fatal != null;
    }
}
