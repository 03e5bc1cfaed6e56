package org.vigil.incident;

/**
 * What kind of event a hospital reports. All three are reported the same way and open a case with the manufacturer.
 */
public enum ReportKind {
    /** A malfunction or deterioration, inadequate information, or a use error that led to harm or could (MDR Art. 2(64)). */
    INCIDENT,
    /**
     * Nothing happened this time, but it could have led to death or serious deterioration of health if it had
     * occurred again or been noticed later (MDCG 2023-3 Q&A 2.7, "near incident").
     */
    NEAR_MISS,
    /**
     * A suspected intrusion, or a malfunction after a software or firmware update (MDCG 2019-16 section 5, MDCG
     * 2023-3 Q&A 3.4: cybersecurity incidents are incidents where they meet Art. 2(64)).
     */
    CYBERSECURITY_EVENT
}
