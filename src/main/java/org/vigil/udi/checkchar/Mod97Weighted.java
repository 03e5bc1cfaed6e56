package org.vigil.udi.checkchar;

/**
 * IFA two-digit check for the PPN and the IFA Basic UDI-DI (IFA "Technical Information – Check Digit
 * Calculations"; IFA specification "PPN-Code for Pharmaceutical Products"): the ASCII code of every
 * character is multiplied by its position weight starting at 2 for the first character, the products
 * are summed and the sum modulo 97 is written as two digits.
 * Example: PZN 03752864 as PPN {@code 110375286414} has check digits {@code 14}.
 */
public final class Mod97Weighted {

    private Mod97Weighted() {
    }

    /** Check value 0..96 for {@code [from, to)}. */
    public static int compute(CharSequence s, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += s.charAt(i) * (i - from + 2);
        }
        return sum % 97;
    }

    public static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
