package org.vigil.device;

/**
 * Units placed on the market as read from one row of an import file.
 *
 * @param row   one-based line in the source
 * @param units the figures on that row
 */
public record UnitsPlacedRow(int row, UnitsPlaced units) {
}
