package org.vigil.deadline;

/**
 * Something that happens on a case, other than its classification, that starts a clock of its own.
 */
public enum EventKind {
    /** The manufacturer decided on a field safety corrective action (MDR Art. 87(1)(b), 87(8)). */
    FSCA,
    /**
     * The manufacturer sent an incomplete initial report and announced when the complete report follows (MDR
     * Art. 87(6); the date is MIR 7.3.1 §1.2.f, "expected date of the next report").
     */
    INCOMPLETE_INITIAL_REPORT,
    /** The manufacturer announced the date of its next follow-up report (MIR 7.3.1 §1.2.f). */
    FOLLOW_UP_ANNOUNCED,
    /** The manufacturer announced when its final report follows (MDR Art. 89(5); MIR 7.3.1 §1.2.f). */
    FINAL_REPORT_ANNOUNCED,
    /** The coordinating competent authority agreed a periodic summary report and its next date (MDR Art. 87(9)). */
    PERIODIC_SUMMARY_AGREED,
    /** A statistically significant increase in incidents or expected side-effects was identified (MDR Art. 88). */
    TREND_IDENTIFIED,
    /** The authority asked the manufacturer for documents or information (GB: within 3 working days). */
    AUTHORITY_DOCUMENT_REQUEST,
    /** The manufacturer received information that was not in its report to FDA (21 CFR 803.56). */
    SUPPLEMENTAL_INFORMATION,
    /**
     * Remedial action is needed to prevent an unreasonable risk of substantial harm to public health, or FDA asked in
     * writing for a 5-day report (21 CFR 803.53).
     */
    REMEDIAL_ACTION_NEEDED,
    /** The manufacturer started a correction or removal to reduce a risk to health (21 CFR 806.10). */
    CORRECTION_OR_REMOVAL_STARTED,
    /** A US user facility learned that a device may have caused or contributed to a patient's death (803.30(a)(1)). */
    USER_FACILITY_DEATH,
    /** A US user facility learned that a device may have caused or contributed to a serious injury (803.30(a)(2)). */
    USER_FACILITY_SERIOUS_INJURY
}
