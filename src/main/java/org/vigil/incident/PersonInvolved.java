package org.vigil.incident;

/** Who the event involved (MIR 7.3.1 section 3: patient, user or other person). */
public enum PersonInvolved {
    PATIENT, USER, OTHER_PERSON, NONE
}
