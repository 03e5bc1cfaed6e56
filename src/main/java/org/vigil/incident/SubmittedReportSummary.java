package org.vigil.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.vigil.shared.OrganisationId;

/**
 * A submitted report in brief: what a manufacturer counts when it looks for similar incidents with the same device
 * and the same IMDRF Annex A coding (MIR 7.3.1 §4.3; MDR Art. 88 trend reporting). Nothing about the patient.
 *
 * @param id                 the report
 * @param reference          the hospital's report number
 * @param hospital           the reporting healthcare organisation; its country is where the incident happened
 * @param occurredOn         when the incident happened, {@code null} when the report does not say
 * @param submittedAt        when the report was submitted
 * @param udiDi              the device's UDI-DI, {@code null} for a device described in words
 * @param model              the device's model as reported
 * @param deviceProblemCodes the IMDRF Annex A codes the hospital gave
 */
public record SubmittedReportSummary(ReportId id, String reference, OrganisationId hospital, LocalDate occurredOn,
        Instant submittedAt, String udiDi, String model, List<String> deviceProblemCodes) {

    public SubmittedReportSummary {
        deviceProblemCodes = deviceProblemCodes == null ? List.of() : List.copyOf(deviceProblemCodes);
    }

    /** The day the incident counts on: when it happened, or, when the report does not say, when it was submitted. */
    public LocalDate countedOn() {
        return occurredOn != null ? occurredOn : LocalDate.ofInstant(submittedAt, java.time.ZoneOffset.UTC);
    }
}
