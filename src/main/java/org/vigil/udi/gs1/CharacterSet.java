package org.vigil.udi.gs1;

/**
 * The character sets a Syntax Dictionary component type letter stands for (GS1 General Specifications
 * section 7.11): {@code N} digits, {@code X} CSET 82, {@code Y} CSET 39, {@code Z} CSET 64 (base64url,
 * with {@code =} padding allowed only at the end).
 */
public enum CharacterSet {
    NUMERIC('N', "digit"),
    CSET82('X', "character allowed in GS1 barcodes (CSET 82)"),
    CSET39('Y', "character of the restricted GS1 set CSET 39 (A-Z, 0-9, # - /)"),
    CSET64('Z', "character of the URL-safe base64 set CSET 64");

    private static final long[] CSET82_BITS = bits(
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");
    private static final long[] CSET39_BITS = bits("#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    private static final long[] CSET64_BITS = bits(
            "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    private final char letter;
    private final String description;

    CharacterSet(char letter, String description) {
        this.letter = letter;
        this.description = description;
    }

    public char letter() {
        return letter;
    }

    /** What a user should be told is expected, e.g. "digit". */
    public String description() {
        return description;
    }

    static CharacterSet ofLetter(char letter) {
        for (CharacterSet set : values()) {
            if (set.letter == letter) {
                return set;
            }
        }
        return null;
    }

    /**
     * Index of the first character of {@code [from, to)} outside this set, or -1 if all belong to it.
     * CSET 64 accepts trailing {@code =} padding (at most two).
     */
    public int firstInvalid(CharSequence s, int from, int to) {
        switch (this) {
            case NUMERIC -> {
                for (int i = from; i < to; i++) {
                    char c = s.charAt(i);
                    if (c < '0' || c > '9') {
                        return i;
                    }
                }
                return -1;
            }
            case CSET82 -> {
                return scan(CSET82_BITS, s, from, to);
            }
            case CSET39 -> {
                return scan(CSET39_BITS, s, from, to);
            }
            default -> {
                int end = to;
                int padding = 0;
                while (end > from && s.charAt(end - 1) == '=' && padding < 2) {
                    end--;
                    padding++;
                }
                return scan(CSET64_BITS, s, from, end);
            }
        }
    }

    private static int scan(long[] bits, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 128 || (bits[c >> 6] & (1L << (c & 63))) == 0) {
                return i;
            }
        }
        return -1;
    }

    private static long[] bits(String chars) {
        long[] bits = new long[2];
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            bits[c >> 6] |= 1L << (c & 63);
        }
        return bits;
    }
}
