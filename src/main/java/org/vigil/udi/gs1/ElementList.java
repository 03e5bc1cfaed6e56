package org.vigil.udi.gs1;

import java.util.List;
import org.vigil.udi.AiElement;

/**
 * The AI elements read from one input, with where each AI and value started in that input so that
 * problems can point at the right character. Kept as parallel arrays, not objects, because this is the
 * hot path of the GS1 parser.
 *
 * <p>{@code valueMaps} is only set for a value whose characters do not sit one-to-one in the input
 * (escaped {@code \^} or {@code \(}, percent-encoded Digital Link values): entry {@code k} is the input
 * position of value character {@code k}.
 */
public final class ElementList {

    /** Hard cap on elements, bounding the association checks (quadratic in the element count). */
    public static final int MAX_ELEMENTS = 64;

    AiDefinition[] definitions = new AiDefinition[8];
    String[] ais = new String[8];
    int[] aiNumbers = new int[8];
    String[] values = new String[8];
    int[] aiPositions = new int[8];
    int[] valuePositions = new int[8];
    int[][] valueMaps = new int[8][];
    int size;
    /** The input ended with an FNC1; kept so that scan data can reproduce it (GS1 syntax engine behaviour). */
    boolean trailingFnc1;
    /**
     * The input text when it already is the canonical unbracketed element string of these elements
     * (FNC1 only where required, nothing escaped): the output can then reuse it instead of rebuilding it.
     */
    String canonicalUnbracketed;

    void add(AiDefinition definition, String ai, String value, int aiPosition, int valuePosition, int[] valueMap) {
        if (size == definitions.length) {
            grow();
        }
        definitions[size] = definition;
        ais[size] = definition != null ? definition.ai() : ai; // shared instance: cached hash, no copy
        aiNumbers[size] = definition != null ? definition.number() : parseDigits(ai);
        values[size] = value;
        aiPositions[size] = aiPosition;
        valuePositions[size] = valuePosition;
        valueMaps[size] = valueMap;
        size++;
    }

    private static int parseDigits(String ai) {
        int n = 0;
        for (int i = 0; i < ai.length(); i++) {
            char c = ai.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private void grow() {
        int n = definitions.length * 2;
        definitions = java.util.Arrays.copyOf(definitions, n);
        ais = java.util.Arrays.copyOf(ais, n);
        aiNumbers = java.util.Arrays.copyOf(aiNumbers, n);
        values = java.util.Arrays.copyOf(values, n);
        aiPositions = java.util.Arrays.copyOf(aiPositions, n);
        valuePositions = java.util.Arrays.copyOf(valuePositions, n);
        valueMaps = java.util.Arrays.copyOf(valueMaps, n);
    }

    public int size() {
        return size;
    }

    public String ai(int index) {
        return ais[index];
    }

    public String value(int index) {
        return values[index];
    }

    public AiDefinition definition(int index) {
        return definitions[index];
    }

    /** Input position of character {@code offset} of value {@code index}; {@code offset} may equal its length. */
    int position(int index, int offset) {
        int[] map = valueMaps[index];
        if (map == null) {
            return valuePositions[index] + offset;
        }
        if (map.length == 0) {
            return valuePositions[index];
        }
        return offset < map.length ? map[offset] : map[map.length - 1] + 1;
    }

    int aiPosition(int index) {
        return aiPositions[index];
    }

    /** Public, immutable view of the elements in input order. */
    public List<AiElement> toAiElements() {
        // fixed-arity List.of builds its backing array once; the varargs form would copy it again
        return switch (size) {
            case 0 -> List.of();
            case 1 -> List.of(element(0));
            case 2 -> List.of(element(0), element(1));
            case 3 -> List.of(element(0), element(1), element(2));
            case 4 -> List.of(element(0), element(1), element(2), element(3));
            case 5 -> List.of(element(0), element(1), element(2), element(3), element(4));
            case 6 -> List.of(element(0), element(1), element(2), element(3), element(4), element(5));
            default -> {
                AiElement[] array = new AiElement[size];
                for (int i = 0; i < size; i++) {
                    array[i] = element(i);
                }
                yield List.of(array);
            }
        };
    }

    private AiElement element(int index) {
        return new AiElement(ais[index], values[index]);
    }

    /** Empties the list for reuse; stale entries beyond {@code size} are overwritten by {@link #add}. */
    void clear() {
        size = 0;
        trailingFnc1 = false;
        canonicalUnbracketed = null;
    }

    /** First value of {@code ai}, or {@code null}. */
    public String valueOf(String ai) {
        for (int i = 0; i < size; i++) {
            if (ais[i].equals(ai)) {
                return values[i];
            }
        }
        return null;
    }

    /** Builds a list from already separated (ai, value) pairs, e.g. for generation. */
    public static ElementList of(List<AiElement> elements, SyntaxDictionary dictionary) {
        ElementList list = new ElementList();
        for (AiElement e : elements) {
            list.add(dictionary.lookup(e.ai()), e.ai(), e.value(), 0, 0, new int[0]);
        }
        return list;
    }
}
