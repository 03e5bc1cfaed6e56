package org.vigil.incident;

/** What a cybersecurity event report is about (MDCG 2019-16 Rev.1 section 5). */
public enum CybersecurityEventType {
    SUSPECTED_INTRUSION, MALFUNCTION_AFTER_UPDATE, VULNERABILITY_OBSERVED, OTHER
}
