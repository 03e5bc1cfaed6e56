package org.vigil.mir;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a manufacturer incident report (one initial, follow-up or final report of a case, with its versions). */
public record MirReportId(@JsonValue UUID value) {

    public MirReportId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
