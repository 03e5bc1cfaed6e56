package org.vigil.casework;

/** What an entry on a case's timeline records. */
public enum EntryKind {
    OPENED, MESSAGE, STATUS, INTERIM_ADVICE, DEVICE_RETURN, OUTCOME, ASSIGNMENT, INTERNAL_NOTE
}
