package org.vigil.mir;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one MIR document.
 *
 * @param kind what the document is
 * @param check which check was applied, e.g. {@code EUDAMED mir_2Type, DTX 3.0.25} or Vigil's structural check of
 *        the MIR form when no official EC schema is configured, so nobody mistakes a structural check for the
 *        official one
 * @param problems every problem found, in document order; empty when the document is valid
 */
public record MirValidationReport(MirDocumentKind kind, String check, List<MirProblem> problems) {

    public MirValidationReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(check, "check");
        problems = List.copyOf(problems);
    }

    /** Whether the document passed: a recognised kind and no problem. */
    public boolean valid() {
        return kind != MirDocumentKind.UNRECOGNISED && problems.isEmpty();
    }
}
