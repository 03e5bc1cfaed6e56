package org.vigil.mir;

import java.util.List;

/**
 * MIR 7.3.1 §4, the manufacturer's investigation ({@code mfr_invest}). Single values are {@code null} when not given.
 *
 * @param preliminaryAnalysis §4.1 the preliminary analysis ({@code manufacturersPrelimAnalysis})
 * @param initialActions §4.1 initial actions taken ({@code manufacturersInitialCorrecAction})
 * @param furtherInvestigations §4.1 investigations still to come ({@code furtherInvestigations})
 * @param investigationTypeCodes §4.2 IMDRF Annex B type of investigation ({@code imdrfInvestigationTypeCodeChoice1}
 *        …)
 * @param investigationFindingCodes §4.2 IMDRF Annex C investigation findings
 *        ({@code imdrfInvestigationFindingCodeChoice1} …)
 * @param investigationConclusionCodes §4.2 IMDRF Annex D investigation conclusions
 *        ({@code imdrfInvestigationConclusionCodeChoice1} …)
 * @param componentCodes §4.2 IMDRF Annex G medical device components ({@code imdrfComponentCodeChoice1} …)
 * @param rootCause §4.2 the root cause found ({@code rootCause})
 * @param riskAssessmentReviewed §4.2 whether the risk assessment was reviewed ({@code riskAssessmentReviewed}, Yes/No)
 * @param riskAssessmentAdequate §4.2 whether it remains adequate ({@code riskAssessmentAdequate}, Yes/No)
 * @param remedialActions §4.4 remedial actions ({@code remedialActions})
 * @param correctiveActions §4.4 corrective actions ({@code correctiveActions})
 * @param preventiveActions §4.4 preventive actions ({@code preventiveActions})
 * @param fscaUndertaken §4.4 whether a field safety corrective action is undertaken ({@code fscaUndertaken}, Yes/No)
 * @param finalComments §4.5 the manufacturer's final comments and conclusions ({@code manufacturersFinalComments})
 * @param similarIncidents §4.3 similar incidents ({@code similarIncidents})
 */
public record ManufacturerInvestigation(String preliminaryAnalysis, String initialActions,
        String furtherInvestigations, List<String> investigationTypeCodes, List<String> investigationFindingCodes,
        List<String> investigationConclusionCodes, List<String> componentCodes, String rootCause,
        Boolean riskAssessmentReviewed, Boolean riskAssessmentAdequate, String remedialActions,
        String correctiveActions, String preventiveActions, Boolean fscaUndertaken, String finalComments,
        SimilarIncidents similarIncidents) {

    public ManufacturerInvestigation {
        investigationTypeCodes = investigationTypeCodes == null ? List.of() : List.copyOf(investigationTypeCodes);
        investigationFindingCodes = investigationFindingCodes == null ? List.of()
                : List.copyOf(investigationFindingCodes);
        investigationConclusionCodes = investigationConclusionCodes == null ? List.of()
                : List.copyOf(investigationConclusionCodes);
        componentCodes = componentCodes == null ? List.of() : List.copyOf(componentCodes);
        similarIncidents = similarIncidents == null ? SimilarIncidents.none() : similarIncidents;
    }
}
