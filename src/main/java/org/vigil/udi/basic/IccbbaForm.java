package org.vigil.udi.basic;

import org.vigil.udi.IssuingEntity;
import org.vigil.udi.checkchar.Mod37Radix2;
import org.vigil.udi.diagnostic.Finding;

/**
 * ICCBBA Basic UDI-DI for devices containing MPHO (ICCBBA ST-017 "Coding and Labeling of Medical
 * Devices Containing MPHO"): Facility Identification Number (5, first a letter), the manufacturer's
 * model code (1-19 characters A-Z, 0-9) and one ISO/IEC 7064 MOD 37-2 check character (the ISBT 128
 * check algorithm), at most 25 characters.
 *
 * <p>Caveat: ST-017 is licensed to ICCBBA registrants and its text was not available while this was
 * written; the layout above follows ICCBBA's published FIN and check-character rules and should be
 * confirmed against ST-017 before relying on it for regulatory submissions.
 */
public record IccbbaForm() implements BasicUdiDiForm {

    @Override
    public IssuingEntity issuer() {
        return IssuingEntity.ICCBBA;
    }

    @Override
    public boolean recognises(String text) {
        return !text.isEmpty() && text.charAt(0) >= 'A' && text.charAt(0) <= 'Z';
    }

    @Override
    public int checkLength() {
        return 1;
    }

    @Override
    public Finding bodyProblem(String body) {
        if (body.length() < 6) {
            return new Finding(body.length(), "an ICCBBA Basic UDI-DI needs a 5-character facility number and a "
                    + "model code before its check character");
        }
        if (body.length() > 24) {
            return new Finding(24, "an ICCBBA Basic UDI-DI has at most 25 characters");
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return new Finding(i, "an ICCBBA Basic UDI-DI may only contain A-Z and 0-9 before its check character");
            }
        }
        return null;
    }

    @Override
    public String checkCharacters(String body) {
        return String.valueOf(Mod37Radix2.character(Mod37Radix2.checksum(body, 0, body.length())));
    }

    @Override
    public Finding checkCharactersProblem(String check) {
        return Mod37Radix2.value(check.charAt(0)) < 0
                ? new Finding(0, "the ICCBBA check character is 0-9, A-Z or *") : null;
    }
}
