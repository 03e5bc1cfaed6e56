package org.vigil.audit.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.vigil.audit.AuditEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns old and new values into canonical JSON (properties and map keys sorted, no insignificant white space) so the
 * same values always produce the same text, and works out field-by-field differences for display.
 */
@Component
public class AuditValues {

    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    public String canonical(Object value) {
        if (value == null) {
            return null;
        }
        return json.writeValueAsString(value);
    }

    public List<AuditEntry.FieldChange> differences(String before, String after) {
        JsonNode old = before == null ? null : json.readTree(before);
        JsonNode now = after == null ? null : json.readTree(after);
        var changes = new ArrayList<AuditEntry.FieldChange>();
        if ((old == null || old.isObject()) && (now == null || now.isObject())) {
            var fields = new TreeSet<String>();
            if (old != null) {
                fields.addAll(old.propertyNames());
            }
            if (now != null) {
                fields.addAll(now.propertyNames());
            }
            for (String field : fields) {
                String was = text(old == null ? null : old.get(field));
                String is = text(now == null ? null : now.get(field));
                if (!Objects.equals(was, is)) {
                    changes.add(new AuditEntry.FieldChange(field, was, is));
                }
            }
        } else if (!Objects.equals(before, after)) {
            changes.add(new AuditEntry.FieldChange("value", text(old), text(now)));
        }
        return changes;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isString() ? node.asString() : node.toString();
    }
}
