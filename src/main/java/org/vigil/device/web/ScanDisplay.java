package org.vigil.device.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.vigil.device.DeviceLookup;
import org.vigil.udi.UdiProblem;

/**
 * A scan shown character by character, control characters as visible symbols, with the characters problems point
 * at marked, so a person sees where a bad scan went wrong.
 */
record ScanDisplay(List<Cell> cells, List<Problem> problems) {

    /** One shown character; {@code marked} when a problem points at it. */
    record Cell(String text, boolean control, boolean marked, int position) {
    }

    /** A problem with its one-based position for people. */
    record Problem(int position, String message) {
    }

    static ScanDisplay of(DeviceLookup lookup) {
        String scan = lookup.scan();
        Set<Integer> positions = new TreeSet<>();
        var problems = new ArrayList<Problem>();
        if (lookup.udi() != null) {
            for (UdiProblem problem : lookup.udi().problems()) {
                positions.add(problem.position());
                problems.add(new Problem(problem.position() + 1, problem.message()));
            }
        }
        var cells = new ArrayList<Cell>();
        for (int i = 0; i < scan.length(); i++) {
            char c = scan.charAt(i);
            String shown = switch (c) {
                case 0x1D -> "GS";
                case 0x1E -> "RS";
                case 0x04 -> "EOT";
                default -> c < 0x20 ? String.format("0x%02X", (int) c) : String.valueOf(c);
            };
            cells.add(new Cell(shown, c < 0x20, positions.contains(i), i + 1));
        }
        if (positions.contains(scan.length())) {
            cells.add(new Cell("…", true, true, scan.length() + 1));
        }
        return new ScanDisplay(cells, problems);
    }
}
