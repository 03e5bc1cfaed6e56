package org.vigil.udi.diagnostic;

import java.time.LocalDate;

/**
 * Mutable accumulator for the production-identifier fields while a non-GS1 parser walks its data;
 * shared by the HIBCC, ISBT 128 and IFA parsers so that each only describes its own syntax.
 */
public final class PiFields {
    public String di;
    public String lot;
    public String serial;
    public LocalDate expiry;
    public LocalDate manufactured;
    public Integer quantity;
}
