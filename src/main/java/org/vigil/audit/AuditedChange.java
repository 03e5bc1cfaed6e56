package org.vigil.audit;

import java.util.Objects;

import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordRef;

/**
 * One change to record in the audit trail.
 *
 * <p>A reason is required when a submitted record is changed or anything is withdrawn (EU GMP Annex 11 §9: "the
 * reason should be documented"; 21 CFR 11.10(e)). Use {@link #withdrawn} and {@link #amendedAfterSubmission} for
 * those; the trail refuses them without a reason.
 *
 * @param action what happened, as a stable dotted code such as {@code user.role-granted}
 * @param record the record changed
 * @param before the record's relevant values before the change, or {@code null}
 * @param after the values after the change, or {@code null}
 * @param reason why, in the actor's words; required for withdrawals and changes after submission
 * @param reasonRequired whether {@code reason} must be given
 * @param organisation the organisation in whose data the change happened; {@code null} means the actor's own
 */
public record AuditedChange(
        String action,
        RecordRef record,
        Object before,
        Object after,
        String reason,
        boolean reasonRequired,
        OrganisationId organisation) {

    public AuditedChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(record, "record");
        if (!action.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
            throw new IllegalArgumentException("Action must be a dotted lower-case code: " + action);
        }
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    public static AuditedChange created(String action, RecordRef record, Object after) {
        return new AuditedChange(action, record, null, after, null, false, null);
    }

    public static AuditedChange changed(String action, RecordRef record, Object before, Object after) {
        return new AuditedChange(action, record, before, after, null, false, null);
    }

    /** Something that happened to a record without changing its values, such as a sign-in. */
    public static AuditedChange event(String action, RecordRef record, Object details) {
        return new AuditedChange(action, record, null, details, null, false, null);
    }

    /** A withdrawal (of a role, a report, an account…): the reason is mandatory. */
    public static AuditedChange withdrawn(String action, RecordRef record, Object before, Object after,
            String reason) {
        return new AuditedChange(action, record, before, after, reason, true, null);
    }

    /** A change to a record that was already submitted to someone: the reason is mandatory. */
    public static AuditedChange amendedAfterSubmission(String action, RecordRef record, Object before, Object after,
            String reason) {
        return new AuditedChange(action, record, before, after, reason, true, null);
    }

    /** The same change, recorded in {@code owner}'s data rather than the actor's (platform administration). */
    public AuditedChange inOrganisation(OrganisationId owner) {
        return new AuditedChange(action, record, before, after, reason, reasonRequired, owner);
    }

    /** The same change with an optional reason given by the actor. */
    public AuditedChange because(String why) {
        return new AuditedChange(action, record, before, after, why, reasonRequired, organisation);
    }
}
