package org.vigil.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.vigil.organisation.ElectronicSignature;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * One stored obligation of a case, as the clock service keeps it: what is owed to whom under which rule (with its legal
 * source, so every deadline shown can be checked against the law), since when and by when, and where it stands.
 *
 * @param id                  the obligation
 * @param caseId              the case it arises from (module {@code casework})
 * @param caseReference       the case's number
 * @param deviceName          the device as the case names it; may be {@code null}
 * @param organisation        the duty holder: the manufacturer, or the US user facility under 21 CFR 803.30
 * @param ruleId              the rule it comes from, for example {@code mdr-87-death}
 * @param packId              the rule pack holding that rule
 * @param packVersion         the pack version it was last computed with
 * @param source              the rule's legal source, for example MDR Art. 87(5)
 * @param ruleNote            the rule's note, in the pack's words
 * @param kind                what must be sent
 * @param recipient           who must receive it
 * @param clockStart          when its clock started
 * @param due                 when it is due
 * @param state               where it stands
 * @param responsible         the person reminded first; {@code null} reminds the organisation's vigilance officers
 * @param responsibleName     their name as it was when assigned
 * @param stateReason         why it is in its state: the cause of a withdrawal, the reason of a waiver
 * @param stateChangedAt      when it entered its state
 * @param waiver              the signature of a waiver (21 CFR 11.50), or {@code null}
 * @param submissionReference the authority's reference for the submitted report, when one was given
 */
public record ObligationView(ObligationId id, UUID caseId, String caseReference, String deviceName,
        OrganisationId organisation, String ruleId, String packId, int packVersion, LegalSource source,
        String ruleNote, ObligationKind kind, Recipient recipient, Instant clockStart, Due due, ObligationState state,
        UserId responsible, String responsibleName, String stateReason, Instant stateChangedAt,
        ElectronicSignature waiver, String submissionReference) {

    /** How close it is to its due time at {@code now}; the board colours by it. */
    public Urgency urgency(Instant now) {
        if (!state.pending()) {
            return Urgency.ENDED;
        }
        Instant deadline = due.deadline();
        if (state == ObligationState.OVERDUE || (deadline != null && !now.isBefore(deadline))) {
            return Urgency.OVERDUE;
        }
        if (deadline == null) {
            return Urgency.NO_DATE;
        }
        Duration left = Duration.between(now, deadline);
        if (left.compareTo(Duration.ofDays(1)) <= 0) {
            return Urgency.WITHIN_1_DAY;
        }
        if (left.compareTo(Duration.ofDays(2)) <= 0) {
            return Urgency.WITHIN_2_DAYS;
        }
        if (left.compareTo(Duration.ofDays(5)) <= 0) {
            return Urgency.WITHIN_5_DAYS;
        }
        return Urgency.LATER;
    }

    /** Whether it is still to be met. */
    public boolean pending() {
        return state.pending();
    }
}
