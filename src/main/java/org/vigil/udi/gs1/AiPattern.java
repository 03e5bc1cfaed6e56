package org.vigil.udi.gs1;

/**
 * An AI or AI pattern from a {@code req=} / {@code ex=} attribute, e.g. {@code 01}, {@code 310n} or
 * {@code 31nn}: every {@code n} matches any digit. Kept numeric so that matching against parsed AIs is
 * integer arithmetic, not string work, on the hot path.
 */
public record AiPattern(String text, int prefixValue, int wildcardDigits, int length) {

    private static final int[] POWERS = {1, 10, 100, 1000, 10000};

    public static AiPattern parse(String text) {
        int firstWildcard = text.indexOf('n');
        String prefix = firstWildcard < 0 ? text : text.substring(0, firstWildcard);
        int wildcards = text.length() - prefix.length();
        return new AiPattern(text, Integer.parseInt(prefix), wildcards, text.length());
    }

    /** Does the AI with numeric value {@code ai} and {@code aiLength} digits match? */
    public boolean matches(int ai, int aiLength) {
        int scale = POWERS[wildcardDigits];
        return aiLength == length && ai >= prefixValue * scale && ai < (prefixValue + 1) * scale;
    }

    /** Human-readable form: {@code (01)} or {@code (310n)}. */
    public String display() {
        return "(" + text + ")";
    }
}
