package org.vigil.audit.sealing;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.audit.persistence.AuditEntryStore;
import org.vigil.shared.Actor;
import org.vigil.shared.Tenancy;

/**
 * Chains committed audit entries: the only writer of the hash chain (db/migration/audit/V2__sealed_after_commit.sql).
 *
 * <p>One thread seals whenever a transaction with audit entries has committed, and every {@code vigil.audit.seal-
 * interval} in any case (which also picks up entries another Vigil process left, or committed while this one was
 * down). Batches keep each sealing transaction short; a burst of writes is sealed in a few batches, not one by one.
 * At start-up it seals what a crash left; at shutdown, what is left before the database closes.
 *
 * <p>Why after commit and not in the writer's transaction: see the migration. The chain's guarantees (21 CFR 11.10(e),
 * EU GMP Annex 11 §9) are those of the chain; what the sealer adds is only a short delay before an entry is chained.
 */
@Component
public class AuditSealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private static final int BATCH = 2_000;

    private final AuditEntryStore store;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final Duration gather;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread thread;

    AuditSealer(AuditEntryStore store, PlatformTransactionManager transactionManager,
            @Value("${vigil.audit.seal-interval:PT1S}") Duration interval,
            @Value("${vigil.audit.seal-gather:PT0.05S}") Duration gather) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.interval = interval;
        this.gather = gather;
    }

    /** Asks for a sealing soon; never blocks (called after every commit that wrote audit entries). */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /**
     * Seals every entry committed before this call, in the caller's thread, and answers how many it sealed. For those
     * who need the chain complete now: the chain check, an export, a test.
     */
    public long sealCommitted() {
        long sealed = 0;
        int batch;
        do {
            batch = sealBatch();
            sealed += batch;
        } while (batch == BATCH);
        return sealed;
    }

    private int sealBatch() {
        // The sealing function sets its own database scope; the actor only names who acts in the logs.
        Integer sealed = Tenancy.callAs(Actor.platform("audit sealer"),
                () -> transactions.execute(status -> store.seal(BATCH)));
        return sealed == null ? 0 : sealed;
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try {
                sealCommitted();
                // Coalesces the wake-ups of a burst: commits during a round ask for one more round, not many.
                if (wakeUp.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    // Under load a round per commit was a transaction per submission (docs/benchmarks.md): let the
                    // entries of a moment gather, at the price of a few milliseconds before they are chained.
                    Thread.sleep(gather.toMillis());
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A database hiccup: the entries stay pending (durably) and are sealed on a later round.
                log.warn("Sealing audit entries failed; retrying in {}", interval, e);
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        var sealer = Thread.ofPlatform().name("audit-sealer").daemon().unstarted(this::run);
        thread = sealer;
        sealer.start();
    }

    @Override
    public void stop() {
        Thread sealer = thread;
        thread = null;
        if (sealer != null) {
            sealer.interrupt();
            try {
                sealer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            sealCommitted();
        } catch (RuntimeException e) {
            log.warn("Could not seal the last audit entries at shutdown; they are sealed at the next start", e);
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
