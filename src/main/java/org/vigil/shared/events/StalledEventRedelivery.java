package org.vigil.shared.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Delivers again, while Vigil runs, every event whose after-commit listener did not finish (a database hiccup, an
 * overload, a bug since fixed): a case notice, for instance, is then late but never lost.
 *
 * <p>Why: the event publication registry stores each publication with the change that caused it, and Vigil already
 * redelivers incomplete ones at start-up ({@code republish-outstanding-events-on-restart}); without this, one failed
 * delivery would wait for the next restart. Only publications older than {@code vigil.events.redeliver-after} are
 * taken, so listeners still at work are left alone. Listeners must tolerate a second delivery (they do: opening a case
 * is idempotent, a notice may at worst arrive twice).
 */
@Component
class StalledEventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(StalledEventRedelivery.class);

    private final IncompleteEventPublications incomplete;
    private final Duration redeliverAfter;

    StalledEventRedelivery(IncompleteEventPublications incomplete,
            @Value("${vigil.events.redeliver-after:PT2M}") Duration redeliverAfter) {
        this.incomplete = incomplete;
        this.redeliverAfter = redeliverAfter;
    }

    @Scheduled(fixedDelayString = "${vigil.events.redeliver-every:PT1M}", initialDelayString = "PT1M")
    void redeliver() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(redeliverAfter);
        } catch (RuntimeException e) {
            log.warn("Redelivering incomplete events failed; trying again at the next round", e);
        }
    }
}
