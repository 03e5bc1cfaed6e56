package org.vigil.casework;

import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * Published in the transaction of every change that people of a case are told about (MDR Art. 87, 89; MDCG 2023-3
 * Q&A 21): a new case, a new message, a status change, interim advice, a device return step, the outcome.
 *
 * @param caseId       the case
 * @param reference    its number
 * @param kind         what happened
 * @param from         the side that acted
 * @param hospital     the hospital of the case, {@code null} for complaints
 * @param manufacturer the manufacturer of the case, {@code null} when not in Vigil
 * @param representative the manufacturer's authorised representative in Vigil, {@code null} if none
 * @param reporter     the reporter of the hospital's report, {@code null} for complaints
 * @param assignee     the manufacturer's assignee, {@code null} when not assigned
 * @param summary      one sentence for the notice, without patient data
 */
public record CaseActivity(CaseId caseId, String reference, EntryKind kind, CaseSide from, OrganisationId hospital,
        OrganisationId manufacturer, OrganisationId representative, UserId reporter, UserId assignee, String summary) {
}
