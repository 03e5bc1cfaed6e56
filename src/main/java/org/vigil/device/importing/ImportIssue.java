package org.vigil.device.importing;

/**
 * One entry of an import's report: a row that was not stored ({@link Severity#ERROR}) or one that was stored but needs
 * a look ({@link Severity#NOTICE}).
 *
 * @param row      one-based line (CSV) or record (XML); 0 for the file as a whole
 * @param field    the column or element, {@code null} for the row as a whole
 * @param message  what is wrong, in plain language
 * @param severity whether the row was rejected
 */
public record ImportIssue(int row, String field, String message, Severity severity) {

    public enum Severity { ERROR, NOTICE }
}
