package org.vigil.udi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a scanned Unique Device Identifier says, split into its device identifier (UDI-DI) and
 * production identifier (UDI-PI) parts as defined by Regulation (EU) 2017/745 Annex VI Part C
 * section 1 and 21 CFR 801.3.
 *
 * <p>All fields other than {@code input}, {@code gs1Elements} and {@code problems} are {@code null}
 * when the data does not carry them (or could not be read). Dates are calendar dates: an expiry day
 * {@code 00} (GS1 General Specifications section 3.4.6, IFA, HIBCC month-only formats) is resolved to
 * the last day of that month.
 *
 * @param input           the text that was parsed, exactly as given
 * @param issuer          issuing entity detected from the data, {@code null} if none could be recognised
 * @param di              UDI-DI: GS1 GTIN (AI 01), HIBCC primary data structure ({@code +LIC PCN U/M C}),
 *                        ISBT 128 Processor Product Identification Code / product code, or IFA PPN
 * @param lot             lot or batch number
 * @param serial          serial number
 * @param expiry          expiry (use-by) date
 * @param manufactured    date of manufacture
 * @param softwareVersion software version (GS1 AI 8012)
 * @param quantity        quantity carried in the data (HIBCC {@code $$8}/{@code $$9}), else {@code null}
 * @param gs1Elements     GS1 only: every AI element in input order, else empty
 * @param gs1Hri          GS1 only: bracketed human-readable interpretation, e.g. {@code (01)…(17)…}
 * @param gs1ElementString GS1 only: unbracketed element string in GS1 notation ({@code ^} = FNC1)
 * @param problems        every problem found; empty means the data is well-formed under its issuing
 *                        entity's rules
 */
public record UdiResult(
        String input,
        IssuingEntity issuer,
        String di,
        String lot,
        String serial,
        LocalDate expiry,
        LocalDate manufactured,
        String softwareVersion,
        Integer quantity,
        List<AiElement> gs1Elements,
        String gs1Hri,
        String gs1ElementString,
        List<UdiProblem> problems) {

    public UdiResult {
        Objects.requireNonNull(input, "input");
        gs1Elements = List.copyOf(gs1Elements);
        problems = List.copyOf(problems);
    }

    /** {@code true} when no problem was found. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
