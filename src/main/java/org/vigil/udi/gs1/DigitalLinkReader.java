package org.vigil.udi.gs1;

import java.util.ArrayList;
import java.util.List;
import org.vigil.udi.diagnostic.Diagnostics;
import org.vigil.udi.text.Chars;

/**
 * Extracts AI elements from a GS1 Digital Link URI (GS1 Digital Link Standard: URI Syntax 1.x,
 * sections 4 and 6) on any domain: the path ends with a primary key and its qualifiers
 * ({@code /01/…/10/…/21/…}, in the order the dictionary's {@code dlpkey} attribute allows, possibly after
 * a custom path prefix), the query string carries data attributes ({@code ?17=…&3103=…}). Values are
 * percent-decoded (RFC 3986 2.1); query parameters whose key is not numeric (e.g. {@code linkType})
 * belong to the resolver and are ignored; numeric keys must be known AIs permitted as attributes
 * ({@code ?} flag).
 */
public final class DigitalLinkReader {

    private final SyntaxDictionary dictionary;

    public DigitalLinkReader(SyntaxDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** {@code true} if {@code input} at {@code from} starts with {@code http://} or {@code https://}. */
    public static boolean looksLikeUri(String input, int from) {
        return input.regionMatches(true, from, "https://", 0, 8) || input.regionMatches(true, from, "http://", 0, 7);
    }

    public void read(String input, int from, int to, Diagnostics d, ElementList out) {
        int schemeEnd = input.regionMatches(true, from, "https://", 0, 8) ? from + 8 : from + 7;
        int end = Chars.indexOf(input, '#', schemeEnd, to);
        if (end < 0) {
            end = to;
        }
        int query = Chars.indexOf(input, '?', schemeEnd, end);
        int pathEnd = query < 0 ? end : query;
        int hostEnd = Chars.indexOf(input, '/', schemeEnd, pathEnd);
        if (hostEnd == schemeEnd) {
            d.add(schemeEnd, "the web address has no domain name");
            return;
        }
        if (hostEnd < 0) {
            d.add(pathEnd, "the web address has no path, so it carries no GS1 primary key such as /01/ (GTIN)");
            return;
        }
        for (int i = schemeEnd; i < to; i++) {
            char c = input.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                d.add(i, "a web address may not contain spaces or control characters (found "
                        + Chars.printable(c) + ")");
                return;
            }
        }
        // Path segments with their start positions; a trailing "/" is tolerated.
        List<int[]> segments = new ArrayList<>();
        int start = hostEnd + 1;
        while (start <= pathEnd) {
            int slash = Chars.indexOf(input, '/', start, pathEnd);
            int segmentEnd = slash < 0 ? pathEnd : slash;
            if (!(segmentEnd == start && slash < 0)) {
                segments.add(new int[] {start, segmentEnd});
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        if (segments.size() > 2 * ElementList.MAX_ELEMENTS) {
            d.add(hostEnd, "the web address has too many path segments");
            return;
        }
        int keyIndex = findPrimaryKey(input, segments);
        if (keyIndex < 0) {
            d.add(hostEnd, "no GS1 primary key (such as /01/ followed by a GTIN) was found at the end of the "
                    + "web address path");
            return;
        }
        AiDefinition key = aiAt(input, segments.get(keyIndex));
        List<String> qualifiers = new ArrayList<>();
        for (int s = keyIndex; s < segments.size(); s += 2) {
            int[] aiSegment = segments.get(s);
            int[] valueSegment = segments.get(s + 1);
            String ai = input.substring(aiSegment[0], aiSegment[1]);
            if (s > keyIndex) {
                qualifiers.add(ai);
            }
            addDecoded(ai, aiSegment[0], input, valueSegment[0], valueSegment[1], d, out);
        }
        checkQualifierOrder(key, qualifiers, segments, keyIndex, d);
        if (query >= 0) {
            readQuery(input, query + 1, end, d, out);
        }
    }

    /** Leftmost segment that is a primary key followed only by known (AI, value) pairs. */
    private int findPrimaryKey(String input, List<int[]> segments) {
        for (int k = 0; k + 1 < segments.size(); k++) {
            if ((segments.size() - k) % 2 != 0) {
                continue;
            }
            AiDefinition definition = aiAt(input, segments.get(k));
            if (definition == null || !definition.dlPrimaryKey()) {
                continue;
            }
            boolean pairs = true;
            for (int s = k + 2; s < segments.size(); s += 2) {
                if (aiAt(input, segments.get(s)) == null) {
                    pairs = false;
                    break;
                }
            }
            if (pairs) {
                return k;
            }
        }
        return -1;
    }

    private AiDefinition aiAt(String input, int[] segment) {
        int length = segment[1] - segment[0];
        return length >= 2 && length <= 4 ? dictionary.lookup(input, segment[0], length) : null;
    }

    private static void checkQualifierOrder(AiDefinition key, List<String> qualifiers, List<int[]> segments,
            int keyIndex, Diagnostics d) {
        if (qualifiers.isEmpty()) {
            return;
        }
        for (List<String> path : key.dlQualifierPaths()) {
            int p = 0;
            boolean fits = true;
            for (String qualifier : qualifiers) {
                while (p < path.size() && !path.get(p).equals(qualifier)) {
                    p++;
                }
                if (p == path.size()) {
                    fits = false;
                    break;
                }
                p++;
            }
            if (fits) {
                return;
            }
        }
        d.add(segments.get(keyIndex + 2)[0], "after AI (" + key.ai() + ") the path may only hold "
                + describePaths(key) + ", in that order");
    }

    static String describePaths(AiDefinition key) {
        StringBuilder sb = new StringBuilder();
        for (List<String> path : key.dlQualifierPaths()) {
            if (path.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(" or ");
            }
            sb.append("AI ");
            for (int i = 0; i < path.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('(').append(path.get(i)).append(')');
            }
        }
        return sb.isEmpty() ? "nothing" : sb.toString();
    }

    private void readQuery(String input, int from, int to, Diagnostics d, ElementList out) {
        int start = from;
        while (start < to && !d.full()) {
            int amp = Chars.indexOf(input, '&', start, to);
            int paramEnd = amp < 0 ? to : amp;
            int equals = Chars.indexOf(input, '=', start, paramEnd);
            if (equals > start && isDigits(input, start, equals)) {
                String ai = input.substring(start, equals);
                AiDefinition definition = equals - start >= 2 && equals - start <= 4 ? dictionary.lookup(ai) : null;
                if (definition == null) {
                    d.add(start, "AI (" + ai + ") in the web address query is not a known GS1 Application Identifier");
                } else if (!definition.dlAttribute()) {
                    d.add(start, definition.label() + " is not allowed as a data attribute in a GS1 Digital Link "
                            + "web address");
                } else {
                    addDecoded(ai, start, input, equals + 1, paramEnd, d, out);
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
    }

    private void addDecoded(String ai, int aiPosition, String input, int from, int to, Diagnostics d,
            ElementList out) {
        if (out.size() >= ElementList.MAX_ELEMENTS) {
            d.add(aiPosition, "too many AI elements (more than " + ElementList.MAX_ELEMENTS + ")");
            return;
        }
        AiDefinition definition = dictionary.lookup(ai);
        if (Chars.indexOf(input, '%', from, to) < 0) {
            String value = input.substring(from, to);
            if (value.isEmpty()) {
                d.add(from, "AI (" + ai + ") has no data");
            }
            out.add(definition, ai, value, aiPosition, from, null);
            return;
        }
        StringBuilder sb = new StringBuilder(to - from);
        int[] map = new int[to - from];
        for (int i = from; i < to; i++) {
            char c = input.charAt(i);
            if (c == '%') {
                int high = i + 1 < to ? Character.digit(input.charAt(i + 1), 16) : -1;
                int low = i + 2 < to ? Character.digit(input.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    d.add(i, "\"%\" in the web address must be followed by two hexadecimal digits");
                    return;
                }
                map[sb.length()] = i;
                sb.append((char) (high * 16 + low));
                i += 2;
            } else {
                map[sb.length()] = i;
                sb.append(c);
            }
        }
        if (sb.isEmpty()) {
            d.add(from, "AI (" + ai + ") has no data");
        }
        out.add(definition, ai, sb.toString(), aiPosition, from, java.util.Arrays.copyOf(map, sb.length()));
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return to > from;
    }

}
