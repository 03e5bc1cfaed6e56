package org.vigil.deadline;

/**
 * How close a pending obligation is to its due time, for the board's colours and the dashboard: overdue, due within one,
 * two or five days (the default reminder offsets), later, not yet dated (an action due before it is undertaken whose
 * start is not planned, MDR Art. 87(8)), or ended (submitted, waived or withdrawn).
 */
public enum Urgency {
    OVERDUE("Overdue"),
    WITHIN_1_DAY("Due within a day"),
    WITHIN_2_DAYS("Due within 2 days"),
    WITHIN_5_DAYS("Due within 5 days"),
    LATER("Due later"),
    NO_DATE("No date yet"),
    ENDED("Ended");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
