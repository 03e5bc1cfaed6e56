package org.vigil.deadline;

/** What a rule obliges its duty holder to send. */
public enum ObligationKind {
    INITIAL_REPORT("Initial report"),
    COMPLETE_REPORT("Complete report after an incomplete initial report"),
    FOLLOW_UP("Follow-up report"),
    FINAL_REPORT("Final report"),
    FSCA_NOTIFICATION("Field safety corrective action notification"),
    TREND_REPORT("Trend report"),
    PERIODIC_SUMMARY_REPORT("Periodic summary report"),
    DOCUMENT_RESPONSE("Answer to the authority's request"),
    USER_FACILITY_REPORT("User facility report"),
    FIVE_DAY_REPORT("5-day report"),
    SUPPLEMENTAL_REPORT("Supplemental report"),
    CORRECTION_REMOVAL_REPORT("Report of correction or removal");

    private final String label;

    ObligationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
