package org.vigil.udi;

import java.util.Objects;

/**
 * One problem found in a scanned UDI.
 *
 * @param position 0-based character position in the input where the problem is, always within
 *                 {@code [0, input.length()]} (the length itself means "at the end": something is missing)
 * @param message  plain-language reason meant for a hospital user, e.g.
 *                 {@code AI (17) expiry date "261332": month 13 does not exist}
 */
public record UdiProblem(int position, String message) {
    public UdiProblem {
        Objects.requireNonNull(message, "message");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
    }
}
