package org.vigil.incident;

/** The unit of an age: neonates are reported in days, infants in months (MIR 7.3.1 section 3). */
public enum AgeUnit {
    YEARS(150), MONTHS(24 * 12), DAYS(5 * 366);

    private final int plausibleMaximum;

    AgeUnit(int plausibleMaximum) {
        this.plausibleMaximum = plausibleMaximum;
    }

    public int plausibleMaximum() {
        return plausibleMaximum;
    }
}
