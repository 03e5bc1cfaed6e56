package org.vigil.casework;

/** The side of a case the caller is on. */
public enum CaseSide {
    /** The reporting healthcare organisation: reporter and device-safety officers. */
    HOSPITAL,
    /** The device's manufacturer (or its authorised representative), who investigates (MDR Art. 89(1)). */
    MANUFACTURER
}
