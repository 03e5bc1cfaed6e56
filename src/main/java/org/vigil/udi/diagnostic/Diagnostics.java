package org.vigil.udi.diagnostic;

import java.util.ArrayList;
import java.util.List;
import org.vigil.udi.UdiProblem;

/**
 * Collects the problems found while reading one input, shared by the four issuer parsers.
 *
 * <p>Why a collector instead of exceptions: a hospital user needs <em>every</em> problem at once, and
 * throwing for control flow would cost far more than the parse itself on the hot path. The collector
 * clamps positions into {@code [0, inputLength]} so a parser bug can never leak an out-of-range position,
 * and caps the number of problems so that hostile input cannot make the result grow without bound.
 */
public final class Diagnostics {

    /** Upper bound on reported problems; one more entry says that the rest were left out. */
    public static final int MAX_PROBLEMS = 50;

    private final int inputLength;
    private ArrayList<UdiProblem> problems;
    private boolean truncated;

    public Diagnostics(int inputLength) {
        this.inputLength = inputLength;
    }

    /** Records a problem at {@code position} (0-based, clamped into the input). */
    public void add(int position, String message) {
        if (problems == null) {
            problems = new ArrayList<>(4);
        }
        if (problems.size() >= MAX_PROBLEMS) {
            if (!truncated) {
                truncated = true;
                problems.add(new UdiProblem(clamp(position), "more problems were found but are not listed"));
            }
            return;
        }
        problems.add(new UdiProblem(clamp(position), message));
    }

    private int clamp(int position) {
        return Math.max(0, Math.min(position, inputLength));
    }

    public boolean isEmpty() {
        return problems == null || problems.isEmpty();
    }

    public int count() {
        return problems == null ? 0 : problems.size();
    }

    /** {@code true} once the cap is reached: callers may stop looking for more. */
    public boolean full() {
        return truncated;
    }

    public int inputLength() {
        return inputLength;
    }

    /** Immutable snapshot, in the order found. */
    public List<UdiProblem> toList() {
        return problems == null ? List.of() : List.copyOf(problems);
    }
}
