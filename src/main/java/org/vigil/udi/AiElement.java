package org.vigil.udi;

import java.util.Objects;

/**
 * One GS1 element string: an Application Identifier and its data field, as defined by the GS1
 * General Specifications section 3 ("GS1 Application Identifier definitions").
 *
 * @param ai    the 2 to 4 digit Application Identifier, e.g. {@code "01"}
 * @param value the data field, already unescaped / percent-decoded
 */
public record AiElement(String ai, String value) {
    public AiElement {
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(value, "value");
    }

    /** Bracketed human-readable form of this element, e.g. {@code (10)ABC}. */
    @Override
    public String toString() {
        return "(" + ai + ")" + value;
    }
}
