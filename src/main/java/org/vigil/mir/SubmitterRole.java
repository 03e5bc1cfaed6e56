package org.vigil.mir;

import java.util.Arrays;
import java.util.Optional;

/** Who submits the MIR, MIR 7.3.1 §1.3 ({@code contact_info/reporterMfr/statusReporter}). */
public enum SubmitterRole {

    /** The manufacturer itself (MDR Art. 87(1)). */
    MANUFACTURER("Manufacturer"),
    /** The authorised representative on the manufacturer's behalf (MDR Art. 11(3)(g)). */
    AUTHORISED_REPRESENTATIVE("Authorised representative"),
    /** Another party, such as the Swiss representative (CH-REP, MedDO Art. 51). */
    OTHER("Other");

    private final String formText;

    SubmitterRole(String formText) {
        this.formText = formText;
    }

    /** The text of {@code statusReporter}. */
    public String formText() {
        return formText;
    }

    /** The role a {@code statusReporter} text names, ignoring case; empty when it names none. */
    public static Optional<SubmitterRole> fromFormText(String text) {
        return Arrays.stream(values()).filter(role -> role.formText.equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst();
    }
}
