package org.vigil.mir;

import java.util.List;

/**
 * MIR 7.3.1 §5, comments and distribution ({@code comments}, after {@code mfr_invest}).
 *
 * @param comments §5 general comments ({@code generalComments}); {@code null} when none
 * @param distribution §5 the other competent authorities the report is also sent to ({@code distributionNCA},
 *        repeated)
 */
public record Comments(String comments, List<String> distribution) {

    public Comments {
        distribution = distribution == null ? List.of() : List.copyOf(distribution);
    }

    /** No comments, no further distribution. */
    public static Comments none() {
        return new Comments(null, List.of());
    }
}
