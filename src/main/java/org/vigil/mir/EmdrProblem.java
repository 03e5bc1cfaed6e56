package org.vigil.mir;

import java.util.Objects;

/**
 * One reason an eMDR document does not conform to FDA's eMDR HL7 schema, placed so a person can find and fix it.
 *
 * @param xpath the element path where it occurred, e.g. {@code /PORR_IN040001UV01/message/controlActProcess}
 * @param line the line in the document, 0 when unknown
 * @param column the column in the document, 0 when unknown
 * @param message what is wrong, in plain words
 * @param detail the validator's original text (a Xerces {@code cvc-*} message), empty when Vigil wrote the message
 */
public record EmdrProblem(String xpath, int line, int column, String message, String detail) {

    public EmdrProblem {
        Objects.requireNonNull(xpath, "xpath");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detail, "detail");
    }
}
