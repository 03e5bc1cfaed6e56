package org.vigil.organisation;

import java.time.Instant;

import org.vigil.shared.UserId;

/**
 * A one-time secret that lets a person choose a password: an invitation for a new user or a reset for one who forgot
 * theirs. Shown once to the administrator who issued it, who passes it on; Vigil keeps only its hash.
 *
 * @param token the secret; the page is {@code /invitations/{token}}
 */
public record OneTimeLink(UserId userId, String token, Instant expiresAt) {

    public String path() {
        return "/invitations/" + token;
    }

    @Override
    public String toString() {
        return "OneTimeLink[" + userId + ", expires " + expiresAt + "]";
    }
}
