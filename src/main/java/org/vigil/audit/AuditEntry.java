package org.vigil.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordRef;
import org.vigil.shared.UserId;

/**
 * One entry of the audit trail as readers see it.
 *
 * @param seq position in the chain, starting at 1; {@code 0} while the entry awaits sealing, normally for well under a
 *        second after its change committed
 * @param recordedAt when, by the database clock (UTC)
 * @param actorUserId who, or {@code null} when Vigil itself acted
 * @param actorName the actor's name at the time
 * @param organisation in whose data
 * @param organisationName that organisation's current name
 * @param action what happened
 * @param record which record
 * @param before canonical JSON of the values before, or {@code null}
 * @param after canonical JSON of the values after, or {@code null}
 * @param reason why, or {@code null}
 * @param changes field-by-field differences between {@code before} and {@code after}
 */
public record AuditEntry(
        long seq,
        Instant recordedAt,
        UserId actorUserId,
        String actorName,
        OrganisationId organisation,
        String organisationName,
        String action,
        RecordRef record,
        String before,
        String after,
        String reason,
        List<FieldChange> changes) {

    /** One field whose value changed; values are shown as JSON text, {@code null} when absent. */
    public record FieldChange(String field, String before, String after) {
    }

    public UUID recordId() {
        return record.id();
    }
}
