package org.vigil.casework;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a shared case or a complaint. */
public record CaseId(@JsonValue UUID value) {

    public CaseId {
        Objects.requireNonNull(value, "value");
    }

    public static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
