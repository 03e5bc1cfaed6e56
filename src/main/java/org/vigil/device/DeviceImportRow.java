package org.vigil.device;

/**
 * One record read from an import file, with where it came from, so a problem can be reported against the row a person
 * can find in their file.
 *
 * @param row        one-based line (CSV) or record number (XML) in the source
 * @param basicUdiDi the Basic UDI-DI data, {@code null} when the row only adds a UDI-DI to a known Basic UDI-DI
 * @param udiDi      the UDI-DI data, {@code null} when the row only registers a Basic UDI-DI
 */
public record DeviceImportRow(int row, BasicUdiDiData basicUdiDi, UdiDiData udiDi) {
}
