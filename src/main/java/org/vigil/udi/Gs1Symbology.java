package org.vigil.udi;

/**
 * Barcode symbologies for which GS1 scan data can be generated, with the AIM symbology identifiers
 * (ISO/IEC 15424) that a scanner prefixes to the data. GS1 General Specifications section 5.1.2
 * ("Symbology identifiers") and section 5.10 (composite symbols).
 */
public enum Gs1Symbology {
    /** No symbology: scan data cannot be produced. */
    NONE,
    /** GS1 DataBar Omnidirectional / Stacked, {@code ]e0}. */
    DATABAR_OMNI,
    /** GS1 DataBar Truncated, {@code ]e0}. */
    DATABAR_TRUNCATED,
    /** GS1 DataBar Limited, {@code ]e0}; GTIN indicator digit 0 or 1 only. */
    DATABAR_LIMITED,
    /** GS1 DataBar Expanded (Stacked), {@code ]e0}. */
    DATABAR_EXPANDED,
    /** UPC-A, {@code ]E0}. */
    UPC_A,
    /** UPC-E, {@code ]E0} (transmitted in its expanded 13-digit form). */
    UPC_E,
    /** EAN-13, {@code ]E0}. */
    EAN_13,
    /** EAN-8, {@code ]E4}. */
    EAN_8,
    /** GS1-128 (optionally with CC-A/B/C composite), {@code ]C1}. */
    GS1_128,
    /** GS1 QR Code ({@code ]Q3}) or plain QR Code ({@code ]Q1}). */
    QR,
    /** GS1 DataMatrix ({@code ]d2}) or plain Data Matrix ({@code ]d1}). */
    DATA_MATRIX,
    /** GS1 DotCode ({@code ]J1}) or plain DotCode ({@code ]J0}). */
    DOTCODE
}
