package org.vigil.deadline;

/** Whose duty a rule is. */
public enum DutyHolder {
    /** The manufacturer, or whoever reports for it (authorised representative, CH-REP, UK responsible person). */
    MANUFACTURER,
    /** A US device user facility: hospital, nursing home, ambulatory surgical facility (21 CFR 803.3, 803.30). */
    USER_FACILITY
}
