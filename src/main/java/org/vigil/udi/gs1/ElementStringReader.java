package org.vigil.udi.gs1;

import org.vigil.udi.diagnostic.Diagnostics;
import org.vigil.udi.text.Chars;

/**
 * Splits GS1 element strings into AI elements, in the three textual forms users meet:
 * <ul>
 * <li>scan data after the AIM symbology identifier: AIs with GS (0x1D) as FNC1 separator
 * (GS1 General Specifications sections 5.1.2 and 7.8.5);</li>
 * <li>unbracketed GS1 notation: leading {@code ^} = FNC1 in first position, {@code ^} as separator,
 * {@code \^} for a literal caret (GS1 Barcode Syntax Engine convention);</li>
 * <li>bracketed human-readable interpretation {@code (01)…(10)…} (GenSpecs 4.15), {@code \(} for a
 * literal bracket.</li>
 * </ul>
 * Only splitting happens here: content rules are applied afterwards by {@link ElementValidator}, so
 * every form is validated by the same code.
 *
 * <p>Splitting follows GenSpecs 7.8.5: after an AI of predefined length ({@code *} in the dictionary)
 * the next AI follows directly; after any other AI the data runs to the next FNC1 or the end. An FNC1
 * after a predefined-length AI is redundant and tolerated, as scanners and printers often emit it.
 */
public final class ElementStringReader {

    /** GS, how scanners transmit FNC1 in the middle of GS1 data. */
    public static final char GS = '\u001D';

    private final SyntaxDictionary dictionary;

