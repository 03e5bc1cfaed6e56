package org.vigil.device;

/**
 * Something wrong with one row of an import file, in words the person who prepared the file can act on.
 *
 * @param row     one-based line (CSV) or record number (XML); 0 for the file as a whole
 * @param field   the column or element at fault, {@code null} when the row as a whole is at fault
 * @param message what is wrong, in plain language
 */
public record ImportProblem(int row, String field, String message) {
}
