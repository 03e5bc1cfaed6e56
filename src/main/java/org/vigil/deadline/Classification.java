package org.vigil.deadline;

/**
 * The classification of a serious incident on the Manufacturer Incident Report, MIR 7.3.1 §1.2.g, which decides the
 * reporting period (MDR Art. 87(3)–(5), IVDR Art. 82(3)–(5)). Declared from the most to the least severe.
 */
public enum Classification {
    /** MDR Art. 2(66): 2 days under Art. 87(4). */
    SERIOUS_PUBLIC_HEALTH_THREAT("Serious public health threat", 3),
    /** 10 days under Art. 87(5). */
    DEATH("Death", 2),
    /** 10 days under Art. 87(5). */
    UNANTICIPATED_SERIOUS_DETERIORATION("Unanticipated serious deterioration in state of health", 2),
    /** 15 days under Art. 87(3). */
    OTHER_REPORTABLE("All other reportable incidents", 1);

    private final String label;
    private final int severity;

    Classification(String label, int severity) {
        this.label = label;
        this.severity = severity;
    }

    public String label() {
        return label;
    }

    /** Higher is more severe; death and unanticipated serious deterioration share one rank, as Art. 87(5) does. */
    public int severity() {
        return severity;
    }

    /** Whether this classification is at least as severe as {@code other}. */
    public boolean atLeastAsSevereAs(Classification other) {
        return severity >= other.severity;
    }
}
