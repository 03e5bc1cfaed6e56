package org.vigil.organisation;

import java.time.Instant;

import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;

/**
 * An organisation as everyone may see it in the directory.
 *
 * @param country ISO 3166-1 alpha-2 code ({@code XI} for Northern Ireland); absent only for the platform operator
 * @param srn the EUDAMED single registration number (MDR Art. 31) of a manufacturer or authorised representative
 */
public record OrganisationView(OrganisationId id, OrganisationKind kind, String name, String country, String srn,
        Instant createdAt) {
}
