package org.vigil.mir;

import java.util.List;

/**
 * MIR 7.3.1 §4.3, similar incidents ({@code mfr_invest/similarIncidents}).
 *
 * @param codeBasis the IMDRF codes (or the manufacturer's own coding) the incidents were found by
 *        ({@code similarIncidentsBasis}); {@code null} when not given
 * @param periods the counts per period, oldest first ({@code similarIncidentsPeriod}, repeated)
 */
public record SimilarIncidents(String codeBasis, List<SimilarIncidentPeriod> periods) {

    public SimilarIncidents {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** None stated. */
    public static SimilarIncidents none() {
        return new SimilarIncidents(null, List.of());
    }
}
