package org.vigil.reportability;

/** What a reportability decision concludes. */
public enum Conclusion {
    /** A serious incident to report to the authorities (MDR Art. 87(1)(a)), with its MIR §1.2.g classification. */
    REPORTABLE("Reportable serious incident"),
    /**
     * Not reported individually, but counted for trend reporting (MDR Art. 88): an incident that is not serious, or an
     * expected side-effect documented in the product information and quantified in the technical documentation
     * (Art. 87(1)(a)).
     */
    TREND_REPORTING("Not individually reportable: trend reporting (MDR Art. 88)"),
    /** Not an incident, causality excluded, or abnormal use: not reportable, with the rationale recorded. */
    NOT_REPORTABLE("Not reportable");

    private final String label;

    Conclusion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
