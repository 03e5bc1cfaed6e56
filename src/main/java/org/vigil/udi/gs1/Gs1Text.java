package org.vigil.udi.gs1;

/**
 * Writes AI elements back out as text: bracketed HRI, unbracketed GS1 notation and the data part of
 * scan data. FNC1 separators are emitted only where GS1 General Specifications section 7.8.5 requires
 * them: after an AI that is not of predefined length, and never after the last element.
 */
public final class Gs1Text {

    private Gs1Text() {
    }

    /**
     * Bracketed human-readable interpretation, {@code (01)09506000134352(17)261231}; "(" in data as
     * {@code \\(}. Runs on every parse, so it is written into an exactly sized array: bytes when every
     * value is known to be ASCII (validated data), chars otherwise.
     */
    public static String hri(ElementList elements) {
        return hri(elements, false);
    }

    /** As {@link #hri(ElementList)}; {@code ascii} promises that every value holds ASCII only. */
    public static String hri(ElementList elements, boolean ascii) {
        String quick = concatenatedHri(elements);
        if (quick != null) {
            return quick;
        }
        int length = 0;
        for (int i = 0; i < elements.size; i++) {
            length += elements.ais[i].length() + 2 + escapedLength(elements.values[i], '(');
        }
        if (ascii) {
            byte[] out = new byte[length];
            int p = 0;
            for (int i = 0; i < elements.size; i++) {
                out[p++] = '(';
                p = copyAscii(elements.ais[i], out, p);
                out[p++] = ')';
                String value = elements.values[i];
                if (value.indexOf('(') < 0) {
                    p = copyAscii(value, out, p);
                } else {
                    for (int k = 0; k < value.length(); k++) {
                        char c = value.charAt(k);
                        if (c == '(') {
                            out[p++] = '\\';
                        }
                        out[p++] = (byte) c;
                    }
                }
            }
            return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        char[] out = new char[length];
        int p = 0;
        for (int i = 0; i < elements.size; i++) {
            out[p++] = '(';
            String ai = elements.ais[i];
            ai.getChars(0, ai.length(), out, p);
            p += ai.length();
            out[p++] = ')';
            p = copyEscaped(elements.values[i], '(', out, p);
        }
        return new String(out);
    }

    /**
     * The usual UDI has one to six elements and no "(" in its data: then the JDK's string concatenation
     * builds the HRI in one exactly sized, uninitialised array, which profiling showed is markedly cheaper
     * than filling an array of our own. {@code null} when the general path is needed.
     */
    private static String concatenatedHri(ElementList e) {
        int n = e.size;
        if (n > 6) {
            return null;
        }
        String[] a = e.ais;
        String[] v = e.values;
        for (int i = 0; i < n; i++) {
            if (v[i].indexOf('(') >= 0) {
                return null;
            }
        }
        return switch (n) {
            case 1 -> "(" + a[0] + ")" + v[0];
            case 2 -> "(" + a[0] + ")" + v[0] + "(" + a[1] + ")" + v[1];
            case 3 -> "(" + a[0] + ")" + v[0] + "(" + a[1] + ")" + v[1] + "(" + a[2] + ")" + v[2];
            case 4 -> "(" + a[0] + ")" + v[0] + "(" + a[1] + ")" + v[1] + "(" + a[2] + ")" + v[2] + "(" + a[3] + ")"
                    + v[3];
            case 5 -> "(" + a[0] + ")" + v[0] + "(" + a[1] + ")" + v[1] + "(" + a[2] + ")" + v[2] + "(" + a[3] + ")"
                    + v[3] + "(" + a[4] + ")" + v[4];
            case 6 -> "(" + a[0] + ")" + v[0] + "(" + a[1] + ")" + v[1] + "(" + a[2] + ")" + v[2] + "(" + a[3] + ")"
                    + v[3] + "(" + a[4] + ")" + v[4] + "(" + a[5] + ")" + v[5];
            default -> null;
        };
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exact for ASCII and fast
    private static int copyAscii(String s, byte[] out, int p) {
        s.getBytes(0, s.length(), out, p);
        return p + s.length();
    }

    /** Unbracketed GS1 notation: leading {@code ^} (FNC1), {@code ^} separators, {@code \^} for a caret. */
    public static String unbracketed(ElementList elements) {
        if (elements.canonicalUnbracketed != null) {
            return elements.canonicalUnbracketed;
        }
        int length = 1;
        for (int i = 0; i < elements.size; i++) {
            length += elements.ais[i].length() + escapedLength(elements.values[i], '^');
            if (i < elements.size - 1 && needsSeparatorAfter(elements, i)) {
                length++;
            }
        }
        char[] out = new char[length];
        out[0] = '^';
        int p = 1;
        for (int i = 0; i < elements.size; i++) {
            String ai = elements.ais[i];
            ai.getChars(0, ai.length(), out, p);
            p += ai.length();
            p = copyEscaped(elements.values[i], '^', out, p);
            if (i < elements.size - 1 && needsSeparatorAfter(elements, i)) {
                out[p++] = '^';
            }
        }
        return new String(out);
    }

    private static int escapedLength(String value, char special) {
        int length = value.length();
        // String.indexOf is a vectorised intrinsic: most values have nothing to escape
        for (int k = value.indexOf(special); k >= 0; k = value.indexOf(special, k + 1)) {
            length++;
        }
        return length;
    }

    private static int copyEscaped(String value, char special, char[] out, int p) {
        if (value.indexOf(special) < 0) {
            value.getChars(0, value.length(), out, p);
            return p + value.length();
        }
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == special) {
                out[p++] = '\\';
            }
            out[p++] = c;
        }
        return p;
    }

    /** Element string with {@code separator} as FNC1 and no leading FNC1 (the scan-data body). */
    public static void appendBody(StringBuilder sb, ElementList elements, char separator) {
        for (int i = 0; i < elements.size; i++) {
            sb.append(elements.ais[i]);
            String value = elements.values[i];
            if (separator == '^' && value.indexOf('^') >= 0) {
                sb.append(value.replace("^", "\\^"));
            } else {
                sb.append(value);
            }
            if (i < elements.size - 1 && needsSeparatorAfter(elements, i)) {
                sb.append(separator);
            }
        }
    }

    /** {@code true} when the element at {@code index} must be followed by FNC1 if anything follows. */
    static boolean needsSeparatorAfter(ElementList elements, int index) {
        AiDefinition definition = elements.definitions[index];
        return definition == null || !definition.predefinedLength();
    }
}
