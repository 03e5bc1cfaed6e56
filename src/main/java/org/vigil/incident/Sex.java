package org.vigil.incident;

/** Sex of the person involved as MIR 7.3.1 section 3 asks for it. */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN
}
