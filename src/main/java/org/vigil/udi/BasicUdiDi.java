package org.vigil.udi;

import java.util.Objects;
import org.vigil.udi.basic.BasicUdiDiChecker;

/**
 * EU Basic UDI-DI (Regulation (EU) 2017/745 Annex VI Part C section 3.4 and Part A section 2; MDCG
 * 2019-1): the model-level key in EUDAMED, never encoded in a barcode. Each issuing entity defines its
 * form and check character: GS1 GMN (check pair, GS1 General Specifications 7.9.5), HIBCC {@code ++}
 * LIC model + mod 1021/32 pair, IFA {@code PP} + manufacturer + device group + mod 97 digits, ICCBBA
 * facility number + model code + ISO/IEC 7064 MOD 37-2 character. Never throws except for {@code null}.
 */
public final class BasicUdiDi {

    private BasicUdiDi() {
    }

    /** Recognises the issuer from the prefix and verifies form and check character(s). */
    public static BasicUdiDiCheck check(String basicUdiDi) {
        Objects.requireNonNull(basicUdiDi, "basicUdiDi");
        return BasicUdiDiChecker.check(basicUdiDi);
    }

    /** The check character(s) {@code issuer}'s rule gives for {@code body}. */
    public static Conversion checkCharacters(IssuingEntity issuer, String body) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(body, "body");
        return BasicUdiDiChecker.checkCharacters(issuer, body);
    }

    /** {@code body} followed by its check character(s). */
    public static Conversion addCheckCharacters(IssuingEntity issuer, String body) {
        Conversion check = checkCharacters(issuer, body);
        return check.succeeded() ? Conversion.of(body + check.value()) : check;
    }
}
