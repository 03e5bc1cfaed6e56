package org.vigil.mir.validation;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigil.shared.xml.HardenedStreamReader;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Plain-language versions of the schema validator's messages (Xerces {@code cvc-*} texts, XML Schema 1.0 Part 1
 * Appendix C "validation rules"), for the people who fill in a MIR rather than the people who wrote the schema.
 * Namespaces are left out of element names; a message Vigil does not know keeps the validator's words without the
 * rule number.
 */
public final class SchemaMessages {

    private record Rule(Pattern pattern, Function<Matcher, String> plain) {
    }

    private static final List<Rule> RULES = List.of(
            rule("cvc-complex-type\\.2\\.4\\.a: Invalid content was found starting with element '(.+?)'\\. One of "
                    + "'(.+?)' is expected\\.", m -> "Element " + m.group(1) + " is not allowed here; the schema "
                            + "expects one of: " + m.group(2) + "."),
            rule("cvc-complex-type\\.2\\.4\\.b: The content of element '(.+?)' is not complete\\. One of '(.+?)' is "
                    + "expected\\.", m -> "Element " + m.group(1) + " is incomplete: it still needs one of: "
                            + m.group(2) + "."),
            rule("cvc-complex-type\\.2\\.4\\.d: Invalid content was found starting with element '(.+?)'\\. No child "
                    + "element is expected at this point\\.", m -> "Element " + m.group(1) + " is not allowed "
                            + "here: nothing more may follow at this point."),
            rule("cvc-complex-type\\.2\\.4\\.[a-z]: .*element '(.+?)'.*", m -> "Element " + m.group(1)
                    + " is not allowed here."),
            rule("cvc-complex-type\\.4: Attribute '(.+?)' must appear on element '(.+?)'\\.",
                    m -> "Element " + m.group(2) + " needs the attribute " + m.group(1) + "."),
            rule("cvc-complex-type\\.3\\.2\\.2: Attribute '(.+?)' is not allowed to appear in element '(.+?)'\\.",
                    m -> "Element " + m.group(2) + " may not carry the attribute " + m.group(1) + "."),
            rule("cvc-complex-type\\.2\\.3: Element '(.+?)' cannot have character \\[children\\].*",
                    m -> "Element " + m.group(1) + " holds other elements only, not text."),
            rule("cvc-complex-type\\.2\\.1: Element '(.+?)' must have no character or element information item.*",
                    m -> "Element " + m.group(1) + " must be empty."),
            rule("cvc-datatype-valid\\.1\\.2\\.1: '(.*?)' is not a valid value for '(.+?)'\\.",
                    m -> "'" + m.group(1) + "' is not a valid " + m.group(2) + hint(m.group(2)) + "."),
            rule("cvc-enumeration-valid: Value '(.*?)' is not facet-valid with respect to enumeration '\\[(.*)\\]'\\."
                    + ".*", m -> "'" + m.group(1) + "' is not one of the allowed values: " + m.group(2) + "."),
            rule("cvc-maxLength-valid: Value '(?s:.*?)' with length = '(\\d+)' is not facet-valid with respect to "
                    + "maxLength '(\\d+)'.*", m -> "The text is " + m.group(1) + " characters long; at most "
                            + m.group(2) + " are allowed."),
            rule("cvc-minLength-valid: Value '(?s:.*?)' with length = '(\\d+)' is not facet-valid with respect to "
                    + "minLength '(\\d+)'.*", m -> "The text is " + m.group(1) + " characters long; at least "
                            + m.group(2) + " are needed."),
            rule("cvc-pattern-valid: Value '(.*?)' is not facet-valid with respect to pattern '(.+?)'.*",
                    m -> "'" + m.group(1) + "' does not have the required format (" + m.group(2) + ")."),
            rule("cvc-elt\\.1\\.a: Cannot find the declaration of element '(.+?)'\\.",
                    m -> "Element " + m.group(1) + " is not part of this schema: check the root element and its "
                            + "namespace."),
            rule("cvc-elt\\.4\\.2: Cannot resolve '(.+?)' to a type definition for element '(.+?)'\\.",
                    m -> "The type " + m.group(1) + " named by xsi:type on element " + m.group(2)
                            + " does not exist in the schema."),
            rule("cvc-type\\.2: The type definition cannot be abstract for element (.+?)\\.",
                    m -> "Element " + m.group(1) + " needs an xsi:type naming the kind of content it holds."),
            rule("cvc-type\\.3\\.1\\.3: The value '(.*?)' of element '(.+?)' is not valid\\.",
                    m -> "The value '" + m.group(1) + "' of element " + m.group(2) + " is not valid."),
            rule("cvc-attribute\\.3: The value '(.*?)' of attribute '(.+?)' on element '(.+?)' is not valid with "
                    + "respect to its type.*", m -> "The value '" + m.group(1) + "' of attribute " + m.group(2)
                            + " on element " + m.group(3) + " is not valid."));

