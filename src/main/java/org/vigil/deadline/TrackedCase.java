package org.vigil.deadline;

import java.util.Objects;
import java.util.UUID;

import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * What the clock service needs to keep a case's obligations: the case, the organisation that holds the duties (the
 * manufacturer, or the user facility for 21 CFR 803.30), the person responsible for meeting them, the facts that
 * decide them, and why they are (re)computed now, as it will read in reminders and the audit trail.
 *
 * @param caseId        the case (module {@code casework})
 * @param caseReference its number, for example {@code CASE-2026-00012}
 * @param deviceName    the device as the case names it, for the board's device filter and for reminders
 * @param dutyHolder    the organisation whose obligations these are
 * @param responsible   the person reminded first; {@code null} sends reminders to the organisation's vigilance officers
 * @param facts         the case's facts, as of this decision
 * @param cause         one sentence, for example "Reportability decision 2 (death) signed by Vera Vigil"
 */
public record TrackedCase(UUID caseId, String caseReference, String deviceName, OrganisationId dutyHolder,
        UserId responsible, CaseFacts facts, String cause) {

    public TrackedCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(caseReference, "caseReference");
        Objects.requireNonNull(dutyHolder, "dutyHolder");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(cause, "cause");
    }
}
