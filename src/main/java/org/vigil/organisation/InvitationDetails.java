package org.vigil.organisation;

import java.time.Instant;

/**
 * What the page behind a one-time link shows before the person chooses a password.
 *
 * @param usable whether the link can still be used (not used, withdrawn or expired, account not deactivated)
 * @param passwordReset whether it resets a password rather than accepting an invitation
 */
public record InvitationDetails(String email, String displayName, String organisationName, boolean passwordReset,
        Instant expiresAt, boolean usable) {
}
