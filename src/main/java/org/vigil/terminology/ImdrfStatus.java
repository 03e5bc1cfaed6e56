package org.vigil.terminology;

/**
 * Whether an IMDRF term may be chosen for new coding. IMDRF marks grouping terms "Not selectable" ("Please use more
 * detailed term within the hierarchy") and withdrawn terms "Retired"; both stay in the terminology so that reports
 * coded with them still show their meaning (IMDRF/AE WG N43, "Maintenance of the terminology"). A code that a newer
 * release of its annex no longer contains is treated as retired as well.
 */
public enum ImdrfStatus {
    /** May be chosen for new coding. */
    CURRENT,
    /** A grouping term: choose a more detailed term under it. */
    NOT_SELECTABLE,
    /** Withdrawn by IMDRF: shown on old records, never chosen for new ones. */
    RETIRED
}
