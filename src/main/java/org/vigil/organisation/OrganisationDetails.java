package org.vigil.organisation;

import org.vigil.shared.OrganisationKind;

/**
 * What a platform administrator enters to register or edit an organisation.
 *
 * @param kind the kind of organisation; fixed once registered
 * @param name its name, unique among organisations of the same kind
 * @param country ISO 3166-1 alpha-2 ({@code XI} for Northern Ireland); required except for the platform operator
 * @param srn the EUDAMED SRN, for manufacturers ({@code XX-MF-…}) and authorised representatives ({@code XX-AR-…})
 */
public record OrganisationDetails(OrganisationKind kind, String name, String country, String srn) {
}
