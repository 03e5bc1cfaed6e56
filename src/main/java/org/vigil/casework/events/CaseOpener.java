package org.vigil.casework.events;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.vigil.casework.Cases;
import org.vigil.incident.IncidentReportSubmitted;
import org.vigil.shared.Actor;
import org.vigil.shared.Tenancy;

/**
 * Opens the shared case when a hospital submits a report (MDR Art. 87(10)–(11)).
 *
 * <p>Why an asynchronous after-commit listener (as {@code @ApplicationModuleListener}) and not a listener inside the submit's transaction: the event
 * publication registry (JDBC, {@code event_publication}) stores the publication in the very transaction that submits
 * the report, so the case can never be lost: if Vigil stops after the submit committed and before the case is
 * opened, the incomplete publication is delivered again on restart ({@code republish-outstanding-events-on-restart}).
 * A failure to open the case (a bug, a database hiccup) never refuses the hospital's report, which is the regulated
 * record and must be kept. Opening is idempotent (one case per report, {@code vigil_case_one_per_report}), so a
 * redelivery opens nothing twice.
 */
@Component
public class CaseOpener {

    private final Cases cases;

    CaseOpener(Cases cases) {
        this.cases = cases;
    }

    // Like @ApplicationModuleListener (after commit, asynchronous, tracked by the event publication registry) but
    // without a surrounding transaction: a transaction begun before the actor is bound would see no organisation.
    @Async
    @TransactionalEventListener
    void on(IncidentReportSubmitted submitted) {
        // The case belongs to the hospital: act for it, whoever (or whatever thread) delivers the event.
        Tenancy.runAs(Actor.system(submitted.hospital(), "case opening"), () -> cases.open(submitted));
    }
}
