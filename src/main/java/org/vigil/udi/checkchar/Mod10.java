package org.vigil.udi.checkchar;

/**
 * GS1 standard check digit (GS1 General Specifications section 7.9.1): weights 3 and 1 alternating
 * from the right, the check digit brings the sum to a multiple of 10.
 */
public final class Mod10 {

    private Mod10() {
    }

    /** Check digit value for the digits in {@code [from, to)}, or -1 if a non-digit is present. */
    public static int compute(CharSequence s, int from, int to) {
        int sum = 0;
        boolean weightThree = true;
        for (int i = to - 1; i >= from; i--) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            sum += weightThree ? (c - '0') * 3 : c - '0';
            weightThree = !weightThree;
        }
        return (10 - sum % 10) % 10;
    }

    /** {@code true} when the last digit of {@code [from, to)} is the check digit of the others. */
    public static boolean valid(CharSequence s, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        int expected = compute(s, from, to - 1);
        char last = s.charAt(to - 1);
        return expected >= 0 && last == (char) ('0' + expected);
    }
}
