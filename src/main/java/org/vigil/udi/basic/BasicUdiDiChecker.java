package org.vigil.udi.basic;

import java.util.List;
import org.vigil.udi.BasicUdiDiCheck;
import org.vigil.udi.Conversion;
import org.vigil.udi.IssuingEntity;
import org.vigil.udi.UdiProblem;
import org.vigil.udi.diagnostic.Finding;

/** Verifies and computes Basic UDI-DI check characters for the four issuing entities' forms. */
public final class BasicUdiDiChecker {

    private BasicUdiDiChecker() {
    }

    /** Detects the issuing entity from the prefix and verifies the whole Basic UDI-DI. */
    public static BasicUdiDiCheck check(String text) {
        for (BasicUdiDiForm form : BasicUdiDiForm.all()) {
            if (form.recognises(text)) {
                return check(form, text);
            }
        }
        return new BasicUdiDiCheck(text, null, null, List.of(new UdiProblem(0,
                "not a Basic UDI-DI of GS1 (starts with digits), HIBCC (++), IFA (PP) or ICCBBA (facility number)")));
    }

    private static BasicUdiDiCheck check(BasicUdiDiForm form, String text) {
        int bodyLength = text.length() - form.checkLength();
        if (text.length() > BasicUdiDiForm.MAX_LENGTH) {
            return new BasicUdiDiCheck(text, form.issuer(), null, List.of(new UdiProblem(BasicUdiDiForm.MAX_LENGTH,
                    "a Basic UDI-DI has at most " + BasicUdiDiForm.MAX_LENGTH + " characters, this one has "
                            + text.length())));
        }
        if (bodyLength < 1) {
            return new BasicUdiDiCheck(text, form.issuer(), null, List.of(new UdiProblem(text.length(),
                    "the Basic UDI-DI is too short")));
        }
        String body = text.substring(0, bodyLength);
        Finding bodyProblem = form.bodyProblem(body);
        if (bodyProblem != null) {
            return new BasicUdiDiCheck(text, form.issuer(), null,
                    List.of(new UdiProblem(bodyProblem.offset(), bodyProblem.reason())));
        }
        String expected = form.checkCharacters(body);
        String actual = text.substring(bodyLength);
        Finding checkProblem = form.checkCharactersProblem(actual);
        if (checkProblem != null) {
            return new BasicUdiDiCheck(text, form.issuer(), expected,
                    List.of(new UdiProblem(bodyLength + checkProblem.offset(), checkProblem.reason())));
        }
        if (!expected.equals(actual)) {
            return new BasicUdiDiCheck(text, form.issuer(), expected, List.of(new UdiProblem(bodyLength,
                    "the check character" + (expected.length() > 1 ? "s are" : " is") + " wrong: expected "
                            + expected + ", found " + actual)));
        }
        return new BasicUdiDiCheck(text, form.issuer(), expected, List.of());
    }

    /** Check characters for {@code body} under {@code issuer}'s rule. */
    public static Conversion checkCharacters(IssuingEntity issuer, String body) {
        BasicUdiDiForm form = BasicUdiDiForm.of(issuer);
        Finding problem = form.bodyProblem(body);
        if (problem != null) {
            return Conversion.failed(List.of(new UdiProblem(Math.min(problem.offset(), body.length()),
                    problem.reason())));
        }
        return Conversion.of(form.checkCharacters(body));
    }
}
