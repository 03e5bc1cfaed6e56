package org.vigil.udi;

import java.util.List;

/**
 * Result of checking an EU Basic UDI-DI (Regulation (EU) 2017/745 Annex VI Part C section 3.4; MDCG 2019-1:
 * at most 25 characters, with a check character defined by the issuing entity).
 *
 * @param input          the text that was checked
 * @param issuer         the issuing entity whose form the text follows, {@code null} if none matched
 * @param checkCharacters the check character(s) the body should carry according to that issuer's rule,
 *                        {@code null} when the body itself is malformed
 * @param problems       every problem; empty means the Basic UDI-DI is well-formed and its check is right
 */
public record BasicUdiDiCheck(String input, IssuingEntity issuer, String checkCharacters, List<UdiProblem> problems) {
    public BasicUdiDiCheck {
        problems = List.copyOf(problems);
    }

    /** {@code true} when the Basic UDI-DI is well-formed and its check character(s) are right. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
