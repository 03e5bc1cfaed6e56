package org.vigil.shared;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies an organisation (manufacturer, authorised representative, healthcare organisation, competent authority or
 * the platform operator). Every record that belongs to an organisation carries its id; tenant isolation is keyed on it.
 */
public record OrganisationId(@JsonValue UUID value) {

    /**
     * The installation itself, for records that belong to no organisation, such as the terminology releases every
     * organisation codes with. Platform administrators read their history.
     */
    public static final OrganisationId INSTALLATION = new OrganisationId(new UUID(0, 0));

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrganisationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    /** Parses the canonical UUID form; throws {@link IllegalArgumentException} for anything else. */
    public static OrganisationId parse(String text) {
        return new OrganisationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
