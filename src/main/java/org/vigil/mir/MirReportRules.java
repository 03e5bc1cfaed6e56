package org.vigil.mir;

import java.util.List;

import org.vigil.mir.domain.MirReportCheck;
import org.vigil.shared.InvalidInputException;

/**
 * What a MIR 7.3.1 report must carry before it is sent, per report type (MDR Art. 87 and 89, IVDR Art. 82 and 84;
 * MDCG 2023-3): an initial report the essentials of §1–§3 and a preliminary analysis, a final report the root cause,
 * the IMDRF Annex B, C and D codes and the conclusions of §4 and, for a reportable incident, similar incidents (§4.3).
 * Also lengths and formats (dates in order, SRN {@code XX-MF-000000000}, UDI-DI and Basic UDI-DI by the
 * {@code org.vigil.udi} parser, country and IMDRF codes). Each problem names the form element's path and MIR section.
 */
public final class MirReportRules {

    private MirReportRules() {
    }

    /** Every problem of {@code report} in the order of the form; empty when it may be sent. */
    public static List<MirProblem> check(MirReport report) {
        return MirReportCheck.check(report);
    }

    /**
     * Throws when {@code report} may not be sent.
     *
     * @throws InvalidInputException with one field error per problem, the field being the element's path in the form
     */
    public static void requireValid(MirReport report) {
        List<MirProblem> problems = check(report);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(problem -> new InvalidInputException.FieldError(problem.xpath(), problem.message()))
                    .toList());
        }
    }
}
