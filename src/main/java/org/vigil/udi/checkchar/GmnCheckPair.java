package org.vigil.udi.checkchar;

/**
 * The GS1 check character pair for the Global Model Number (GMN, the GS1 form of the EU Basic UDI-DI)
 * and for AI (8013)/(8014): GS1 General Specifications section 7.9.5 ("Check character calculation
 * for GMN"), an ISO/IEC 7064 MOD 1271-36 style hybrid: every character's CSET 82 value is multiplied by a
 * prime weight (the rightmost character gets 2, then 3, 5, 7, ... leftwards), the sum is taken modulo
 * 1021 and written as two characters of CSET 32 (quotient and remainder of division by 32).
 * HIBCC uses the same "mod 1021 / mod 32" construction for its Basic UDI-DI.
 */
public final class GmnCheckPair {

    /** GS1 AI encodable character set 82 in value order (GS1 General Specifications figure 7.11-1). */
    public static final String CSET82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    /** GS1 AI encodable character set 32 in value order (GS1 General Specifications figure 7.11-3). */
    public static final String CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private static final int[] PRIMES = {
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83
    };
    /** Longest body the weights cover; the GMN is at most 25 characters including the pair. */
    public static final int MAX_BODY = PRIMES.length;

    private static final byte[] CSET82_VALUES = new byte[128];

    static {
        java.util.Arrays.fill(CSET82_VALUES, (byte) -1);
        for (int i = 0; i < CSET82.length(); i++) {
            CSET82_VALUES[CSET82.charAt(i)] = (byte) i;
        }
    }

    private GmnCheckPair() {
    }

    public static int cset82Value(char c) {
        return c < 128 ? CSET82_VALUES[c] : -1;
    }

    /**
     * Check pair for the body {@code [from, to)}, or {@code null} if the body is longer than
     * {@link #MAX_BODY} or holds a character outside CSET 82.
     */
    public static String compute(CharSequence s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_BODY) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < length; i++) {
            int v = cset82Value(s.charAt(from + i));
            if (v < 0) {
                return null;
            }
            // weights run from the right: the last body character gets the smallest prime
            sum += v * PRIMES[length - 1 - i];
        }
        sum %= 1021;
        return new String(new char[] {CSET32.charAt(sum >> 5), CSET32.charAt(sum & 31)});
    }
}
