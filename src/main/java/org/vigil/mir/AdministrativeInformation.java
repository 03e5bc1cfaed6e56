package org.vigil.mir;

import java.time.LocalDate;
import java.util.List;

import org.vigil.deadline.Classification;

/**
 * MIR 7.3.1 §1, administrative information ({@code admin_info}). Single values are {@code null} when not given;
 * lists are empty.
 *
 * @param competentAuthority §1.1 the competent authority the report goes to ({@code ncaName}), e.g. its SRN
 *        {@code DE-CA-000000001}
 * @param ncaReportNumber §1.1 the authority's reference number ({@code ncaReportNo})
 * @param eudamedReportNumber §1.1 the EUDAMED reference number ({@code refNumEudamed})
 * @param manufacturerReference §1.1 the manufacturer's reference number ({@code mfrRef})
 * @param reportDate §1.2.a the date of this report ({@code reportDate})
 * @param incidentFrom §1.2.b the incident date, or the first day of its range ({@code adverseEventDateFrom})
 * @param incidentTo §1.2.b the last day of the range ({@code adverseEventDateTo})
 * @param awareness §1.2.c when the manufacturer became aware of the incident ({@code mfrAwarenessDate})
 * @param reportabilityAwareness §1.2.d when the manufacturer became aware that it is reportable
 *        ({@code mfrAwarenessReportDate}); the reporting period runs from here (MDR Art. 87(3))
 * @param reportType §1.2.e the report type ({@code reportType})
 * @param nextReportDate §1.2.f the expected date of the next report ({@code reportNextDate})
 * @param classification §1.2.g the classification of the incident ({@code eventClassification})
 * @param submitter §1.3 the submitter and contacts ({@code contact_info})
 * @param otherMirs §1.4 other MIRs of the same incident ({@code otherMir} in {@code otherMirReferences})
 * @param fscaReferences §1.4 related field safety corrective actions ({@code fsca} in {@code fscaReferences})
 * @param psrIds §1.4 periodic summary report ids ({@code psrId}, repeated)
 * @param pmcfPmpfInvestigation §1.4 whether the incident arose in a PMCF or PMPF investigation
 *        ({@code pmcfpmpfQuestion}, Yes/No)
 * @param pmcfPmpfIds §1.4 the ids of those investigations ({@code pmcfpmpfId}, repeated)
 */
public record AdministrativeInformation(String competentAuthority, String ncaReportNumber, String eudamedReportNumber,
        String manufacturerReference, LocalDate reportDate, LocalDate incidentFrom, LocalDate incidentTo,
        LocalDate awareness, LocalDate reportabilityAwareness, MirReportType reportType, LocalDate nextReportDate,
        Classification classification, Submitter submitter, List<ReportReference> otherMirs,
        List<ReportReference> fscaReferences, List<String> psrIds, Boolean pmcfPmpfInvestigation,
        List<String> pmcfPmpfIds) {

    public AdministrativeInformation {
        otherMirs = otherMirs == null ? List.of() : List.copyOf(otherMirs);
        fscaReferences = fscaReferences == null ? List.of() : List.copyOf(fscaReferences);
        psrIds = psrIds == null ? List.of() : List.copyOf(psrIds);
        pmcfPmpfIds = pmcfPmpfIds == null ? List.of() : List.copyOf(pmcfPmpfIds);
    }
}
