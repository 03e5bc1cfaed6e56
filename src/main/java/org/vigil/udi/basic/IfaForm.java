package org.vigil.udi.basic;

import org.vigil.udi.IssuingEntity;
import org.vigil.udi.checkchar.Mod97Weighted;
import org.vigil.udi.diagnostic.Finding;

/**
 * IFA Basic UDI-DI (IFA "Basic UDI-DI – IFA Standards", Nov 2019, published by the European
 * Commission): issuing agency code {@code PP}, 5-digit IFA manufacturer code, device group code
 * (1-16 characters 0-9, A-Z and "."), two check digits computed like the PPN's (modulo 97 over ASCII
 * values weighted from 2). Example {@code PP12345ABCD.12345678.9004}.
 */
public record IfaForm() implements BasicUdiDiForm {

    @Override
    public IssuingEntity issuer() {
        return IssuingEntity.IFA;
    }

    @Override
    public boolean recognises(String text) {
        return text.startsWith("PP");
    }

    @Override
    public int checkLength() {
        return 2;
    }

    @Override
    public Finding bodyProblem(String body) {
        if (body.length() < 8) {
            return new Finding(body.length(), "an IFA Basic UDI-DI needs PP, a 5-digit manufacturer code and a "
                    + "device group code before its two check digits");
        }
        if (body.length() > 23) {
            return new Finding(23, "an IFA Basic UDI-DI has at most 25 characters (device group code up to 16)");
        }
        for (int i = 2; i < 7; i++) {
            if (body.charAt(i) < '0' || body.charAt(i) > '9') {
                return new Finding(i, "the IFA manufacturer code is 5 digits");
            }
        }
        for (int i = 7; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.')) {
                return new Finding(i, "the IFA device group code may only contain 0-9, A-Z and \".\"");
            }
        }
        return null;
    }

    @Override
    public String checkCharacters(String body) {
        return Mod97Weighted.twoDigits(Mod97Weighted.compute(body, 0, body.length()));
    }

    @Override
    public Finding checkCharactersProblem(String check) {
        for (int i = 0; i < check.length(); i++) {
            if (check.charAt(i) < '0' || check.charAt(i) > '9') {
                return new Finding(i, "IFA check digits are digits");
            }
        }
        return null;
    }
}
