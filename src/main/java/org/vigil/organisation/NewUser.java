package org.vigil.organisation;

import java.util.Set;

import org.vigil.shared.Role;

/**
 * An invitation to a new member of an organisation.
 *
 * @param email their e-mail address, which becomes their sign-in name; unique across Vigil
 * @param displayName their full name as shown to others and in the audit trail
 * @param roles at least one role permitted for the organisation's kind
 */
public record NewUser(String email, String displayName, Set<Role> roles) {
}
