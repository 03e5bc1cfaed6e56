package org.vigil.deadline;

/**
 * The moment a rule's clock starts from. A case records two awareness moments (MIR 7.3.1 §1.2.c, manufacturer
 * awareness date of the incident, and §1.2.d, manufacturer awareness date of reportability); when the second is later
 * the manufacturer must explain why (MDCG 2023-3). Event-driven rules run from the event.
 */
public enum ClockStart {
    /** When the manufacturer first learned of the incident (MIR §1.2.c). */
    INCIDENT_AWARENESS,
    /** When the manufacturer learned that the incident is a reportable serious incident (MIR §1.2.d). */
    REPORTABILITY_AWARENESS,
    /** When the triggering event happened: a request received, information received, a correction started. */
    TRIGGERING_EVENT
}