    public ElementStringReader(SyntaxDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Scan data: element string with GS separators in {@code [from, to)} of {@code input}. */
    public void readScanData(String input, int from, int to, Diagnostics diagnostics, ElementList out) {
        if (from >= to) {
            diagnostics.add(from, "the barcode holds no GS1 data after the symbology identifier");
            return;
        }
        split(input, from, to, GS, null, diagnostics, out);
    }

    /** Unbracketed GS1 notation starting with {@code ^} at {@code from}. */
    public void readUnbracketed(String input, int from, int to, Diagnostics diagnostics, ElementList out) {
        if (from >= to || input.charAt(from) != '^') {
            diagnostics.add(from, "GS1 element strings in this notation must start with ^ (FNC1)");
            return;
        }
        int backslash = input.indexOf('\\', from);
        if (backslash < 0 || backslash >= to) {
            split(input, from, to, '^', null, diagnostics, out);
            return;
        }
        // Rare path: "\^" stands for a literal caret. Rewrite to GS-separated data with a position map.
        StringBuilder data = new StringBuilder(to - from);
        int[] map = new int[to - from];
        for (int i = from; i < to; i++) {
            char c = input.charAt(i);
            if (c == '\\' && i + 1 < to && input.charAt(i + 1) == '^') {
                map[data.length()] = i + 1;
                data.append('^');
                i++;
            } else {
                map[data.length()] = i;
                data.append(c == '^' ? GS : c);
            }
        }
        split(data.toString(), 0, data.length(), GS, java.util.Arrays.copyOf(map, data.length()), diagnostics,
                out);
    }

    /** Bracketed form starting with {@code (} at {@code from}. */
    public void readBracketed(String input, int from, int to, Diagnostics diagnostics, ElementList out) {
        int i = from;
        if (i >= to || input.charAt(i) != '(') {
            diagnostics.add(i, "bracketed GS1 data must start with an AI in brackets, e.g. (01)");
            return;
        }
        while (i < to && !diagnostics.full()) {
            if (out.size() >= ElementList.MAX_ELEMENTS) {
                diagnostics.add(i, "too many AI elements (more than " + ElementList.MAX_ELEMENTS + ")");
                return;
            }
            int open = i;
            int close = open + 1;
            while (close < to && input.charAt(close) != ')' && close - open <= 10) {
                close++;
            }
            if (close >= to || input.charAt(close) != ')') {
                diagnostics.add(open, "the AI bracket opened here is not closed with \")\"");
                return;
            }
            String ai = input.substring(open + 1, close);
            int valueStart = close + 1;
            // The value runs to the next unescaped "(".
            int end = valueStart;
            boolean escaped = false;
            while (end < to && input.charAt(end) != '(') {
                if (input.charAt(end) == '\\' && end + 1 < to && input.charAt(end + 1) == '(') {
                    escaped = true;
                    end++;
                }
                end++;
            }
            String value;
            int[] map = null;
            if (escaped) {
                StringBuilder sb = new StringBuilder(end - valueStart);
                int[] positions = new int[end - valueStart];
                for (int k = valueStart; k < end; k++) {
                    char c = input.charAt(k);
                    if (c == '\\' && k + 1 < end && input.charAt(k + 1) == '(') {
                        k++;
                        c = '(';
                    }
                    positions[sb.length()] = k;
                    sb.append(c);
                }
                value = sb.toString();
                map = java.util.Arrays.copyOf(positions, sb.length());
            } else {
                value = input.substring(valueStart, end);
            }
            addElement(ai, open + 1, value, valueStart, map, diagnostics, out);
            i = end;
        }
    }

    private void addElement(String ai, int aiPosition, String value, int valuePosition, int[] map,
            Diagnostics diagnostics, ElementList out) {
        if (ai.length() < 2 || ai.length() > 4 || !allDigits(ai)) {
            diagnostics.add(aiPosition, "\"" + ai + "\" is not a GS1 Application Identifier (2 to 4 digits)");
            return;
        }
        AiDefinition definition = dictionary.lookup(ai);
        if (definition == null) {
            diagnostics.add(aiPosition, "AI (" + ai + ") is not a known GS1 Application Identifier");
        }
        if (value.isEmpty()) {
            diagnostics.add(valuePosition, "AI (" + ai + ") has no data");
        }
        out.add(definition, ai, value, aiPosition, valuePosition, map);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Core splitter over {@code [from, to)} of {@code data} with {@code separator} as FNC1. Positions
     * are mapped through {@code map} (data index to input position) when it is not {@code null}.
     */
    private void split(String data, int from, int to, char separator, int[] map, Diagnostics diagnostics,
            ElementList out) {
        int i = from;
        int problemsBefore = diagnostics.count();
        int elementsBefore = out.size();
        // Stays true while the text is exactly the canonical unbracketed form of what is read.
        boolean canonical = map == null && separator == '^' && data.charAt(i) == '^';
        if (data.charAt(i) == separator) {
            i++; // FNC1 in first position marks GS1 data
        }
        // Position of the next separator at or after i (to if none): found once and reused, so the
        // whole input is searched for separators in a single pass.
        int nextSeparator = -1;
        while (i < to && !diagnostics.full()) {
            if (nextSeparator < i) {
                // Not searched yet or already passed. A separator found from an earlier position that
                // lies at or after i is still the first one after i.
                int found = Chars.indexOf(data, separator, i, to);
                nextSeparator = found < 0 ? to : found;
            }
            char c = data.charAt(i);
            if (c == separator) {
                canonical = false;
                if (i + 1 < to) {
                    diagnostics.add(at(map, i), "two FNC1 separators in a row: an AI was expected here");
                } else {
                    out.trailingFnc1 = true; // harmless; remembered for scan data
                }
                i++;
                continue;
            }
            if (out.size() >= ElementList.MAX_ELEMENTS) {
                diagnostics.add(at(map, i), "too many AI elements (more than " + ElementList.MAX_ELEMENTS + ")");
                return;
            }
            int aiStart = i;
            if (i + 1 >= to || !isDigit(c) || !isDigit(data.charAt(i + 1))) {
                diagnostics.add(at(map, i), "a GS1 Application Identifier (digits) was expected here");
                i = skipToSeparator(data, i, to, separator);
                continue;
            }
            int aiLength = dictionary.aiLength(c, data.charAt(i + 1));
            if (aiLength == 0) {
                diagnostics.add(at(map, i), "AI starting \"" + data.substring(i, i + 2)
                        + "\" is not a known GS1 Application Identifier");
                i = skipToSeparator(data, i, to, separator);
                continue;
            }
            if (i + aiLength > to) {
                diagnostics.add(at(map, i), "the data ends in the middle of an AI");
                return;
            }
            AiDefinition definition = dictionary.lookup(data, i, aiLength);
            if (definition == null) {
                String ai = data.substring(i, i + aiLength);
                diagnostics.add(at(map, i), "AI (" + ai + ") is not a known GS1 Application Identifier");
                i = skipToSeparator(data, i, to, separator);
                continue;
            }
            int valueStart = i + aiLength;
            int valueEnd;
            int next;
            if (definition.predefinedLength()) {
                valueEnd = Math.min(valueStart + definition.maxLength(), to);
                if (nextSeparator < valueEnd) {
                    valueEnd = nextSeparator; // too short: reported by the validator
                    canonical = false;
                }
                next = valueEnd;
                if (next < to && data.charAt(next) == separator) {
                    next++; // redundant FNC1 after a predefined-length AI is tolerated
                    canonical = false;
                }
            } else {
                int sep = nextSeparator < to ? nextSeparator : -1;
                valueEnd = sep < 0 ? to : sep;
                next = sep < 0 ? to : sep + 1;
                if (next == to && sep >= 0) {
                    out.trailingFnc1 = true;
                    canonical = false;
                }
            }
            String value = data.substring(valueStart, valueEnd);
            int[] valueMap = map == null ? null : java.util.Arrays.copyOfRange(map, valueStart, valueEnd);
            int valuePosition = at(map, valueStart);
            if (value.isEmpty()) {
                diagnostics.add(valuePosition, definition.label() + " has no data");
            }
            out.add(definition, definition.ai(), value, at(map, aiStart), valuePosition, valueMap);
            i = next;
        }
        if (canonical && elementsBefore == 0 && diagnostics.count() == problemsBefore && out.size() > 0) {
            out.canonicalUnbracketed = from == 0 && to == data.length() ? data : data.substring(from, to);
        }
    }

    private static int at(int[] map, int index) {
        if (map == null) {
            return index;
        }
        if (map.length == 0) {
            return 0;
        }
        return index < map.length ? map[index] : map[map.length - 1] + 1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipToSeparator(String s, int from, int to, char separator) {
        int sep = Chars.indexOf(s, separator, from, to);
        return sep < 0 ? to : sep + 1;
    }
}
