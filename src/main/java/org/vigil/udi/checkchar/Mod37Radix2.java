package org.vigil.udi.checkchar;

/**
 * ISO/IEC 7064 MOD 37-2 (pure system, radix 2) check character, as used for the ISBT 128 Donation
 * Identification Number (ICCBBA ST-001, "Keyboard entry check character"; worked example in the UK
 * Red Book annex 2: {@code G123498654321} has checksum 17, eye-readable {@code H}, flag value 77).
 */
public final class Mod37Radix2 {

    /** Characters in value order 0..36. */
    public static final String CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

    private Mod37Radix2() {
    }

    public static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c == '*' ? 36 : -1;
    }

    /** Checksum value 0..36 of {@code [from, to)}, or -1 if a character is outside 0-9 A-Z. */
    public static int checksum(CharSequence s, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            int v = value(s.charAt(i));
            if (v < 0 || v == 36) {
                return -1;
            }
            // Horner form of sum(v_i * 2^(n - i)) mod 37
            sum = ((sum + v) * 2) % 37;
        }
        return (38 - sum) % 37;
    }

    public static char character(int checksum) {
        return CHARSET.charAt(checksum);
    }
}
