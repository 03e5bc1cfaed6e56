package org.vigil.mir;

/**
 * A reference to another report about the same incident, MIR 7.3.1 §1.4: another MIR (multiple devices involved) or
 * a field safety corrective action. Each number is {@code null} when not known.
 *
 * @param nca the competent authority's reference number
 * @param eudamed the EUDAMED reference number
 * @param manufacturer the manufacturer's reference number
 */
public record ReportReference(String nca, String eudamed, String manufacturer) {
}
