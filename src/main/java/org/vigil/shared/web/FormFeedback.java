package org.vigil.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigil.shared.InvalidInputException;

/**
 * The messages to show next to the fields of a form that was refused, keyed by field name. Templates ask
 * {@code feedback.has('email')} and {@code feedback.message('email')}; the form keeps what the person typed, so
 * nothing they entered is lost.
 */
public final class FormFeedback {

    private static final FormFeedback NONE = new FormFeedback(Map.of());

    private final Map<String, List<String>> messages;

    private FormFeedback(Map<String, List<String>> messages) {
        this.messages = messages;
    }

    public static FormFeedback none() {
        return NONE;
    }

    public static FormFeedback of(InvalidInputException e) {
        var messages = new LinkedHashMap<String, List<String>>();
        e.errors().forEach(error -> messages.computeIfAbsent(error.field(), field -> new ArrayList<>())
                .add(error.message()));
        return new FormFeedback(messages);
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String message(String field) {
        return String.join(" ", messages.getOrDefault(field, List.of()));
    }

    public boolean any() {
        return !messages.isEmpty();
    }

    /** Every message, for the summary at the top of the form. */
    public List<String> all() {
        return messages.values().stream().flatMap(List::stream).toList();
    }

    public java.util.Set<String> fields() {
        return messages.keySet();
    }
}
