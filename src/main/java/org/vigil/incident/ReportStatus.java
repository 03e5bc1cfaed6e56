package org.vigil.incident;

/** A report is a draft inside the hospital until it is submitted; a submitted report is never changed. */
public enum ReportStatus {
    DRAFT, SUBMITTED
}
