package org.vigil.udi.basic;

import org.vigil.udi.IssuingEntity;
import org.vigil.udi.checkchar.GmnCheckPair;
import org.vigil.udi.diagnostic.Finding;

/**
 * HIBC Basic UDI-DI (HIBCC "HIBC Basic UDI-DI" document, as published by the European Commission's
 * EUDAMED guidance "Basic UDI-DI generators depending on issuing entity"): flag {@code ++}, Labeler
 * Identification Code (4, first alphabetic), model identifier (1-17 alphanumeric) and two check
 * characters "calculated using mod 1021 and mod 32" over everything before them — the same construction
 * as the GS1 GMN pair ({@code ++A999MODELIDENTIFIER11} gives {@code S8}).
 */
public record HibccForm() implements BasicUdiDiForm {

    @Override
    public IssuingEntity issuer() {
        return IssuingEntity.HIBCC;
    }

    @Override
    public boolean recognises(String text) {
        return text.startsWith("++");
    }

    @Override
    public int checkLength() {
        return 2;
    }

    @Override
    public Finding bodyProblem(String body) {
        if (body.length() < 7) {
            return new Finding(body.length(), "an HIBC Basic UDI-DI needs ++, a 4-character labeler code and a model "
                    + "identifier before its two check characters");
        }
        if (body.length() > 23) {
            return new Finding(23, "an HIBC Basic UDI-DI has at most 25 characters (model identifier up to 17)");
        }
        if (body.charAt(2) < 'A' || body.charAt(2) > 'Z') {
            return new Finding(2, "the HIBC labeler code starts with a capital letter");
        }
        for (int i = 3; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return new Finding(i, "the HIBC labeler code and model identifier may only contain A-Z and 0-9");
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
                return new Finding(i, "HIBC Basic UDI-DI check characters are only 2-9 and A-Z without I and O");
            }
        }
        return null;
    }
}
