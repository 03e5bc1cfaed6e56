package org.vigil.shared;

/**
 * What a person may do in Vigil. A user holds any number of roles permitted for their organisation's kind
 * ({@link OrganisationKind#permittedRoles()}).
 */
public enum Role {

    /** A clinician or other staff member of a healthcare organisation who reports device incidents. */
    REPORTER,
    /** The healthcare organisation's device-safety (materiovigilance) officer, its contact for manufacturers. */
    DEVICE_SAFETY_OFFICER,
    /** Manufacturer staff who record and triage complaints (ISO 13485 §8.2.2). */
    COMPLAINT_HANDLER,
    /** Manufacturer staff who assess reportability and report to authorities (MDR Art. 87–89). */
    VIGILANCE_OFFICER,
    /** Person responsible for regulatory compliance, MDR Art. 15(3)(d): ensures vigilance duties are met. */
    PRRC,
    /** Staff of a competent authority who read what is submitted to it. */
    AUTHORITY_REVIEWER,
    /** Manages the users and roles of their own organisation. */
    ORGANISATION_ADMIN,
    /** Administers the installation: organisations, their administrators and the audit-trail check. */
    PLATFORM_ADMIN;

    /** The Spring Security authority name, for example {@code ROLE_PRRC}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
