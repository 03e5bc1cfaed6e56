package org.vigil.udi.gs1;

import java.util.List;

/**
 * The {@code req=} and {@code ex=} attributes of one AI compiled to flat integer tables, so that the
 * pairing checks run on every parse without walking nested lists.
 *
 * <p>Each pattern is stored as (low, high, length): an AI with number {@code a} and {@code length} digits
 * matches when {@code low <= a < high}, i.e. {@code 310n} is [3100, 3110). Range comparisons instead of a
 * division per test: integer division was a measurable part of the parse time. A requirement is
 * [alternative count, then per alternative: pattern count, patterns].
 */
public final class AssociationTable {

    private static final int[] POWERS = {1, 10, 100, 1000, 10000};

    private final int[][] requirements;
    private final int[] excludes;

    AssociationTable(List<List<List<AiPattern>>> requires, List<AiPattern> excludes) {
        this.requirements = new int[requires.size()][];
        for (int r = 0; r < requires.size(); r++) {
            List<List<AiPattern>> alternatives = requires.get(r);
            int size = 1;
            for (List<AiPattern> all : alternatives) {
                size += 1 + 3 * all.size();
            }
            int[] table = new int[size];
            int p = 0;
            table[p++] = alternatives.size();
            for (List<AiPattern> all : alternatives) {
                table[p++] = all.size();
                for (AiPattern pattern : all) {
                    p = put(table, p, pattern);
                }
            }
            this.requirements[r] = table;
        }
        this.excludes = new int[3 * excludes.size()];
        int p = 0;
        for (AiPattern pattern : excludes) {
            p = put(this.excludes, p, pattern);
        }
    }

    private static int put(int[] table, int p, AiPattern pattern) {
        int scale = POWERS[pattern.wildcardDigits()];
        table[p++] = pattern.prefixValue() * scale;
        table[p++] = (pattern.prefixValue() + 1) * scale;
        table[p++] = pattern.length();
        return p;
    }

    int requirementCount() {
        return requirements.length;
    }

    boolean hasExcludes() {
        return excludes.length > 0;
    }

    /** Is requirement {@code r} met by the AIs {@code numbers[0..size)} with {@code lengths}? */
    boolean satisfied(int r, int[] numbers, String[] ais, int size) {
        int[] table = requirements[r];
        int p = 1;
        for (int alternative = 0; alternative < table[0]; alternative++) {
            int patterns = table[p++];
            boolean all = true;
            for (int k = 0; k < patterns; k++, p += 3) {
                if (all && !present(table[p], table[p + 1], table[p + 2], numbers, ais, size)) {
                    all = false;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Does an {@code ex=} pattern match the AI {@code number} of {@code length} digits? */
    boolean excludes(int number, int length) {
        for (int p = 0; p < excludes.length; p += 3) {
            if (number >= excludes[p] && number < excludes[p + 1] && length == excludes[p + 2]) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(int low, int high, int length, int[] numbers, String[] ais, int size) {
        for (int k = 0; k < size; k++) {
            if (numbers[k] >= low && numbers[k] < high && ais[k].length() == length) {
                return true;
            }
        }
        return false;
    }
}
