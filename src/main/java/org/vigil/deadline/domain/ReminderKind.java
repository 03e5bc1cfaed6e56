package org.vigil.deadline.domain;

/**
 * What a reminder of an obligation says: that it falls due in a while (at an offset before its due time), that it is
 * due now, that it has been overdue for a number of days, or that it became more urgent (its due time moved earlier, or
 * it newly arose because the case became more severe).
 */
public enum ReminderKind {
    BEFORE,
    AT_DUE,
    OVERDUE,
    ESCALATION;

    /** Whom a reminder of this kind goes to: from the due time on, and on escalation, the PRRC hears of it too. */
    public ReminderRecipients recipients() {
        return this == BEFORE ? ReminderRecipients.RESPONSIBLE : ReminderRecipients.RESPONSIBLE_AND_PRRC;
    }
}
