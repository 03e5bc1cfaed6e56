package org.vigil.reportability;

/**
 * How the device was used (MDCG 2023-3 Rev. 2 Q&A 7 and 8). Use errors are assessed like any other incident;
 * abnormal use (deliberate use against the instructions, beyond any reasonable risk control) is not handled through
 * vigilance but through the manufacturer's quality system, and is then not reportable as a serious incident.
 */
public enum UseContext {
    NORMAL_USE("Normal use"),
    USE_ERROR("Use error (MDCG 2023-3 Q&A 7: assessed like any incident)"),
    ABNORMAL_USE("Abnormal use (MDCG 2023-3 Q&A 8: not a vigilance matter)");

    private final String label;

    UseContext(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
