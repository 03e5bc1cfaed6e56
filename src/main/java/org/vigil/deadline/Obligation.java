package org.vigil.deadline;

import java.time.Instant;
import java.util.Objects;

/** One duty that a case creates: the rule it comes from, who receives it, when its clock started and when it is due. */
public record Obligation(ReportingRule rule, Recipient recipient, Instant clockStart, Due due) {

    public Obligation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(clockStart, "clockStart");
        Objects.requireNonNull(due, "due");
    }
}
