package org.vigil.casework;

import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * Published in the transaction that gives a case another assignee at the manufacturer (or its authorised
 * representative), so that what follows the person working the case can move with it, such as who is reminded of
 * the case's reporting deadlines (MDR Art. 87; Art. 15(3)(d): the PRRC stays informed regardless).
 *
 * @param caseId       the case
 * @param organisation the organisation whose person works the case
 * @param previous     who was assigned before, {@code null} when nobody was
 * @param assignee     who is assigned now, {@code null} when nobody is
 */
public record CaseAssigned(CaseId caseId, OrganisationId organisation, UserId previous, UserId assignee) {
}
