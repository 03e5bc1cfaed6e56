package org.vigil.reportability.events;

import java.util.HashSet;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigil.casework.CaseAssigned;
import org.vigil.deadline.Deadlines;
import org.vigil.reportability.Reportability;
import org.vigil.shared.UserId;

/**
 * Whoever works a case is the one reminded of its reporting deadlines (MDR Art. 87(1)–(5), 21 CFR 803.50): when the
 * manufacturer assigns the case to another vigilance officer or PRRC, the case's pending obligations that were with
 * the person working it move along, in the same transaction as the assignment. Obligations someone gave to a
 * particular person on the deadline board stay with that person.
 */
@Component
class ObligationsFollowCaseAssignment {

    private final Reportability reportability;
    private final Deadlines deadlines;

    ObligationsFollowCaseAssignment(Reportability reportability, Deadlines deadlines) {
        this.reportability = reportability;
        this.deadlines = deadlines;
    }

    @EventListener
    void on(CaseAssigned assigned) {
        if (assigned.assignee() == null) {
            return;
        }
        // Without an assignee, the decision's signer was made responsible when the obligations arose.
        Set<UserId> followedFrom = new HashSet<>();
        if (assigned.previous() != null) {
            followedFrom.add(assigned.previous());
        } else {
            reportability.current(assigned.caseId()).ifPresent(decision -> followedFrom.add(
                    decision.signature().signer()));
        }
        if (!followedFrom.isEmpty()) {
            deadlines.followCaseAssignment(assigned.caseId().value(), assigned.organisation(), followedFrom,
                    assigned.assignee());
        }
    }
}
