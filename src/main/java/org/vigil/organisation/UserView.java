package org.vigil.organisation;

import java.time.Instant;
import java.util.Set;

import org.vigil.shared.OrganisationId;
import org.vigil.shared.Role;
import org.vigil.shared.UserId;

/** A person's account as their organisation's administrators see it. */
public record UserView(UserId id, OrganisationId organisationId, String organisationName, String email,
        String displayName, UserStatus status, Set<Role> roles, Instant createdAt, Instant activatedAt,
        Instant deactivatedAt) {
}
