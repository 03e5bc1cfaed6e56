package org.vigil.deadline.domain;

/**
 * Who receives a reminder: the person responsible for the obligation (or, with nobody assigned, the organisation's
 * vigilance officers), and for escalations also the organisation's persons responsible for regulatory compliance, who
 * must ensure that vigilance duties are met (MDR Art. 15(3)(d)).
 */
public enum ReminderRecipients {
    RESPONSIBLE,
    RESPONSIBLE_AND_PRRC
}
