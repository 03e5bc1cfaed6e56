package org.vigil.shared;

import java.util.Objects;

/**
 * Who performs an action and for which organisation: a signed-in user, or Vigil itself acting on an organisation's
 * behalf (a scheduled job, the demo loader, a command-line task).
 *
 * @param userId the acting user; {@code null} when Vigil itself acts
 * @param displayName the name recorded in the audit trail
 * @param organisationId the organisation whose data is read and written
 * @param scope {@link Scope#PLATFORM} additionally lets the actor administer organisations and users of every
 *        organisation; it never opens other organisations' vigilance records. {@link Scope#AUDIT_CHAIN_CHECK} reads
 *        every audit entry and nothing else; only the audit trail's chain check binds it, around the check alone
 */
public record Actor(UserId userId, String displayName, OrganisationId organisationId, Scope scope) {

    public enum Scope { TENANT, PLATFORM, AUDIT_CHAIN_CHECK }

    public Actor {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(scope, "scope");
        if (organisationId == null && scope == Scope.TENANT) {
            throw new IllegalArgumentException("A tenant actor needs an organisation");
        }
    }

    /** Vigil acting for one organisation, for example a scheduled reminder. */
    public static Actor system(OrganisationId organisationId, String what) {
        return new Actor(null, "Vigil (" + what + ")", organisationId, Scope.TENANT);
    }

    /** Vigil acting across organisations, for example the audit chain check or loading demo data. */
    public static Actor platform(String what) {
        return new Actor(null, "Vigil (" + what + ")", null, Scope.PLATFORM);
    }

    public boolean isPlatform() {
        return scope == Scope.PLATFORM;
    }

    /** The actor that reads every audit entry to check the chain, on behalf of {@code requester}. */
    public static Actor auditChainCheck(Actor requester) {
        return new Actor(requester.userId(), requester.displayName(), requester.organisationId(),
                Scope.AUDIT_CHAIN_CHECK);
    }
}
