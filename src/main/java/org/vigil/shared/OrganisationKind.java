package org.vigil.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of organisation that take part in vigilance, with the roles their people may hold.
 *
 * <ul>
 *   <li>{@link #MANUFACTURER}: MDR Art. 2(30); registered in EUDAMED with a single registration number (SRN,
 *       Art. 31) and responsible for vigilance (Art. 87–89) through its PRRC (Art. 15).</li>
 *   <li>{@link #AUTHORISED_REPRESENTATIVE}: MDR Art. 2(32) and Art. 11, acting for a non-EU manufacturer; has an SRN.</li>
 *   <li>{@link #HEALTHCARE_ORGANISATION}: MDR Art. 2(36); hospitals report incidents and keep implant records.</li>
 *   <li>{@link #COMPETENT_AUTHORITY}: the national authority that receives reports (MDR Art. 87, 89, 101).</li>
 *   <li>{@link #PLATFORM_OPERATOR}: whoever runs this Vigil installation; its people administer the platform.</li>
 * </ul>
 */
public enum OrganisationKind {

    MANUFACTURER(EnumSet.of(Role.COMPLAINT_HANDLER, Role.VIGILANCE_OFFICER, Role.PRRC, Role.ORGANISATION_ADMIN)),
    AUTHORISED_REPRESENTATIVE(EnumSet.of(Role.COMPLAINT_HANDLER, Role.VIGILANCE_OFFICER, Role.PRRC,
            Role.ORGANISATION_ADMIN)),
    HEALTHCARE_ORGANISATION(EnumSet.of(Role.REPORTER, Role.DEVICE_SAFETY_OFFICER, Role.ORGANISATION_ADMIN)),
    COMPETENT_AUTHORITY(EnumSet.of(Role.AUTHORITY_REVIEWER, Role.ORGANISATION_ADMIN)),
    PLATFORM_OPERATOR(EnumSet.of(Role.PLATFORM_ADMIN, Role.ORGANISATION_ADMIN));

    private final Set<Role> permittedRoles;

    OrganisationKind(Set<Role> permittedRoles) {
        this.permittedRoles = Set.copyOf(permittedRoles);
    }

    /** The roles a member of an organisation of this kind may be granted. */
    public Set<Role> permittedRoles() {
        return permittedRoles;
    }

    public boolean permits(Role role) {
        return permittedRoles.contains(role);
    }
}
