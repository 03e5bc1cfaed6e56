package org.vigil.mir;

/** How a report reached the authority. */
public enum SubmissionChannel {
    /** The package (XML, PDF, attachment list) sent by e-mail, as Swissmedic and several NCAs take it. */
    EMAIL_PACKAGE("E-mail package"),
    /** Uploaded on the authority's portal. */
    PORTAL_UPLOAD("Portal upload"),
    /** Sent to EUDAMED's vigilance module (MDR Art. 92). */
    EUDAMED("EUDAMED"),
    /** Sent as eMDR through FDA's Electronic Submissions Gateway (21 CFR 803.12). */
    FDA_ESG("FDA Electronic Submissions Gateway");

    private final String label;

    SubmissionChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
