package org.vigil.shared;

import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.shared.database.RecordShareStore;

/**
 * Shares one organisation's record with another, for example a hospital's incident case with the device's
 * manufacturer. Once shared, the other organisation reads the record and its whole history; row-level security
 * policies of the owning module consult the share. The module owning a record decides who may share it and calls
 * this with the acting organisation as owner.
 *
 * <p>Every share and revocation publishes an event that the audit trail records in the same transaction.
 */
@Service
public class RecordSharing {

    /** Published when a record is shared; recorded in the audit trail. */
    public record RecordShared(RecordRef record, OrganisationId owner, OrganisationId grantee) {
    }

    /** Published when a share is revoked; recorded in the audit trail with its reason. */
    public record RecordShareRevoked(RecordRef record, OrganisationId owner, OrganisationId grantee, String reason) {
    }

    private final RecordShareStore store;
    private final ApplicationEventPublisher events;

    RecordSharing(RecordShareStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** Shares {@code record}, owned by the acting organisation, with {@code grantee}; sharing twice is harmless. */
    @Transactional
    public void share(RecordRef record, OrganisationId grantee) {
        Actor actor = Tenancy.requireActor();
        OrganisationId owner = Objects.requireNonNull(actor.organisationId(), "owner");
        if (owner.equals(grantee)) {
            throw InvalidInputException.of("organisation", "A record cannot be shared with its own organisation.");
        }
        if (store.share(record, owner, grantee, actor.userId())) {
            events.publishEvent(new RecordShared(record, owner, grantee));
        }
    }

    /** Ends a share; the grantee no longer sees the record. A reason is required. */
    @Transactional
    public void revoke(RecordRef record, OrganisationId grantee, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "Give a reason for ending the share.");
        }
        Actor actor = Tenancy.requireActor();
        if (store.revoke(record, actor.organisationId(), grantee, actor.userId())) {
            events.publishEvent(new RecordShareRevoked(record, actor.organisationId(), grantee, reason.strip()));
        }
    }

    /** The organisations {@code record} is currently shared with, as far as the caller may see. */
    @Transactional(readOnly = true)
    public List<OrganisationId> sharedWith(RecordRef record) {
        return store.grantees(record);
    }
}
