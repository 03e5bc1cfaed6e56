package org.vigil.reportability;

/**
 * What makes an incident serious (MDR Art. 2(65); IVDR Art. 2(68)): an outcome the incident directly or indirectly
 * led to, might have led to or might lead to. A serious public health threat (Art. 2(66)) is asked separately.
 */
public enum SeriousOutcome {
    /** Art. 2(65)(a). */
    DEATH("Death of a patient, user or other person", "Art. 2(65)(a)"),
    /** Art. 2(65)(b)(i). */
    LIFE_THREATENING("Life-threatening illness or injury", "Art. 2(65)(b)(i)"),
    /** Art. 2(65)(b)(ii). */
    PERMANENT_IMPAIRMENT("Permanent impairment of a body structure or a body function", "Art. 2(65)(b)(ii)"),
    /** Art. 2(65)(b)(iii). */
    HOSPITALISATION("Hospitalisation or prolongation of hospitalisation", "Art. 2(65)(b)(iii)"),
    /** Art. 2(65)(b)(iv). */
    INTERVENTION("Medical or surgical intervention to prevent one of these", "Art. 2(65)(b)(iv)"),
    /** Art. 2(65)(b)(v). */
    CHRONIC_DISEASE("Chronic disease", "Art. 2(65)(b)(v)"),
    /** Art. 2(65)(c). */
    FOETAL("Foetal distress, foetal death, or a congenital physical or mental impairment or birth defect",
            "Art. 2(65)(c)");

    private final String label;
    private final String article;

    SeriousOutcome(String label, String article) {
        this.label = label;
        this.article = article;
    }

    public String label() {
        return label;
    }

    /** The point of MDR Art. 2(65) that names it. */
    public String article() {
        return article;
    }

    /** Whether it is a serious deterioration in the state of health (Art. 2(65)(b) and (c)), not death. */
    public boolean deterioration() {
        return this != DEATH;
    }
}
