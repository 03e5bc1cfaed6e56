package org.vigil.mir;

import java.util.Locale;
import java.util.Optional;

/**
 * The type of a Manufacturer Incident Report, MIR 7.3.1 §1.2 (MDCG 2023-3 Q&A 41–44): it decides which fields the
 * report must carry and which of the European Commission's five XSDs applies to the form XML.
 */
public enum MirReportType {

    /** The first report of a reportable incident, within the period of MDR Art. 87(3)–(5). */
    INITIAL("Initial"),
    /** Further information after the initial report (MDR Art. 89(1)). */
    FOLLOW_UP("Follow up"),
    /** One report that is both the initial and the final report, when the investigation is already complete. */
    INITIAL_AND_FINAL("Combined initial and final"),
    /** The final report of an incident that was reportable, with the investigation's conclusions (MDR Art. 89(5)). */
    FINAL_REPORTABLE("Final (reportable incident)"),
    /** The final report stating that the incident, once investigated, was not reportable. */
    FINAL_NON_REPORTABLE("Final (non-reportable incident)");

    private final String formText;

    MirReportType(String formText) {
        this.formText = formText;
    }

    /** The text the MIR form XML holds in {@code admin_info/reportType}, e.g. {@code Follow up}. */
    public String formText() {
        return formText;
    }

    /** Whether this is a final report (§4 conclusions and root cause required). */
    public boolean isFinal() {
        return this == INITIAL_AND_FINAL || this == FINAL_REPORTABLE || this == FINAL_NON_REPORTABLE;
    }

    /**
     * The report type a form's {@code reportType} text names, accepting the spellings seen in the wild
     * ({@code Follow up}, {@code Follow-up}, {@code FOLLOW_UP}, {@code Final}); empty when it names none.
     * A bare {@code Final} is the final report of a reportable incident.
     */
    public static Optional<MirReportType> fromFormText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String type = text.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').strip();
        for (MirReportType value : values()) {
            if (value.formText.equalsIgnoreCase(type)) {
                return Optional.of(value);
            }
        }
        boolean initial = type.contains("initial");
        boolean fin = type.contains("final");
        if (initial && fin) {
            return Optional.of(INITIAL_AND_FINAL);
        }
        if (fin) {
            return Optional.of(type.contains("non") ? FINAL_NON_REPORTABLE : FINAL_REPORTABLE);
        }
        if (type.contains("follow")) {
            return Optional.of(FOLLOW_UP);
        }
        return initial ? Optional.of(INITIAL) : Optional.empty();
    }
}
