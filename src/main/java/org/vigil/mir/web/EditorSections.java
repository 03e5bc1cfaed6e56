package org.vigil.mir.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigil.mir.domain.FormFields;

/**
 * The report editor's layout: the form's fields by MIR section, the fields of a repeated group (other MIRs, FSCAs,
 * similar-incident periods) as table rows, with spare empty rows to add one.
 */
public record EditorSections(List<Section> sections) {

    private static final Map<Integer, String> TITLES = Map.of(
            0, "Report",
            1, "§1 Administrative information",
            2, "§2 Medical device",
            3, "§3 Incident",
            4, "§4 Manufacturer's investigation",
            5, "§5 Comments and distribution");

    /** One input: the request parameter's name is {@code key}. */
    public record Input(String key, FormFields.Field field, String value) {

        /** The choices of a choice field, with the current value kept when a file brought another one. */
        public List<String> choices() {
            var choices = new ArrayList<>(field.choices());
            if (value != null && !value.isBlank() && !choices.contains(value)) {
                choices.add(value);
            }
            return choices;
        }

        /** An HTML id safe for labels and tests. */
        public String id() {
            return "f-" + key.replaceAll("[^A-Za-z0-9]+", "-");
        }
    }

    /** Either a single input or a repeated group's rows. */
    public record Item(Input input, String group, List<FormFields.Field> columns, List<List<Input>> rows) {

        public boolean isGroup() {
            return group != null;
        }
    }

    public record Section(int number, String title, List<Item> items) {
    }

    static EditorSections of(List<FormFields.Field> fields, Map<String, String> values, int spareRows) {
        var bySection = new LinkedHashMap<Integer, List<Item>>();
        var groups = new LinkedHashMap<String, List<FormFields.Field>>();
        for (var field : fields) {
            var items = bySection.computeIfAbsent(field.section(), n -> new ArrayList<>());
            var group = field.group();
            if (group.isEmpty()) {
                items.add(new Item(new Input(field.path(), field, values.getOrDefault(field.path(), "")), null,
                        List.of(), List.of()));
            } else {
                var columns = groups.get(group.get());
                if (columns == null) {
                    columns = new ArrayList<>();
                    groups.put(group.get(), columns);
                    items.add(new Item(null, group.get(), columns, new ArrayList<>()));
                }
                columns.add(field);
            }
        }
        var sections = new ArrayList<Section>();
        bySection.forEach((number, items) -> {
            var filled = new ArrayList<Item>();
            for (Item item : items) {
                filled.add(item.isGroup() ? rows(item, values, spareRows) : item);
            }
            sections.add(new Section(number, TITLES.getOrDefault(number, "§" + number), filled));
        });
        return new EditorSections(sections);
    }

    private static Item rows(Item item, Map<String, String> values, int spareRows) {
        String prefix = item.group().substring(0, item.group().length() - 2) + "[";
        int used = 0;
        Pattern row = Pattern.compile(Pattern.quote(prefix) + "(\\d+)]");
        for (String key : values.keySet()) {
            Matcher matcher = row.matcher(key);
            if (matcher.lookingAt()) {
                used = Math.max(used, Integer.parseInt(matcher.group(1)) + 1);
            }
        }
        var rows = new ArrayList<List<Input>>();
        for (int i = 0; i < used + spareRows; i++) {
            var inputs = new ArrayList<Input>();
            for (var column : item.columns()) {
                String key = column.path().replace("[]", "[" + i + "]");
                inputs.add(new Input(key, column, values.getOrDefault(key, "")));
            }
            rows.add(inputs);
        }
        return new Item(null, item.group(), item.columns(), rows);
    }
}
