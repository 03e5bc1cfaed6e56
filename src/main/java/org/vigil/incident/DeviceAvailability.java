package org.vigil.incident;

/**
 * Whether the device can be investigated (MIR 7.3.1 section 2.7; MDR Art. 89(3): the manufacturer investigates and may
 * need the device itself).
 */
public enum DeviceAvailability {
    /** Kept aside at the hospital; where is said in the report. */
    AVAILABLE,
    /** Discarded, still implanted, or otherwise out of reach. */
    NOT_AVAILABLE,
    /** Already sent to the manufacturer. */
    SENT_TO_MANUFACTURER,
    UNKNOWN
}
