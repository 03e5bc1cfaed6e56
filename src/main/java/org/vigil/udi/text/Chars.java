package org.vigil.udi.text;

/**
 * Character helpers shared by the issuer parsers: bounded search inside a field, and showing scanned
 * characters in messages so that invisible control characters (GS, RS, EOT) can be read by a person.
 */
public final class Chars {

    private Chars() {
    }

    /**
     * Index of {@code c} in {@code [from, to)} of {@code s}, or -1. Uses {@link String#indexOf(int, int)},
     * a vectorised intrinsic, and discards a hit past {@code to}.
     */
    public static int indexOf(String s, char c, int from, int to) {
        int index = s.indexOf(c, from);
        return index < to ? index : -1;
    }

    /** One character as shown in a message: control characters by name or code, e.g. {@code <GS>}. */
    public static String printable(char c) {
        return switch (c) {
            case 0x1D -> "<GS>";
            case 0x1E -> "<RS>";
            case 0x04 -> "<EOT>";
            default -> c < 0x20 || c == 0x7F ? String.format("<0x%02X>", (int) c) : String.valueOf(c);
        };
    }

    /** Text as shown in a message: control characters made visible, long text shortened. */
    public static String printable(String value) {
        boolean plain = true;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20 || value.charAt(i) == 0x7F) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return value.length() > 40 ? value.substring(0, 40) + "…" : value;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < 60; i++) {
            sb.append(printable(value.charAt(i)));
        }
        return sb.toString();
    }
}
