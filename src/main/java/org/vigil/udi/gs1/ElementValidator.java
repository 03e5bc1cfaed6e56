package org.vigil.udi.gs1;

import java.util.List;
import org.vigil.udi.diagnostic.Diagnostics;
import org.vigil.udi.diagnostic.Finding;
import org.vigil.udi.text.Chars;

/**
 * Applies the Syntax Dictionary rules to split AI elements: data field length, character set of each
 * component, the component linters, then the message-level rules of GS1 General Specifications section
 * 4.14 ("Rules for the combination of GS1 Application Identifiers"): mandatory associations
 * ({@code req=}), invalid pairs ({@code ex=}) and repeated AIs (identical repeats are tolerated,
 * repeats with different values are an error).
 */
public final class ElementValidator {

    private ElementValidator() {
    }

    /** Validates every element and the combination; problems go to {@code diagnostics}. */
    public static void validate(ElementList elements, int currentYear, Diagnostics diagnostics) {
        validate(elements, currentYear, diagnostics, true);
    }

    /**
     * Validates every element; with {@code associations} also the {@code req=}/{@code ex=} pairing rules.
     * The dictionary notes that pairings "should be evaluated over the combined data received from all
     * GS1 carriers marking a physical item", so converting the data of one carrier between forms does not
     * apply them, whereas reading a UDI does. Repeated AIs with different values are always an error.
     */
    public static void validate(ElementList elements, int currentYear, Diagnostics diagnostics,
            boolean associations) {
        for (int i = 0; i < elements.size && !diagnostics.full(); i++) {
            AiDefinition definition = elements.definitions[i];
            if (definition != null && !elements.values[i].isEmpty()) {
                validateValue(elements, i, definition, currentYear, diagnostics);
            }
        }
        if (elements.size > ElementList.MAX_ELEMENTS) {
            diagnostics.add(0, "too many AI elements (more than " + ElementList.MAX_ELEMENTS + ")");
            return;
        }
        long repeat = checkRepeats(elements, diagnostics);
        if (associations) {
            checkRequired(elements, repeat, diagnostics);
            checkExcluded(elements, repeat, diagnostics);
        }
    }

    private static void validateValue(ElementList elements, int index, AiDefinition definition, int currentYear,
            Diagnostics diagnostics) {
        String value = elements.values[index];
        int length = value.length();
        if (length < definition.minLength() || length > definition.maxLength()) {
            String expected = definition.fixedLength() ? "exactly " + definition.maxLength()
                    : definition.minLength() + " to " + definition.maxLength();
            int at = length > definition.maxLength() ? elements.position(index, definition.maxLength())
                    : elements.position(index, length);
            diagnostics.add(at, definition.label() + " \"" + Chars.printable(value) + "\" has " + length
                    + (length == 1 ? " character" : " characters") + " but needs " + expected + " characters");
        }
        List<Component> components = definition.components();
        int offset = 0;
        for (int c = 0, n = components.size(); c < n; c++) {
            Component component = components.get(c);
            if (offset >= length) {
                break; // missing components are covered by the length check
            }
            int componentLength = component.fixedLength() ? component.maxLength()
                    : Math.min(length - offset, component.maxLength());
            int end = offset + componentLength;
            if (end > length) {
                // Incomplete fixed component: still check the characters that are there.
                end = length;
            }
            int bad = component.characterSet().firstInvalid(value, offset, end);
            if (bad >= 0) {
                diagnostics.add(elements.position(index, bad), definition.label() + ": character \""
                        + Chars.printable(String.valueOf(value.charAt(bad))) + "\" is not allowed here (expected a "
                        + component.characterSet().description() + ")");
            } else if (end - offset == componentLength) {
                List<Gs1Linter> linters = component.linters();
                for (int l = 0, count = linters.size(); l < count; l++) {
                    Gs1Linter linter = linters.get(l);
                    Finding failure = linter.check(value, offset, end, currentYear);
                    if (failure != null) {
                        diagnostics.add(elements.position(index, offset + failure.offset()),
                                definition.label() + " \"" + value.substring(offset, end) + "\": "
                                        + failure.reason());
                        break; // later linters of the same component would only repeat the fault
                    }
                }
            }
            offset = end;
        }
    }

    /**
     * Reports repeats with different values; returns a bit set of the elements that repeat an earlier AI
     * (at most {@link ElementList#MAX_ELEMENTS} = 64 elements, so a long suffices and nothing is allocated).
     */
    private static long checkRepeats(ElementList elements, Diagnostics diagnostics) {
        long repeat = 0L;
        for (int j = 1; j < elements.size; j++) {
            for (int i = 0; i < j; i++) {
                if (elements.aiNumbers[i] == elements.aiNumbers[j] && elements.ais[i].equals(elements.ais[j])) {
                    repeat |= 1L << j;
                    if (!elements.values[i].equals(elements.values[j])) {
                        diagnostics.add(elements.aiPositions[j], "AI (" + elements.ais[j]
                                + ") appears twice with different values (\"" + Chars.printable(elements.values[i])
                                + "\" and \"" + Chars.printable(elements.values[j]) + "\")");
                    }
                    break;
                }
            }
        }
        return repeat;
    }

    private static void checkRequired(ElementList elements, long repeat, Diagnostics diagnostics) {
        for (int i = 0; i < elements.size; i++) {
            AiDefinition definition = elements.definitions[i];
            if (definition == null || (repeat & 1L << i) != 0) {
                continue;
            }
            AssociationTable table = definition.associations();
            for (int r = 0, count = table.requirementCount(); r < count; r++) {
                if (!table.satisfied(r, elements.aiNumbers, elements.ais, elements.size)) {
                    diagnostics.add(elements.aiPositions[i], definition.label() + " may only be used together with "
                            + describe(definition.requires().get(r)));
                }
            }
        }
    }

    private static void checkExcluded(ElementList elements, long repeat, Diagnostics diagnostics) {
        for (int i = 0; i < elements.size; i++) {
            AiDefinition definition = elements.definitions[i];
            if (definition == null || (repeat & 1L << i) != 0 || !definition.associations().hasExcludes()) {
                continue;
            }
            AssociationTable table = definition.associations();
            for (int k = 0; k < elements.size; k++) {
                int number = elements.aiNumbers[k];
                int length = elements.ais[k].length();
                if ((repeat & 1L << k) != 0 || number < 0
                        || (number == elements.aiNumbers[i] && length == elements.ais[i].length())) {
                    continue; // an AI never excludes itself, even when it matches a pattern
                }
                if (table.excludes(number, length)) {
                    // Report each pair once: skip the second direction of a mutual exclusion.
                    AiDefinition other = elements.definitions[k];
                    if (other != null && k < i && other.associations().excludes(elements.aiNumbers[i],
                            elements.ais[i].length())) {
                        continue;
                    }
                    // named in input order, reported where the second of the two starts
                    int first = Math.min(i, k);
                    int second = Math.max(i, k);
                    diagnostics.add(elements.aiPositions[second], "AI (" + elements.ais[first] + ") and AI ("
                            + elements.ais[second] + ") must not be used together");
                }
            }
        }
    }

    private static String describe(List<List<AiPattern>> alternatives) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < alternatives.size(); a++) {
            if (a > 0) {
                sb.append(a == alternatives.size() - 1 ? " or " : ", ");
            }
            List<AiPattern> all = alternatives.get(a);
            for (int p = 0; p < all.size(); p++) {
                if (p > 0) {
                    sb.append(" with ");
                }
                sb.append("AI ").append(all.get(p).display());
            }
        }
        return sb.toString();
    }

}
