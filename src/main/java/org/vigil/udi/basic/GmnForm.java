package org.vigil.udi.basic;

import org.vigil.udi.IssuingEntity;
import org.vigil.udi.checkchar.GmnCheckPair;
import org.vigil.udi.diagnostic.Finding;

/**
 * GS1 Global Model Number used as Basic UDI-DI (GS1 General Specifications 3.9.x AI (8013) and 7.9.5;
 * GS1 "Basic UDI-DI" healthcare guideline): GS1 Company Prefix (at least 5 digits as used by the GS1 GMN
 * helper and EUDAMED's description), model reference, then two check characters from CSET 32; at most
 * 25 characters, all from CSET 82.
 */
public record GmnForm() implements BasicUdiDiForm {

    @Override
    public IssuingEntity issuer() {
        return IssuingEntity.GS1;
    }

    @Override
    public boolean recognises(String text) {
        return !text.isEmpty() && text.charAt(0) >= '0' && text.charAt(0) <= '9';
    }

    @Override
    public int checkLength() {
        return 2;
    }

    @Override
    public Finding bodyProblem(String body) {
        if (body.length() < 6) {
            return new Finding(body.length(), "a GMN needs the GS1 Company Prefix and at least one model character "
                    + "before its two check characters");
        }
        if (body.length() > GmnCheckPair.MAX_BODY) {
            return new Finding(GmnCheckPair.MAX_BODY, "a GMN has at most 25 characters including the check characters");
        }
        for (int i = 0; i < 5; i++) {
            if (body.charAt(i) < '0' || body.charAt(i) > '9') {
                return new Finding(i, "a GMN starts with a GS1 Company Prefix, whose first 5 characters are digits");
            }
        }
        for (int i = 5; i < body.length(); i++) {
            if (GmnCheckPair.cset82Value(body.charAt(i)) < 0) {
                return new Finding(i, "character \"" + body.charAt(i) + "\" is not allowed in a GMN");
            }
        }
        return null;
    }

    @Override
    public String checkCharacters(String body) {
        return GmnCheckPair.compute(body, 0, body.length());
    }

    @Override
    public Finding checkCharactersProblem(String check) {
        for (int i = 0; i < check.length(); i++) {
            if (GmnCheckPair.CSET32.indexOf(check.charAt(i)) < 0) {
                return new Finding(i, "GMN check characters are only 2-9 and capital letters without I and O");
            }
        }
        return null;
    }
}
