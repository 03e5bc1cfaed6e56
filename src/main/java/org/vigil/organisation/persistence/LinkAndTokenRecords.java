package org.vigil.organisation.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.organisation.ApiTokenView;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/** One-time links and API tokens as their organisation sees them (hashes only, never secrets). */
@Repository
public class LinkAndTokenRecords {

    private final JdbcClient jdbc;

    LinkAndTokenRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertLink(UUID id, UserId user, OrganisationId organisation, boolean passwordReset, byte[] tokenHash,
            Instant expiresAt, UserId createdBy) {
        jdbc.sql("""
                INSERT INTO invitation (id, user_id, org_id, purpose, token_hash, expires_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(id, user.value(), organisation.value(), passwordReset ? "PASSWORD_RESET" : "INVITATION",
                tokenHash, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC),
                createdBy == null ? null : createdBy.value()).update();
    }

    /** Withdraws every unused link of {@code user}, so that only the newest one works. */
    public int withdrawOpenLinks(UserId user) {
        return jdbc.sql("""
                UPDATE invitation SET withdrawn_at = clock_timestamp()
                 WHERE user_id = ? AND used_at IS NULL AND withdrawn_at IS NULL
                """).param(user.value()).update();
    }

    public void insertToken(UUID id, UserId user, OrganisationId organisation, String name, byte[] tokenHash,
            String prefix, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO api_token (id, user_id, org_id, name, token_hash, token_prefix, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(id, user.value(), organisation.value(), name, tokenHash, prefix,
                expiresAt == null ? null : OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC)).update();
    }

    public List<ApiTokenView> tokensOf(UserId user) {
        return jdbc.sql("""
                SELECT id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at
                  FROM api_token WHERE user_id = ? ORDER BY created_at DESC
                """).param(user.value()).query((rs, n) -> new ApiTokenView(rs.getObject("id", UUID.class),
                rs.getString("name"), rs.getString("token_prefix"), UserRecords.instant(rs, "created_at"),
                UserRecords.instant(rs, "expires_at"), UserRecords.instant(rs, "last_used_at"),
                UserRecords.instant(rs, "revoked_at"))).list();
    }

    public Optional<ApiTokenView> token(UserId user, UUID tokenId) {
        return tokensOf(user).stream().filter(token -> token.id().equals(tokenId)).findFirst();
    }

    public boolean revokeToken(UserId user, UUID tokenId) {
        return jdbc.sql("""
                UPDATE api_token SET revoked_at = clock_timestamp()
                 WHERE id = ? AND user_id = ? AND revoked_at IS NULL
                """).params(tokenId, user.value()).update() > 0;
    }

    /** Revokes every live token of {@code user}; answers how many. */
    public int revokeAllTokens(UserId user) {
        return jdbc.sql("UPDATE api_token SET revoked_at = clock_timestamp() WHERE user_id = ? AND revoked_at IS NULL")
                .param(user.value()).update();
    }
}
