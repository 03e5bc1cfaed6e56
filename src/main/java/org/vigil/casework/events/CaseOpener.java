package org.vigil.casework.events;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigil.casework.Cases;
import org.vigil.incident.IncidentReportSubmitted;
import org.vigil.shared.Actor;
import org.vigil.shared.Tenancy;

/**
 * Opens the shared case when a hospital submits a report (MDR Art. 87(10)–(11)), in the submission's own transaction.
 *
 * <p>Why in the same transaction and not after commit: a submitted report and its case are one fact for both sides.
 * Opened together, the hospital's "submitted" answer always comes with a case it can open at once (after commit, the
 * case appeared a moment later and the link to it could answer "not found"), and a submission can never be committed
 * without its case, with no redelivery to wait for. It also spares each submission three commits of the event
 * publication registry, which decided the submission rate under load (docs/benchmarks.md). The price: should opening the
 * case fail, the submission fails with it and the draft stays as it was, ready to be submitted again.
 */
@Component
public class CaseOpener {

    private final Cases cases;

    CaseOpener(Cases cases) {
        this.cases = cases;
    }

    @EventListener
    void on(IncidentReportSubmitted submitted) {
        // The case belongs to the hospital, which is also who submits: the transaction's organisation stays the same.
        Tenancy.runAs(Actor.system(submitted.hospital(), "case opening"), () -> cases.open(submitted));
    }
}
