package org.vigil.mir;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.vigil.deadline.Authority;
import org.vigil.deadline.ObligationId;

/**
 * One sending of an approved report version to one authority (MDR Art. 87, 92; 21 CFR 803.12).
 *
 * @param id the submission
 * @param version the report version sent
 * @param authority the authority it went to
 * @param country the authority's country (ISO 3166-1 alpha-2, {@code XI} for Northern Ireland)
 * @param channel how it went
 * @param submittedAt when it was sent
 * @param recordedByName who recorded it
 * @param authorityReference the authority's reference for the report, when it gave one
 * @param obligations the reporting obligations it met, closed on the deadline board
 * @param acknowledgedAt when the authority acknowledged receipt; {@code null} until then
 * @param acknowledgement what the acknowledgement said
 */
public record MirSubmission(UUID id, int version, Authority authority, String country, SubmissionChannel channel,
        Instant submittedAt, String recordedByName, String authorityReference, List<ObligationId> obligations,
        Instant acknowledgedAt, String acknowledgement) {

    public MirSubmission {
        obligations = List.copyOf(obligations);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
