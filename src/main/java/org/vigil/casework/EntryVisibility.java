package org.vigil.casework;

/** Who reads a timeline entry: every organisation of the case, or only the author's organisation. */
public enum EntryVisibility {
    SHARED, INTERNAL
}
