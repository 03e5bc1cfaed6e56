package org.vigil.casework;

/**
 * The manufacturer's answer to "is it still safe to use?" while the investigation runs (MDR Art. 89(1): the
 * manufacturer takes the necessary measures; MDCG 2023-3 Q&A 21).
 */
public enum InterimAdvice {
    /** The device may continue to be used as labelled. */
    CONTINUE_USE,
    /** Keep the affected devices (lot, serial numbers) aside and do not use them until further notice. */
    QUARANTINE,
    /** Stop using the device. */
    STOP_USING
}
