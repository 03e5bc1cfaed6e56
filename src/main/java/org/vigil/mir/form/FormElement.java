package org.vigil.mir.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigil.mir.MirProblem;
import org.vigil.mir.validation.MirSections;

/**
 * One element of a MIR form XML document, held in memory between the model and the XML. The form is small (a few
 * hundred elements), so a tree keeps writing and reading each section a plain mapping. When reading, every element
 * the mapping takes is marked, so what is left unmarked can be reported as unknown instead of silently dropped.
 */
final class FormElement {

    private static final Pattern NUMBERED = Pattern.compile("(\\D+)(\\d+)");

    final String name;
    final String path;
    final int line;
    final int column;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<FormElement> children = new ArrayList<>();
    String text;
    private boolean used;

    FormElement(String name) {
        this(name, "", 0, 0);
    }

    FormElement(String name, String path, int line, int column) {
        this.name = name;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** Adds {@code child} and returns it. */
    FormElement add(FormElement child) {
        children.add(child);
        return child;
    }

    /** Adds an element holding {@code value}; nothing when the value is {@code null}. */
    FormElement add(String childName, Object value) {
        if (value != null) {
            FormElement child = new FormElement(childName);
            child.text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
            children.add(child);
        }
        return this;
    }

    /** Adds a Yes/No element, the form's way of writing a flag; nothing when the flag is not stated. */
    FormElement yesNo(String childName, Boolean value) {
        return add(childName, value == null ? null : value ? "Yes" : "No");
    }

    /** Adds one element per value, all named {@code childName}. */
    FormElement repeated(String childName, Collection<String> values) {
        values.forEach(value -> add(childName, value));
        return this;
    }

    /** Adds {@code prefix1}, {@code prefix2} …, the form's way of writing a list of codes. */
    FormElement numbered(String prefix, List<String> values) {
        for (int index = 0; index < values.size(); index++) {
            add(prefix + (index + 1), values.get(index));
        }
        return this;
    }

    /** Adds an element filled by {@code content}, left out when it stays empty. */
    FormElement group(String childName, Consumer<FormElement> content) {
        FormElement child = new FormElement(childName);
        content.accept(child);
        if (!child.children.isEmpty()) {
            children.add(child);
        }
        return this;
    }

    // ------------------------------------------------------------------------------------------------ reading

    boolean used() {
        return used;
    }

    /** The first child named {@code childName}, marked as read; {@code null} when there is none. */
    FormElement child(String childName) {
        for (FormElement child : children) {
            if (child.name.equals(childName)) {
                child.used = true;
                return child;
            }
        }
        return null;
    }

    /** Every child named {@code childName}, marked as read. */
    List<FormElement> all(String childName) {
        List<FormElement> found = new ArrayList<>();
        for (FormElement child : children) {
            if (child.name.equals(childName)) {
                child.used = true;
                found.add(child);
            }
        }
        return found;
    }

    /** The text of the first child named {@code childName}; {@code null} when absent or empty. */
    String text(String childName) {
        FormElement child = child(childName);
        return child == null ? null : child.value();
    }

    /** The element's own text, stripped; {@code null} when empty. */
    String value() {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The texts of every child named {@code childName}. */
    List<String> texts(String childName) {
        return all(childName).stream().map(FormElement::value).filter(value -> value != null).toList();
    }

    /** The texts of {@code prefix1}, {@code prefix2} … in the order of their numbers. */
    List<String> numbered(String prefix) {
        record Item(int number, String value) {
        }
        List<Item> items = new ArrayList<>();
        for (FormElement child : children) {
            Matcher matcher = NUMBERED.matcher(child.name);
            if (matcher.matches() && matcher.group(1).equals(prefix) && matcher.group(2).length() < 6) {
                child.used = true;
                if (child.value() != null) {
                    items.add(new Item(Integer.parseInt(matcher.group(2)), child.value()));
                }
            }
        }
        return items.stream().sorted(Comparator.comparingInt(Item::number)).map(Item::value).toList();
    }

    /** A date written {@code YYYY-MM-DD}; a date with a time keeps its date, as the EUDAMED conversions write them. */
    LocalDate date(String childName, List<MirProblem> problems) {
        FormElement child = child(childName);
        String value = child == null ? null : child.value();
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            child.problem(problems, "'" + value + "' is not a date (a date is written YYYY-MM-DD); it was not "
                    + "imported.");
            return null;
        }
    }

    /** A Yes/No flag; {@code true}/{@code false} are read too. */
    Boolean yesNo(String childName, List<MirProblem> problems) {
        FormElement child = child(childName);
        String value = child == null ? null : child.value();
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> {
                child.problem(problems, "'" + value + "' is neither Yes nor No; it was not imported.");
                yield null;
            }
        };
    }

    Integer integer(String childName, List<MirProblem> problems) {
        Long value = whole(childName, problems);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            child(childName).problem(problems, "'" + value + "' is too large; it was not imported.");
            return null;
        }
        return value == null ? null : value.intValue();
    }

    Long whole(String childName, List<MirProblem> problems) {
        FormElement child = child(childName);
        String value = child == null ? null : child.value();
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            child.problem(problems, "'" + value + "' is not a whole number; it was not imported.");
            return null;
        }
    }

    BigDecimal decimal(String childName, List<MirProblem> problems) {
        FormElement child = child(childName);
        String value = child == null ? null : child.value();
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            child.problem(problems, "'" + value + "' is not a number; it was not imported.");
            return null;
        }
    }

    void problem(List<MirProblem> problems, String message) {
        problems.add(new MirProblem(path, MirSections.of(path), line, column, message, ""));
    }

    /** Reports each element nobody read, the outermost only: its content is not imported either. */
    void reportUnread(List<MirProblem> problems) {
        for (FormElement child : children) {
            if (!child.used && children.stream().anyMatch(other -> other.used && other.name.equals(child.name))) {
                // the form holds one value here: a second one would be silently lost
                child.problem(problems, "Element " + child.name + " appears more than once; only the first was "
                        + "imported.");
            } else if (!child.used) {
                child.problem(problems, "Element " + child.name + " is not part of the MIR 7.3.1 form as Vigil reads "
                        + "it; its content was not imported.");
            } else {
                child.reportUnread(problems);
            }
        }
    }
}
