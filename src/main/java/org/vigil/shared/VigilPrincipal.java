package org.vigil.shared;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in person as the rest of Vigil sees them: who they are, which organisation they act for and which roles
 * they hold. Two principals are equal when they name the same user, so that all sessions of a user can be found and
 * ended when the user is deactivated or loses a role.
 */
public record VigilPrincipal(
        UserId userId,
        String email,
        String displayName,
        OrganisationId organisationId,
        String organisationName,
        OrganisationKind organisationKind,
        Set<Role> roles) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public VigilPrincipal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organisationId, "organisationId");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public Collection<? extends GrantedAuthority> authorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    /** The actor this principal acts as: platform administrators act in platform scope. */
    public Actor actor() {
        return new Actor(userId, displayName, organisationId,
                roles.contains(Role.PLATFORM_ADMIN) ? Actor.Scope.PLATFORM : Actor.Scope.TENANT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VigilPrincipal that && userId.equals(that.userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        return "VigilPrincipal[" + userId + ", " + organisationId + ", " + roles + "]";
    }
}
