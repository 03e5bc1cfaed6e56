package org.vigil.udi.checkchar;

/**
 * HIBC modulus 43 check character (ANSI/HIBC 2.6 section "Check character calculation"; the same
 * character values as Code 39, ISO/IEC 16388): the sum of the values of every character, including the
 * leading {@code +}, modulo 43.
 */
public final class Mod43 {

    /** Code 39 character set in value order 0..42. */
    public static final String CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";

    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            VALUES[CHARSET.charAt(i)] = (byte) i;
        }
    }

    private Mod43() {
    }

    /** Value of {@code c} in the Code 39 set, or -1. */
    public static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }

    /** Check character for {@code [from, to)}, or {@code 0} (NUL) if a character is outside the set. */
    public static char compute(CharSequence s, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            int v = value(s.charAt(i));
            if (v < 0) {
                return 0;
            }
            sum += v;
        }
        return CHARSET.charAt(sum % 43);
    }
}
