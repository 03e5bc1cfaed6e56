package org.vigil.mir;

import java.util.Objects;

/**
 * One reason a MIR document is not acceptable, placed so a person can find and fix it.
 *
 * @param xpath the element path where it occurred, as the file spells the names, e.g.
 *        {@code /incident/admin_info/reportType}; {@code /incident/@version} for an attribute
 * @param mirSection the MIR 7.3.1 section the element belongs to, e.g. {@code §2 device}; empty for the document
 *        as a whole
 * @param line the line in the file, 0 when unknown
 * @param column the column in the file, 0 when unknown
 * @param message what is wrong, in plain words
 * @param detail the validator's original text (a Xerces {@code cvc-*} message), empty when Vigil wrote the message
 */
public record MirProblem(String xpath, String mirSection, int line, int column, String message, String detail) {

    public MirProblem {
        Objects.requireNonNull(xpath, "xpath");
        Objects.requireNonNull(mirSection, "mirSection");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detail, "detail");
    }
}
