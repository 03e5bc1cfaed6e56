package org.vigil.mir;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A Manufacturer Incident Report in the European Commission's MIR form 7.3.1 (MDR Art. 87 and IVDR Art. 82;
 * MDCG 2023-3), section by section. Immutable; written to and read from the form XML by {@link MirForm} and checked
 * per report type by {@link MirReportRules}.
 *
 * @param formLanguage the language of the form's free text ({@code incident/@sFormLanguage}), e.g. {@code en};
 *        {@code null} when not given
 * @param created when the form was created ({@code incident/@sCreateTimeStamp}), to the second; {@code null} when
 *        not given
 * @param administrative §1 administrative information
 * @param device §2 the device
 * @param incident §3 the incident
 * @param investigation §4 the manufacturer's investigation
 * @param comments §5 comments and distribution
 */
public record MirReport(String formLanguage, OffsetDateTime created, AdministrativeInformation administrative,
        DeviceInformation device, IncidentInformation incident, ManufacturerInvestigation investigation,
        Comments comments) {

    public MirReport {
        Objects.requireNonNull(administrative, "administrative");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(investigation, "investigation");
        comments = comments == null ? Comments.none() : comments;
        created = created == null ? null : created.truncatedTo(ChronoUnit.SECONDS);
    }
}
