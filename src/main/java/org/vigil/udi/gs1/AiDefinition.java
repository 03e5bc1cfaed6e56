package org.vigil.udi.gs1;

import java.util.List;

/**
 * Compiled Syntax Dictionary entry for one AI.
 *
 * @param ai            the AI digits
 * @param number        the AI digits as a number, for integer matching on the hot path
 * @param title         short title from the dictionary, e.g. {@code USE BY or EXPIRY}
 * @param predefinedLength {@code *} flag: predefined length, no FNC1 separator needed after it
 *                      (GS1 General Specifications figure 5.10.1-2)
 * @param dlAttribute   {@code ?} flag: permitted as a GS1 Digital Link URI data attribute
 * @param components    the data field components in order
 * @param minLength     shortest data field the components allow
 * @param maxLength     longest data field the components allow
 * @param requires      each inner list is one {@code req=} attribute: alternatives, each a list of AIs
 *                      or patterns that must all be present ({@code 01+21})
 * @param excludes      AIs or patterns that must not appear with this AI ({@code ex=})
 * @param dlPrimaryKey  {@code true} when the AI is a Digital Link primary key ({@code dlpkey})
 * @param dlQualifierPaths the ordered qualifier sequences allowed after this primary key
 *                      ({@code dlpkey=22,10,21|235}); empty list inside means "no qualifiers"
 * @param associations  {@code requires} and {@code excludes} compiled for the hot path
 */
public record AiDefinition(
        String ai,
        int number,
        String title,
        boolean predefinedLength,
        boolean dlAttribute,
        List<Component> components,
        int minLength,
        int maxLength,
        List<List<List<AiPattern>>> requires,
        List<AiPattern> excludes,
        boolean dlPrimaryKey,
        List<List<String>> dlQualifierPaths,
        AssociationTable associations) {

    /** {@code (17) USE BY or EXPIRY}-style label used in messages. */
    public String label() {
        return "AI (" + ai + ") " + title;
    }

    /** Fixed-length data field (every component mandatory and fixed). */
    public boolean fixedLength() {
        return minLength == maxLength;
    }

    /** Dictionary notation of the whole data field, e.g. {@code N6} or {@code N13 [X..17]}. */
    public String formatNotation() {
        StringBuilder sb = new StringBuilder();
        for (Component c : components) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(c.optional() ? "[" + c.notation() + "]" : c.notation());
        }
        return sb.toString();
    }
}
