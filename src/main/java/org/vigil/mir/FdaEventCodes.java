package org.vigil.mir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The FDA event problem and evaluation codes of a report (Form FDA 3500A F10 and H6; 21 CFR 803.52(f)(6)), taken
 * from the IMDRF codes the MIR already carries through FDA's crosswalk of its CDRH codes to IMDRF
 * codes (NCI EVS "FDA-CDRH NCIt Subsets", loaded by the terminology module). They fill the code lists of
 * {@link EmdrDetails}; codes the crosswalk does not know are listed, so a person can choose the FDA code by hand
 * rather than have it silently dropped.
 *
 * @param deviceProblem F10 device codes, from §3.2 IMDRF Annex A (medical device problem)
 * @param patientProblem F10 patient codes, from §3.3 IMDRF Annex E (clinical signs) and Annex F (health impact)
 * @param evaluationMethod H6 method codes, from §4.2 IMDRF Annex B (type of investigation)
 * @param evaluationResult H6 result codes, from §4.2 IMDRF Annex C (investigation findings)
 * @param evaluationConclusion H6 conclusion codes, from §4.2 IMDRF Annex D (investigation conclusion)
 * @param unmapped the MIR's IMDRF codes the crosswalk has no FDA code for, in MIR order; Annex G component codes
 *        are not mapped because the ICSR Release 1 layout of the 3500A has no component block
 */
public record FdaEventCodes(List<String> deviceProblem, List<String> patientProblem, List<String> evaluationMethod,
        List<String> evaluationResult, List<String> evaluationConclusion, List<String> unmapped) {

    public FdaEventCodes {
        deviceProblem = List.copyOf(deviceProblem);
        patientProblem = List.copyOf(patientProblem);
        evaluationMethod = List.copyOf(evaluationMethod);
        evaluationResult = List.copyOf(evaluationResult);
        evaluationConclusion = List.copyOf(evaluationConclusion);
        unmapped = List.copyOf(unmapped);
    }

    /**
     * The FDA codes of {@code report}'s IMDRF codes.
     *
     * @param crosswalk the FDA code of an IMDRF code such as {@code A0401}, empty when there is none; for example
     *        {@code code -> terminology.crosswalkFromImdrf(code).stream().map(CrosswalkEntry::fdaCode).findFirst()}
     */
    public static FdaEventCodes fromImdrf(MirReport report, Function<String, Optional<String>> crosswalk) {
        List<String> unmapped = new ArrayList<>();
        PatientInformation patient = report.incident().patient();
        List<String> patientCodes = new ArrayList<>(patient.clinicalCodes());
        patientCodes.addAll(patient.healthImpactCodes());
        ManufacturerInvestigation investigation = report.investigation();
        return new FdaEventCodes(map(report.incident().deviceProblemCodes(), crosswalk, unmapped),
                map(patientCodes, crosswalk, unmapped),
                map(investigation.investigationTypeCodes(), crosswalk, unmapped),
                map(investigation.investigationFindingCodes(), crosswalk, unmapped),
                map(investigation.investigationConclusionCodes(), crosswalk, unmapped), unmapped);
    }

    private static List<String> map(List<String> imdrfCodes, Function<String, Optional<String>> crosswalk,
            List<String> unmapped) {
        Set<String> fda = new LinkedHashSet<>();
        for (String code : imdrfCodes) {
            Optional<String> found = crosswalk.apply(code.strip());
            if (found.isPresent()) {
                fda.add(found.get());
            } else {
                unmapped.add(code);
            }
        }
        return List.copyOf(fda);
    }
}
