package org.vigil.udi.basic;

import org.vigil.udi.IssuingEntity;
import org.vigil.udi.diagnostic.Finding;

/**
 * How one issuing entity writes an EU Basic UDI-DI (Regulation (EU) 2017/745 Annex VI Part C 3.4;
 * MDCG 2019-1: at most 25 characters including a check character defined by the issuing entity).
 */
public sealed interface BasicUdiDiForm permits GmnForm, HibccForm, IfaForm, IccbbaForm {

    /** Longest Basic UDI-DI allowed by MDCG 2019-1. */
    int MAX_LENGTH = 25;

    IssuingEntity issuer();

    /** Does {@code text} look like this issuer's form (decided on its prefix only)? */
    boolean recognises(String text);

    /** Number of check characters at the end. */
    int checkLength();

    /** Why {@code body} (the text without check characters) is malformed, or {@code null}. */
    Finding bodyProblem(String body);

    /** Check characters for a well-formed body. */
    String checkCharacters(String body);

    /** Why the check characters themselves are malformed (wrong alphabet), or {@code null}. */
    Finding checkCharactersProblem(String check);

    /** All forms, in the order used for detection. */
    static BasicUdiDiForm[] all() {
        return new BasicUdiDiForm[] {new HibccForm(), new IfaForm(), new GmnForm(), new IccbbaForm()};
    }

    static BasicUdiDiForm of(IssuingEntity issuer) {
        return switch (issuer) {
            case GS1 -> new GmnForm();
            case HIBCC -> new HibccForm();
            case IFA -> new IfaForm();
            case ICCBBA -> new IccbbaForm();
        };
    }
}
