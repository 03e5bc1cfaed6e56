package org.vigil.mir.emdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.vigil.mir.FdaEventCodes;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.model.MirReportSamples;

/**
 * The 3500A F10 and H6 codes (21 CFR 803.52(f)(6)) come from the IMDRF codes of the MIR through FDA's
 * CDRH-to-IMDRF crosswalk; what the crosswalk lacks is listed, never dropped.
 */
class FdaEventCodesTests {

    /** Pairs as NCI EVS publishes them in FDA-CDRH_NCIt_Subsets (CDRH Source Code, IMDRF Code). */
    private static final Map<String, String> CROSSWALK = Map.of("A0401", "1069", "E0604", "2513", "F1201", "4615",
            "B17", "4114", "C0402", "102", "D0101", "4301");
    private static final Function<String, Optional<String>> LOOKUP = code -> Optional.ofNullable(CROSSWALK.get(code));

    @Test
    void each_imdrf_annex_of_the_mir_fills_its_3500a_block_and_unknown_codes_are_listed() {
        MirReport report = MirReportSamples.complete(MirReportType.FINAL_REPORTABLE);

        FdaEventCodes codes = FdaEventCodes.fromImdrf(report, LOOKUP);

        assertThat(codes.deviceProblem()).as("F10 device, Annex A").containsExactly("1069");
        assertThat(codes.patientProblem()).as("F10 patient, Annexes E and F").containsExactly("2513", "4615");
        assertThat(codes.evaluationMethod()).as("H6 method, Annex B").containsExactly("4114");
        assertThat(codes.evaluationResult()).as("H6 result, Annex C").containsExactly("102");
        assertThat(codes.evaluationConclusion()).as("H6 conclusion, Annex D").containsExactly("4301");
        assertThat(codes.unmapped()).as("A050101 has no CDRH code in the crosswalk").containsExactly("A050101");
    }

    @Test
    void an_initial_report_without_investigation_codes_has_no_h6_codes() {
        FdaEventCodes codes = FdaEventCodes.fromImdrf(MirReportSamples.complete(MirReportType.INITIAL), LOOKUP);

        assertThat(codes.evaluationMethod()).isEmpty();
        assertThat(codes.evaluationResult()).isEmpty();
        assertThat(codes.evaluationConclusion()).isEmpty();
        assertThat(codes.deviceProblem()).containsExactly("1069");
    }
}
