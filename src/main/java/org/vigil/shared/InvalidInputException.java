package org.vigil.shared;

import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input that breaks a business rule, reported per field so pages can show the message next to the field and the API
 * can answer {@code application/problem+json} with one entry per invalid field. Nothing is saved when it is thrown.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

    /** One invalid field: its name as the form or JSON body spells it, and a plain-language message. */
    public record FieldError(String field, String message) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "Invalid input" : errors.getFirst().field() + ": " + errors.getFirst().message());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("At least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