    private static final Pattern NAMESPACE = Pattern.compile("\"[^\"]*\":");
    private static final Pattern RULE_NUMBER = Pattern.compile("^cvc-[\\w.-]+: ");

    private SchemaMessages() {
    }

    private static Rule rule(String regex, Function<Matcher, String> plain) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), plain);
    }

    /** The plain version of one validator message. */
    public static String plain(String original) {
        String text = withoutNamespaces(original == null ? "" : original.strip());
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(text);
            if (matcher.matches()) {
                return rule.plain().apply(matcher);
            }
        }
        return RULE_NUMBER.matcher(text).replaceFirst("");
    }

    /**
     * Whether the message only repeats, for the element as a whole, a value error already reported at the same place
     * ({@code cvc-type.3.1.3} and {@code cvc-attribute.3} follow every {@code cvc-datatype} or facet error).
     */
    public static boolean isFollowUp(String original) {
        return original != null && (original.startsWith("cvc-type.3.1.3") || original.startsWith("cvc-attribute.3"));
    }

    /** Takes a schema problem placed at an element. */
    @FunctionalInterface
    public interface PlacedProblems {

        /**
         * @param path    the element's path
         * @param message the problem in plain words
         * @param detail  the validator's own words
         */
        void add(String path, int line, int column, String message, String detail);
    }

    /**
     * An error handler for {@link org.vigil.shared.xml.HardenedXml#validate} that places each schema error at the
     * element {@code xml} is at when the validator reports it, in plain words; warnings (such as an unknown schema
     * hint) do not make a document invalid, and a {@linkplain #isFollowUp follow-up} of the problem just placed at the
     * same element is dropped.
     *
     * @param lastPath the path of the problem placed last, {@code null} before the first
     */
    public static ErrorHandler placedAt(HardenedStreamReader xml, Supplier<String> lastPath, PlacedProblems problems) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // does not make the document invalid
            }

            @Override
            public void error(SAXParseException e) {
                String path = xml.elementPath();
                if (isFollowUp(e.getMessage()) && path.equals(lastPath.get())) {
                    return;
                }
                problems.add(path, e.getLineNumber(), e.getColumnNumber(), plain(e.getMessage()),
                        e.getMessage() == null ? "" : e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
    }

    /** {@code '{"urn:x":a, "urn:x":b}'} → {@code 'a, b'}. */
    private static String withoutNamespaces(String text) {
        String names = NAMESPACE.matcher(text).replaceAll("");
        return names.replace("'{", "'").replace("}'", "'");
    }

    private static String hint(String type) {
        return switch (type) {
            case "date" -> " (a date is written YYYY-MM-DD)";
            case "dateTime" -> " (a date and time is written YYYY-MM-DDThh:mm:ss)";
            case "boolean" -> " (write true or false)";
            case "integer", "int", "long", "positiveInteger", "nonNegativeInteger" -> " (a whole number)";
            case "decimal", "double" -> " (a number)";
            default -> "";
        };
    }
}
