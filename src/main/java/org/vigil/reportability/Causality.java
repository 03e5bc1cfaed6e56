package org.vigil.reportability;

/**
 * The causal relationship between the device and the serious incident, as MDCG 2023-3 Rev. 2 (Q&A 4 and the MIR
 * 7.3.1 §4 guidance) frames it. Only an excluded relationship takes an incident out of vigilance reporting; when the
 * relationship cannot be excluded the incident is reported ("when in doubt, report", MDR Art. 87(7) read with
 * MDCG 2023-3).
 */
public enum Causality {
    ESTABLISHED("Established"),
    REASONABLY_POSSIBLE("Reasonably possible"),
    CANNOT_BE_EXCLUDED("Cannot be excluded"),
    EXCLUDED("Excluded");

    private final String label;

    Causality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
