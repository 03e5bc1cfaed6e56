package org.vigil.casework;

/** How a case came to the manufacturer: a hospital's incident report in Vigil, or a complaint its staff entered. */
public enum CaseOrigin {
    /** Opened when a hospital submitted an incident report (MDR Art. 87(10)–(11)). */
    REPORT,
    /** Entered by the manufacturer's staff (MDR Art. 10(9), ISO 13485:2016 §8.2.2 complaint handling). */
    COMPLAINT
}
