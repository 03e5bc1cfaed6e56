package org.vigil.udi;

import java.util.List;

/**
 * Outcome of a generation or check-character computation: either a value or the problems that
 * prevented it. Never both.
 *
 * @param value    the generated text, {@code null} when {@code problems} is not empty
 * @param problems why no value could be produced; positions refer to the text that was given
 */
public record Conversion(String value, List<UdiProblem> problems) {
    public Conversion {
        problems = List.copyOf(problems);
        if ((value == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("exactly one of value and problems must be present");
        }
    }

    /** A successful outcome. */
    public static Conversion of(String value) {
        return new Conversion(value, List.of());
    }

    /** A failed outcome. */
    public static Conversion failed(List<UdiProblem> problems) {
        return new Conversion(null, problems);
    }

    /** {@code true} when a value was produced. */
    public boolean succeeded() {
        return value != null;
    }
}
