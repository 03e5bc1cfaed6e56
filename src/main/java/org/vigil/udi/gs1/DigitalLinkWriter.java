package org.vigil.udi.gs1;

import java.util.ArrayList;
import java.util.List;
import org.vigil.udi.Conversion;
import org.vigil.udi.UdiProblem;

/**
 * Builds a GS1 Digital Link URI from AI elements (GS1 Digital Link Standard: URI Syntax, section 4):
 * the first primary key in the data goes first in the path, followed by those of its key qualifiers that
 * are present, in the order of the one {@code dlpkey} alternative that covers them all; every other
 * element becomes a query attribute, predefined-length AIs first, each group in data order. Identical
 * repeats are written once. Characters outside the RFC 3986 "unreserved" set are percent-encoded.
 */
public final class DigitalLinkWriter {

    /** The canonical GS1 resolver used when no domain is given. */
    public static final String CANONICAL_STEM = "https://id.gs1.org";

    private DigitalLinkWriter() {
    }

    public static Conversion write(ElementList elements, String stem) {
        String base = stem == null ? CANONICAL_STEM : stem;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        List<Integer> unique = new ArrayList<>();
        for (int i = 0; i < elements.size; i++) {
            boolean repeat = false;
            for (int k : unique) {
                if (elements.ais[k].equals(elements.ais[i])) {
                    repeat = true;
                    break;
                }
            }
            if (!repeat) {
                unique.add(i);
            }
        }
        int key = -1;
        for (int i : unique) {
            AiDefinition definition = elements.definitions[i];
            if (definition != null && definition.dlPrimaryKey()) {
                key = i;
                break;
            }
        }
        if (key < 0) {
            return failed("the data has no GS1 primary key (such as AI (01) GTIN) to build a web address from");
        }
        AiDefinition keyDefinition = elements.definitions[key];
        List<Integer> qualifiers = new ArrayList<>();
        for (int i : unique) {
            if (i != key && isQualifierOf(keyDefinition, elements.ais[i])) {
                qualifiers.add(i);
            }
        }
        List<String> path = null;
        for (List<String> candidate : keyDefinition.dlQualifierPaths()) {
            boolean coversAll = true;
            for (int q : qualifiers) {
                if (!candidate.contains(elements.ais[q])) {
                    coversAll = false;
                    break;
                }
            }
            if (coversAll) {
                path = candidate;
                break;
            }
        }
        if (path == null) {
            return failed("AIs " + list(elements, qualifiers) + " cannot all follow AI (" + keyDefinition.ai()
                    + ") in a web address: only " + DigitalLinkReader.describePaths(keyDefinition) + " can");
        }
        StringBuilder uri = new StringBuilder(base);
        append(uri.append('/'), elements.ais[key]).append('/');
        encode(uri, elements.values[key]);
        for (String ai : path) {
            for (int q : qualifiers) {
                if (elements.ais[q].equals(ai)) {
                    uri.append('/').append(ai).append('/');
                    encode(uri, elements.values[q]);
                }
            }
        }
        List<Integer> attributes = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i : unique) {
                if (i == key || qualifiers.contains(i)) {
                    continue;
                }
                AiDefinition definition = elements.definitions[i];
                boolean fixedFirst = definition != null && definition.predefinedLength();
                if ((pass == 0) == fixedFirst) {
                    attributes.add(i);
                }
            }
        }
        List<UdiProblem> problems = new ArrayList<>();
        char separator = '?';
        for (int i : attributes) {
            AiDefinition definition = elements.definitions[i];
            if (definition == null || !definition.dlAttribute()) {
                problems.add(new UdiProblem(0, "AI (" + elements.ais[i] + ") cannot be carried as a data attribute "
                        + "in a GS1 Digital Link web address"));
                continue;
            }
            uri.append(separator).append(elements.ais[i]).append('=');
            encode(uri, elements.values[i]);
            separator = '&';
        }
        return problems.isEmpty() ? Conversion.of(uri.toString()) : Conversion.failed(problems);
    }

    private static boolean isQualifierOf(AiDefinition key, String ai) {
        for (List<String> path : key.dlQualifierPaths()) {
            if (path.contains(ai)) {
                return true;
            }
        }
        return false;
    }

    private static StringBuilder append(StringBuilder sb, String s) {
        return sb.append(s);
    }

    private static String list(ElementList elements, List<Integer> indexes) {
        StringBuilder sb = new StringBuilder();
        for (int i : indexes) {
            sb.append(sb.isEmpty() ? "" : ", ").append('(').append(elements.ais[i]).append(')');
        }
        return sb.toString();
    }

    private static Conversion failed(String message) {
        return Conversion.failed(List.of(new UdiProblem(0, message)));
    }

    /** Percent-encodes everything outside RFC 3986 "unreserved" (A-Z a-z 0-9 - . _ ~). */
    static void encode(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append(c);
            } else if (c < 0x80) {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 15, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
                }
            }
        }
    }
}
