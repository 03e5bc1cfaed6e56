package org.vigil.incident;

import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * Published in the transaction that submits a report: the casework module opens the shared case and the people
 * concerned are told (MDR Art. 87(10)–(11); the manufacturer must assess every report it receives, Art. 87(1)).
 *
 * @param report       the report
 * @param reference    the hospital's report number
 * @param kind         incident, near miss or cybersecurity event
 * @param hospital     the reporting healthcare organisation
 * @param manufacturer the device's manufacturer in Vigil, {@code null} when the device was described in words only
 * @param deviceName   the device as the report names it, for notices
 * @param reporter     who wrote the report
 * @param reporterNameShared whether the hospital lets the manufacturer see the reporter's name (default: the
 *                     device-safety officer is the contact)
 * @param udiDi        the device's registered UDI-DI, {@code null} when the device is not in the register
 */
public record IncidentReportSubmitted(ReportId report, String reference, ReportKind kind, OrganisationId hospital,
        OrganisationId manufacturer, String deviceName, UserId reporter, boolean reporterNameShared, String udiDi) {
}
