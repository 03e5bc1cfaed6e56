package org.vigil.device;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reading and writing many devices of the caller's organisation at once, for imports and exports. Every row is
 * checked with the same rules as a device entered on a page; a row that breaks a rule is reported, not stored, and the
 * other rows are stored. Every stored change is audited.
 */
public interface DeviceBulkOperations {

    /**
     * Stores the rows (new Basic UDI-DIs and UDI-DIs are created, known ones updated) in the caller's transaction and
     * returns the problems of the rows that were not stored.
     */
    List<ImportProblem> importRows(List<DeviceImportRow> rows, String source);

    /** Stores units placed on the market (replacing figures for the same UDI-DI, country and month). */
    List<ImportProblem> importUnitsPlaced(List<UnitsPlacedRow> rows, String source);

    /** Every UDI-DI of the caller's organisation with its Basic UDI-DI, in Basic UDI-DI then UDI-DI order. */
    void exportRows(Consumer<DeviceImportRow> sink);

    /** Every units-placed figure of the caller's organisation, by UDI-DI, country and month. */
    void exportUnitsPlaced(Consumer<UnitsPlaced> sink);
}
