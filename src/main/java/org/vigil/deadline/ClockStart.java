package org.vigil.deadline;

/**
 * The moment a rule's clock starts from. A case records two awareness moments (MIR 7.3.1 §1.2.c, manufacturer
 * awareness date of the incident, and §1.2.d, manufacturer awareness date of reportability); when the second is later
 * the manufacturer must explain why (MDCG 2023-3). Event-driven rules run from the event.
 */
public enum ClockStart {
    /** When the manufacturer first learned of the incident (MIR §1.2.c). */
    INCIDENT_AWARENESS,
    /**
     * When the manufacturer received the information that showed the incident to be reportable (MIR §1.2.d). In the
     * normal case that is the incident awareness date itself, day 0 (MDCG 2023-3 Rev. 2 Q14: "not after it has
     * conducted its investigation"); it is later only when an incident first judged not reportable is shown
     * reportable by new information, and then the gap is explained in the report (MDCG 2023-3 Q15). It is never the
     * date an assessment was finished.
     */
    REPORTABILITY_AWARENESS,
    /** When the triggering event happened: a request received, information received, a correction started. */
    TRIGGERING_EVENT
}
