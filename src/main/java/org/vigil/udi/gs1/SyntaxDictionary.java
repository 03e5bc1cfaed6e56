package org.vigil.udi.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The GS1 Barcode Syntax Dictionary, parsed once from the vendored {@code gs1-syntax-dictionary.txt}
 * and compiled into lookup tables indexed by the AI digits.
 *
 * <p>Why arrays: the element-string parser must identify an AI and find its rules in a handful of
 * instructions to reach a million parses per second per core. The AI length is a function of its first
 * two digits (GS1 General Specifications figure 5.10.1-1 lists the prefixes), so {@link #aiLength(char, char)}
 * is one array read, and the definition is then one more read in the array for that length.
 */
public final class SyntaxDictionary {

    private static final String RESOURCE = "gs1-syntax-dictionary.txt";
    private static final String FLAG_CHARACTERS = "*!?\"$%&'()+,-./:;<=>@[\\]^_`{|}~";

    private static final SyntaxDictionary STANDARD = loadStandard();

    private final AiDefinition[] twoDigit = new AiDefinition[100];
    private final AiDefinition[] threeDigit = new AiDefinition[1000];
    private final AiDefinition[] fourDigit = new AiDefinition[10000];
    private final byte[] lengthByPrefix = new byte[100];
    private final List<AiDefinition> all = new ArrayList<>();
    private final Set<String> skippedLinters = new TreeSet<>();

    /** The dictionary shipped with Vigil. */
    public static SyntaxDictionary standard() {
        return STANDARD;
    }

    private static SyntaxDictionary loadStandard() {
        try (InputStream in = SyntaxDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("GS1 Syntax Dictionary resource missing: " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a dictionary in the published text format. */
    public static SyntaxDictionary parse(Reader source) throws IOException {
        SyntaxDictionary dictionary = new SyntaxDictionary();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            try {
                dictionary.addEntry(content);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Syntax Dictionary line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return dictionary;
    }

    private void addEntry(String content) {
        String title = "";
        int hash = content.indexOf('#');
        if (hash >= 0) {
            title = content.substring(hash + 1).strip();
            content = content.substring(0, hash).strip();
        }
        String[] tokens = content.split("\\s+");
        String range = tokens[0];
        int index = 1;
        String flags = "";
        if (index < tokens.length && isFlags(tokens[index])) {
            flags = tokens[index++];
        }
        List<Component> components = new ArrayList<>();
        while (index < tokens.length && isComponent(tokens[index])) {
            components.add(parseComponent(tokens[index++]));
        }
        List<List<List<AiPattern>>> requires = new ArrayList<>();
        List<AiPattern> excludes = new ArrayList<>();
        boolean primaryKey = false;
        List<List<String>> qualifierPaths = new ArrayList<>();
        for (; index < tokens.length; index++) {
            String attribute = tokens[index];
            if (attribute.startsWith("req=")) {
                List<List<AiPattern>> alternatives = new ArrayList<>();
                for (String alternative : attribute.substring(4).split(",")) {
                    List<AiPattern> all = new ArrayList<>();
                    for (String ai : alternative.split("\\+")) {
                        all.add(AiPattern.parse(ai));
                    }
                    alternatives.add(List.copyOf(all));
                }
                requires.add(List.copyOf(alternatives));
            } else if (attribute.startsWith("ex=")) {
                for (String ai : attribute.substring(3).split(",")) {
                    excludes.add(AiPattern.parse(ai));
                }
            } else if (attribute.equals("dlpkey")) {
                primaryKey = true;
                qualifierPaths.add(List.of());
            } else if (attribute.startsWith("dlpkey=")) {
                primaryKey = true;
                for (String path : attribute.substring(7).split("\\|")) {
                    qualifierPaths.add(List.of(path.split(",")));
                }
            } else {
                throw new IllegalStateException("unknown attribute " + attribute);
            }
        }
        if (components.isEmpty()) {
            throw new IllegalStateException("no data field specification for " + range);
        }
        int min = 0;
        int max = 0;
        for (Component c : components) {
            if (!c.optional()) {
                min += c.minLength();
            }
            max += c.maxLength();
        }
        String first = range;
        String last = range;
        int dash = range.indexOf('-');
        if (dash >= 0) {
            first = range.substring(0, dash);
            last = range.substring(dash + 1);
        }
        if (first.length() != last.length() || first.length() < 2 || first.length() > 4) {
            throw new IllegalStateException("bad AI range " + range);
        }
        int from = Integer.parseInt(first);
        int to = Integer.parseInt(last);
        AssociationTable associations = new AssociationTable(requires, excludes);
        for (int n = from; n <= to; n++) {
            String ai = String.format("%0" + first.length() + "d", n);
            AiDefinition definition = new AiDefinition(ai, n, title, flags.indexOf('*') >= 0, flags.indexOf('?') >= 0,
                    List.copyOf(components), min, max, List.copyOf(requires), List.copyOf(excludes), primaryKey,
                    List.copyOf(qualifierPaths), associations);
            register(definition);
        }
    }

    private void register(AiDefinition definition) {
        String ai = definition.ai();
        int prefix = (ai.charAt(0) - '0') * 10 + (ai.charAt(1) - '0');
        if (lengthByPrefix[prefix] != 0 && lengthByPrefix[prefix] != ai.length()) {
            throw new IllegalStateException("AI prefix " + ai.substring(0, 2) + " has AIs of different lengths");
        }
        lengthByPrefix[prefix] = (byte) ai.length();
        int number = Integer.parseInt(ai);
        AiDefinition[] table = switch (ai.length()) {
            case 2 -> twoDigit;
            case 3 -> threeDigit;
            default -> fourDigit;
        };
        table[number] = definition;
        all.add(definition);
    }

    private static boolean isFlags(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (FLAG_CHARACTERS.indexOf(c) < 0 || Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return !token.startsWith("[") || token.length() == 1;
    }

    private static boolean isComponent(String token) {
        int start = token.startsWith("[") ? 1 : 0;
        return token.length() > start + 1 && "NXYZ".indexOf(token.charAt(start)) >= 0
                && (Character.isDigit(token.charAt(start + 1)) || token.charAt(start + 1) == '.');
    }

    private Component parseComponent(String token) {
        String[] parts = token.split(",");
        String type = parts[0];
        boolean optional = type.startsWith("[");
        if (optional) {
            if (!type.endsWith("]")) {
                throw new IllegalStateException("unterminated optional component " + token);
            }
            type = type.substring(1, type.length() - 1);
        }
        CharacterSet characterSet = CharacterSet.ofLetter(type.charAt(0));
        String length = type.substring(1);
        int min;
        int max;
        if (length.startsWith("..")) {
            min = 1;
            max = Integer.parseInt(length.substring(2));
        } else {
            min = Integer.parseInt(length);
            max = min;
        }
        List<Gs1Linter> linters = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            Gs1Linter linter = Gs1Linter.byDictionaryName(parts[i]);
            if (linter == null) {
                // A linter this library does not implement: remembered so that tests and reports can
                // name it; the component is still checked for character set and length.
                skippedLinters.add(parts[i]);
            } else {
                linters.add(linter);
            }
        }
        return new Component(characterSet, min, max, optional, withoutVacuous(characterSet, min, linters));
    }

    /**
     * Drops linters that cannot fail once the character set and length have been checked: a numeric
     * component of at least 5 digits always starts with a GS1 Company Prefix in the sense of
     * {@code gcppos1}/{@code gcppos2} (four digits from position 1 or 2). Validation results are unchanged;
     * the GTIN, the most frequent AI, is checked with one pass fewer.
     */
    private static List<Gs1Linter> withoutVacuous(CharacterSet characterSet, int minLength, List<Gs1Linter> linters) {
        if (characterSet != CharacterSet.NUMERIC) {
            return linters;
        }
        List<Gs1Linter> kept = new ArrayList<>(linters);
        if (minLength >= 4) {
            kept.remove(Gs1Linter.GCPPOS1);
        }
        if (minLength >= 5) {
            kept.remove(Gs1Linter.GCPPOS2);
        }
        return kept;
    }

    /**
     * Length of the AI that starts with the two digits {@code first second}, or 0 if no AI in the
     * dictionary starts with them (callers have checked they are digits).
     */
    public int aiLength(char first, char second) {
        return lengthByPrefix[(first - '0') * 10 + (second - '0')];
    }

    /** Definition for the AI written as digits in {@code [from, from + length)}, or {@code null}. */
    public AiDefinition lookup(CharSequence s, int from, int length) {
        int number = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            number = number * 10 + (c - '0');
        }
        return switch (length) {
            case 2 -> twoDigit[number];
            case 3 -> threeDigit[number];
            case 4 -> fourDigit[number];
            default -> null;
        };
    }

    /** Definition for an AI given as a string, or {@code null}. */
    public AiDefinition lookup(String ai) {
        return ai == null ? null : lookup(ai, 0, ai.length());
    }

    /** All AIs in dictionary order. */
    public List<AiDefinition> definitions() {
        return Collections.unmodifiableList(all);
    }

    /** Linter names found in the dictionary that this library does not implement. */
    public Set<String> skippedLinters() {
        return Collections.unmodifiableSet(skippedLinters);
    }
}
