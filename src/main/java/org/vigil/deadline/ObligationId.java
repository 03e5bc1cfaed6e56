package org.vigil.deadline;

import java.util.Objects;
import java.util.UUID;

/** Identifies one stored obligation of a case. */
public record ObligationId(UUID value) {

    public ObligationId {
        Objects.requireNonNull(value, "value");
    }

    public static ObligationId random() {
        return new ObligationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
