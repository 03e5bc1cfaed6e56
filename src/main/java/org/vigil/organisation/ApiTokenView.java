package org.vigil.organisation;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal API token as its holder sees it later: never the secret, only its first characters.
 *
 * @param prefix the token's first characters, to tell tokens apart
 */
public record ApiTokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt, Instant revokedAt) {

    public boolean live(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
