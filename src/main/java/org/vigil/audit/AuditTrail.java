package org.vigil.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigil.audit.domain.AuditChain;
import org.vigil.audit.domain.AuditValues;
import org.vigil.audit.domain.ChainVerifier;
import org.vigil.audit.domain.ChainedEntry;
import org.vigil.audit.persistence.AuditEntryStore;
import org.vigil.audit.sealing.AuditSealer;
import org.vigil.shared.Actor;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationDirectory;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Tenancy;

/**
 * Records changes in the audit trail and reads them back.
 *
 * <p>{@link #record} must be called inside the transaction that makes the change: the entry is written just before
 * that transaction commits, so the change and its audit entry are committed together or not at all. Writers never wait
 * for each other: the {@link AuditSealer} links committed entries into the hash chain shortly after (see
 * db/migration/audit/V2__sealed_after_commit.sql); until then an entry reads with {@code seq} 0.
 */
@Service
public class AuditTrail {

    private final AuditEntryStore store;
    private final AuditValues values;
    // Looked up lazily: the organisation module records its own changes here, so neither can need the other first.
    private final ObjectProvider<OrganisationDirectory> organisations;
    private final TransactionTemplate readOnly;
    private final AuditSealer sealer;

    AuditTrail(AuditEntryStore store, AuditValues values, ObjectProvider<OrganisationDirectory> organisations,
            PlatformTransactionManager transactionManager, AuditSealer sealer) {
        this.store = store;
        this.sealer = sealer;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.values = values;
        this.organisations = organisations;
    }

    /**
     * Records {@code change} as done by the current actor, in the current transaction.
     *
     * @throws InvalidInputException (field {@code reason}) when the change needs a reason and has none
     * @throws IllegalStateException outside a read-write transaction or without an actor
     */
    public void record(AuditedChange change) {
        if (change.reasonRequired() && change.reason() == null) {
            throw InvalidInputException.of("reason", "Give a reason: it is required for this change.");
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException("Audited changes must be made in a read-write transaction");
        }
        Actor actor = Tenancy.requireActor();
        OrganisationId owner = change.organisation() != null ? change.organisation() : actor.organisationId();
        if (owner == null) {
            throw new IllegalStateException("A platform action must name the organisation it changes");
        }
        var pending = new PendingEntry(actor.userId() == null ? null : actor.userId().value(), actor.displayName(),
                owner.value(), change.action(), change.record(), values.canonical(change.before()),
                values.canonical(change.after()), change.reason());
        pendingEntries().add(pending);
    }

    /** The history of one record, oldest first, as far as the caller may see it. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(RecordRef record) {
        return store.history(record.type(), record.id()).stream().map(this::view).toList();
    }

    /** The most recent entries the caller may see, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return store.latest(Math.clamp(limit, 1, 500)).stream().map(this::view).toList();
    }

    /**
     * Links every entry committed so far into the hash chain now, instead of within the sealer's next second; answers
     * how many it linked. For whoever needs the chain complete at once (an export of the chain, a test).
     */
    public long sealCommitted() {
        return sealer.sealCommitted();
    }

    /**
     * Checks the whole chain, after sealing every entry committed before the check. Needs platform scope (a platform administrator, or {@link Actor#platform}). The check
     * alone reads every entry, in a database scope of its own, and answers only the verdict.
     *
     * @param anchor optionally, a chain end recorded outside Vigil earlier ({@code seq} and hex hash); a rewrite of
     *        the whole chain up to it is then detected too
     */
    public ChainVerification verifyChain(ChainAnchor anchor) {
        Actor requester = Tenancy.requireActor();
        if (!requester.isPlatform()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Checking the audit chain needs platform scope");
        }
        sealer.sealCommitted();
        return Tenancy.callAs(Actor.auditChainCheck(requester), () -> readOnly.execute(status -> {
            var verifier = new ChainVerifier(store::seqOfHash);
            store.streamAll(verifier::accept);
            var problem = verifier.finish(store.head(),
                    anchor == null ? null : new ChainVerifier.Head(anchor.seq(), anchor.hash()));
            ChainedEntry last = verifier.lastIntact();
            return new ChainVerification(problem == null, verifier.entriesRead(), last == null ? 0 : last.seq(),
                    AuditChain.hex(last == null ? AuditChain.GENESIS : last.hash()), Instant.now(), problem);
        }));
    }

    private AuditEntry view(ChainedEntry entry) {
        var organisation = new OrganisationId(entry.organisationId());
        String organisationName = organisation.equals(OrganisationId.INSTALLATION) ? "Vigil installation"
                : organisations.getObject().nameOf(organisation).orElse(organisation.toString());
        // The people of another organisation are named by that organisation alone: a hospital decides whether the
        // manufacturer learns its reporter's name (MDR Art. 87; default: the device-safety officer is the contact),
        // and the history of a shared report must not tell what the case withholds. Platform scope sees names.
        Actor reader = Tenancy.current().orElse(null);
        boolean otherOrganisation = reader != null && !reader.isPlatform()
                && !organisation.equals(reader.organisationId());
        return new AuditEntry(entry.seq(), entry.recordedAt(),
                otherOrganisation || entry.actorUserId() == null ? null
                        : new org.vigil.shared.UserId(entry.actorUserId()),
                otherOrganisation ? organisationName : entry.actorName(), organisation, organisationName,
                entry.action(), RecordRef.of(entry.recordType(), entry.recordId()), entry.before(), entry.after(),
                entry.reason(), values.differences(entry.before(), entry.after()));
    }

    /**
     * The entries of the current transaction. They live in its synchronization, not in a thread-bound resource, so
     * that an inner REQUIRES_NEW transaction (which suspends the outer synchronizations) collects its own.
     */
    private List<PendingEntry> pendingEntries() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof AppendBeforeCommit append && append.trail() == this) {
                return append.pending;
            }
        }
        var append = new AppendBeforeCommit(new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(append);
        return append.pending;
    }

    private record PendingEntry(java.util.UUID actorUserId, String actorName, java.util.UUID organisationId,
            String action, RecordRef record, String before, String after, String reason) {
    }

    /** Writes the transaction's entries as its very last statement. */
    private final class AppendBeforeCommit implements TransactionSynchronization {

        private final List<PendingEntry> pending;

        AppendBeforeCommit(List<PendingEntry> pending) {
            this.pending = pending;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!pending.isEmpty()) {
                store.append(pending.stream().map(p -> new AuditEntryStore.NewEntry(p.actorUserId(), p.actorName(),
                        p.organisationId(), p.action(), p.record().type(), p.record().id(), p.before(), p.after(),
                        p.reason())).toList());
            }
        }

        @Override
        public void afterCommit() {
            if (!pending.isEmpty()) {
                sealer.wake();
            }
        }

        AuditTrail trail() {
            return AuditTrail.this;
        }
    }
}
