package org.vigil.mir;

/** Which kind of manufacturer incident report a file holds, recognised by its root element. */
public enum MirDocumentKind {

    /**
     * The EUDAMED vigilance data exchange format: a {@code mir_2Element}, a vigilance {@code Dossier} whose
     * {@code Data} is a {@code mir_2Type}, or a DTX message carrying such dossiers (EUDAMED DTX 3.0.25).
     */
    EUDAMED_MIR("EUDAMED mir_2Type, DTX 3.0.25"),

    /** The European Commission's MIR form 7.3.1 as XML: root {@code incident} with {@code version="7.3.1"}. */
    MIR_FORM("MIR form 7.3.1"),

    /** Neither: the file is not a manufacturer incident report Vigil knows. */
    UNRECOGNISED("not a manufacturer incident report");

    private final String label;

    MirDocumentKind(String label) {
        this.label = label;
    }

    /** How the kind is named to people, e.g. {@code EUDAMED mir_2Type, DTX 3.0.25}. */
    public String label() {
        return label;
    }
}
