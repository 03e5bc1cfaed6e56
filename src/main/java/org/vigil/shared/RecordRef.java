package org.vigil.shared;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Points at one record of one module, for example {@code user/4f0c…}. Used by the audit trail to attach history to a
 * record and by record sharing to name what is shared, without either knowing the owning module's tables.
 *
 * @param type a lower-case kebab-case record type such as {@code organisation}, {@code user} or {@code api-token}
 * @param id the record's id
 */
public record RecordRef(String type, UUID id) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public RecordRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Record type must be lower-case kebab-case: " + type);
        }
    }

    public static RecordRef of(String type, UUID id) {
        return new RecordRef(type, id);
    }

    /** Whether {@code type} is a well-formed record type, so callers can answer 404 instead of failing. */
    public static boolean isValidType(String type) {
        return type != null && TYPE.matcher(type).matches();
    }

    @Override
    public String toString() {
        return type + "/" + id;
    }
}
