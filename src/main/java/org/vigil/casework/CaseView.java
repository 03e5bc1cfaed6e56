package org.vigil.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * A case as its reader sees it.
 *
 * @param id                 the case
 * @param reference          its number, e.g. {@code CASE-2026-00007}
 * @param origin             a hospital's report or a complaint entered by manufacturer staff
 * @param kind               the report's kind (INCIDENT, NEAR_MISS, CYBERSECURITY_EVENT) or COMPLAINT
 * @param owner              the organisation that owns it: the hospital for reports, the manufacturer for complaints
 * @param reportId           the incident report it was opened from, {@code null} for complaints
 * @param reportReference    the hospital's report number
 * @param hospital           the reporting healthcare organisation, {@code null} for complaints
 * @param hospitalName       its name
 * @param manufacturer       the device's manufacturer in Vigil, {@code null} when the report named none registered
 * @param manufacturerName   its name
 * @param representative     the manufacturer's authorised representative in Vigil (MDR Art. 11), who works the case
 *                           with it; {@code null} when none is known
 * @param deviceName         the device as reported
 * @param summary            a complaint's description; for reports the report itself is the description
 * @param complaintSource    how a complaint came in
 * @param complainant        who complained, as staff recorded it
 * @param receivedOn         when the complaint was received
 * @param contactName        the hospital's contact as the manufacturer sees it: the reporter only when the report
 *                           allows it, otherwise the device-safety officer
 * @param status             where the case stands
 * @param interimAdvice      the manufacturer's answer to "is it still safe to use?", {@code null} until given
 * @param interimAdviceText  its explanation
 * @param interimAdviceAt    when it was given
 * @param interimAdviceBy    who gave it
 * @param deviceReturn       the device's return
 * @param assignee           the manufacturer's person working the case
 * @param assigneeName       their name
 * @param outcome            the final outcome
 * @param rootCause          the root cause in plain words
 * @param openedAt           when the case was opened
 * @param updatedAt          when it last changed
 * @param closedAt           when it was closed, {@code null} while open
 * @param lastHospitalAt     the hospital's latest shared entry
 * @param lastManufacturerAt the manufacturer's latest shared entry
 */
public record CaseView(CaseId id, String reference, CaseOrigin origin, String kind, OrganisationId owner, UUID reportId,
        String reportReference, OrganisationId hospital, String hospitalName, OrganisationId manufacturer,
        String manufacturerName, OrganisationId representative, String deviceName, String summary, ComplaintSource complaintSource,
        String complainant, LocalDate receivedOn, String contactName, CaseStatus status, InterimAdvice interimAdvice,
        String interimAdviceText, Instant interimAdviceAt, String interimAdviceBy, DeviceReturnView deviceReturn,
        UserId assignee, String assigneeName, String outcome, String rootCause, Instant openedAt,
        Instant updatedAt, Instant closedAt, Instant lastHospitalAt, Instant lastManufacturerAt) {

    /** Whole days since the case was opened, at {@code now}. */
    public long daysOpen(Instant now) {
        return Duration.between(openedAt, now).toDays();
    }

    /** Whole days since the hospital's latest shared entry, {@code -1} when it wrote none since opening. */
    public long daysSinceHospital(Instant now) {
        return lastHospitalAt == null ? -1 : Duration.between(lastHospitalAt, now).toDays();
    }

    /**
     * Since when the case waits on the manufacturer: an open case with a manufacturer in Vigil whose latest shared
     * word is the hospital's (or that the manufacturer never answered); {@code null} when the ball is with the
     * hospital or the case is closed (MDCG 2023-3 Q&A 21: timely communication with the reporter).
     */
    public Instant waitingOnManufacturerSince() {
        if (!status.open() || manufacturer == null) {
            return null;
        }
        Instant hospitalSide = lastHospitalAt == null ? openedAt : lastHospitalAt;
        if (lastManufacturerAt != null && !lastManufacturerAt.isBefore(hospitalSide)) {
            return null;
        }
        return hospitalSide;
    }

    /** Whether it waited on the manufacturer for more than {@code days} whole days at {@code now}. */
    public boolean overdue(Instant now, int days) {
        Instant since = waitingOnManufacturerSince();
        return since != null && Duration.between(since, now).toDays() > days;
    }
}
