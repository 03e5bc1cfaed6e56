package org.vigil.incident.domain;

/**
 * A rule a report breaks, against the field a person has to correct.
 *
 * @param field   the field as the form and the REST API name it, e.g. {@code device.manufacturerName}
 * @param message what is wrong, in plain language
 */
public record ReportProblem(String field, String message) {
}
