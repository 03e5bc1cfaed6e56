package org.vigil.device;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A device's risk class under the legislation it is placed under: MDR Annex VIII (I, Is, Im, Ir, IIa, IIb, III), IVDR
 * Annex VIII (A–D), MDD Annex IX (I, Is, Im, IIa, IIb, III), AIMDD (one class) and IVDD Annex II (list A, list B,
 * self-testing, general). The EUDAMED code is the {@code RiskClassEnum} value (DTX 3.0.25) where EUDAMED has one.
 */
public enum RiskClass {
    MDR_I(Legislation.MDR, "I", "CLASS_I"),
    MDR_IS(Legislation.MDR, "Is", "CLASS_I"),
    MDR_IM(Legislation.MDR, "Im", "CLASS_I"),
    MDR_IR(Legislation.MDR, "Ir", "CLASS_I"),
    MDR_IIA(Legislation.MDR, "IIa", "CLASS_IIA"),
    MDR_IIB(Legislation.MDR, "IIb", "CLASS_IIB"),
    MDR_III(Legislation.MDR, "III", "CLASS_III"),
    IVDR_A(Legislation.IVDR, "A", "CLASS_A"),
    IVDR_B(Legislation.IVDR, "B", "CLASS_B"),
    IVDR_C(Legislation.IVDR, "C", "CLASS_C"),
    IVDR_D(Legislation.IVDR, "D", "CLASS_D"),
    MDD_I(Legislation.MDD, "I", "CLASS_I"),
    MDD_IS(Legislation.MDD, "Is", "CLASS_I"),
    MDD_IM(Legislation.MDD, "Im", "CLASS_I"),
    MDD_IIA(Legislation.MDD, "IIa", "CLASS_IIA"),
    MDD_IIB(Legislation.MDD, "IIb", "CLASS_IIB"),
    MDD_III(Legislation.MDD, "III", "CLASS_III"),
    AIMDD(Legislation.AIMDD, "AIMD", "AIMDD"),
    IVDD_LIST_A(Legislation.IVDD, "Annex II list A", "IVD_ANNEX_II_LIST_A"),
    IVDD_LIST_B(Legislation.IVDD, "Annex II list B", "IVD_ANNEX_II_LIST_B"),
    IVDD_SELF_TESTING(Legislation.IVDD, "Self-testing", "IVD_DEVICES_SELF_TESTING"),
    IVDD_GENERAL(Legislation.IVDD, "General", "IVD_GENERAL");

    private final Legislation legislation;
    private final String label;
    private final String eudamedCode;

    RiskClass(Legislation legislation, String label, String eudamedCode) {
        this.legislation = legislation;
        this.label = label;
        this.eudamedCode = eudamedCode;
    }

    public Legislation legislation() {
        return legislation;
    }

    /** The class as the legislation writes it, e.g. {@code IIa}. */
    public String label() {
        return label;
    }

    /** The EUDAMED {@code RiskClassEnum} value; for Is, Im and Ir EUDAMED records class I plus a flag. */
    public String eudamedCode() {
        return eudamedCode;
    }

    /** The classes a device under {@code legislation} may have (none for {@link Legislation#UNKNOWN}). */
    public static List<RiskClass> under(Legislation legislation) {
        return Arrays.stream(values()).filter(c -> c.legislation == legislation).toList();
    }

    /** Reads the class as a person writes it under a legislation ({@code IIa}, {@code iia}, {@code CLASS_IIA}). */
    public static Optional<RiskClass> of(Legislation legislation, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace("CLASS_", "").replace("CLASS ", "");
        return under(legislation).stream()
                .filter(c -> c.label.toUpperCase(Locale.ROOT).equals(wanted) || c.name().equals(wanted)
                        || c.name().endsWith("_" + wanted) || c.eudamedCode.equals(text.strip()))
                .findFirst();
    }
}
