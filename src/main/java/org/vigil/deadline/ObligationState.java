package org.vigil.deadline;

/**
 * Where a stored obligation stands. Open and overdue obligations are the ones still to be met; the others are ended
 * and keep the reason they ended.
 */
public enum ObligationState {
    /** To be met; its due time has not passed. */
    OPEN("Open"),
    /** To be met; its due time has passed. Reminded daily and escalated until it is met or waived. */
    OVERDUE("Overdue"),
    /** Met: the report was submitted to the recipient. */
    SUBMITTED("Submitted"),
    /** Not to be met, by a signed decision with a reason (for example: the authority agreed another date). */
    WAIVED("Waived"),
    /**
     * No longer arises from the case: a later reportability decision (for example a reclassification) or another
     * rule-pack version no longer creates it. Kept so the history shows it existed.
     */
    WITHDRAWN("Withdrawn");

    private final String label;

    ObligationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the obligation is still to be met. */
    public boolean pending() {
        return this == OPEN || this == OVERDUE;
    }
}
