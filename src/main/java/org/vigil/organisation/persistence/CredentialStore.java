package org.vigil.organisation.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.postgresql.util.PGInterval;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.organisation.UserStatus;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * Passwords, lockout, one-time links and API token lookups. The application's database role cannot read these
 * tables; each method calls one narrow SECURITY DEFINER function (see the organisation module's migration).
 */
@Repository
public class CredentialStore {

    private final JdbcClient jdbc;

    CredentialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What sign-in needs to know about an e-mail address. */
    public record SignInFacts(UserId userId, OrganisationId organisationId, UserStatus status, String passwordHash,
            int failedAttempts, Instant lockedUntil) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public Optional<SignInFacts> signInFacts(String email) {
        return jdbc.sql("SELECT * FROM sign_in_lookup(?)").param(email)
                .query((rs, n) -> new SignInFacts(new UserId(rs.getObject("user_id", UUID.class)),
                        new OrganisationId(rs.getObject("org_id", UUID.class)),
                        UserStatus.valueOf(rs.getString("status")), rs.getString("password_hash"),
                        rs.getInt("failed_attempts"), UserRecords.instant(rs, "locked_until")))
                .optional();
    }

    /** Counts a failure; answers until when the account is now locked, if it is. */
    public Optional<Instant> signInFailed(UserId user, int maxAttempts, Duration lock) {
        return jdbc.sql("SELECT locked_until FROM sign_in_failed(?, ?, ?)")
                .params(user.value(), maxAttempts, new PGInterval(0, 0, 0, 0, 0, lock.toSeconds()))
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .optional().flatMap(locked -> locked);
    }

    public void signInSucceeded(UserId user) {
        jdbc.sql("SELECT sign_in_succeeded(?)").param(user.value()).query(rs -> Boolean.TRUE);
    }

    public void createEmptyCredential(UserId user) {
        jdbc.sql("SELECT create_empty_credential(?)").param(user.value()).query(rs -> Boolean.TRUE);
    }

    public void setInitialPassword(UserId user, String passwordHash) {
        jdbc.sql("SELECT set_initial_password(?, ?)").params(user.value(), passwordHash).query(rs -> Boolean.TRUE);
    }

    public Optional<String> ownPasswordHash() {
        return Optional.ofNullable(jdbc.sql("SELECT own_password_hash()").query(String.class).single());
    }

    public boolean changeOwnPassword(String passwordHash) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT change_own_password(?)").param(passwordHash)
                .query(Boolean.class).single());
    }

    /** A one-time link as stored. */
    public record LinkFacts(UUID invitationId, UserId userId, OrganisationId organisationId, boolean passwordReset,
            String email, String displayName, String organisationName, UserStatus userStatus, Instant expiresAt,
            Instant usedAt, Instant withdrawnAt) {

        public boolean usableAt(Instant now) {
            return usedAt == null && withdrawnAt == null && expiresAt.isAfter(now)
                    && userStatus != UserStatus.DEACTIVATED;
        }
    }

    public Optional<LinkFacts> link(byte[] tokenHash) {
        return jdbc.sql("SELECT * FROM invitation_lookup(?)").param(tokenHash)
                .query((rs, n) -> new LinkFacts(rs.getObject("invitation_id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        new OrganisationId(rs.getObject("org_id", UUID.class)),
                        "PASSWORD_RESET".equals(rs.getString("purpose")), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("organisation_name"),
                        UserStatus.valueOf(rs.getString("user_status")), UserRecords.instant(rs, "expires_at"),
                        UserRecords.instant(rs, "used_at"), UserRecords.instant(rs, "withdrawn_at")))
                .optional();
    }

    /** Uses a one-time link: answers the user whose password was set, or empty when the link is not usable. */
    public Optional<UserId> acceptLink(byte[] tokenHash, String passwordHash) {
        return jdbc.sql("SELECT user_id FROM invitation_accept(?, ?)").params(tokenHash, passwordHash)
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).optional();
    }

    /** The holder of a live API token, when the token is live and its holder active. */
    public record TokenHolder(UUID tokenId, UserId userId, OrganisationId organisationId) {
    }

    public Optional<TokenHolder> tokenHolder(byte[] tokenHash) {
        return jdbc.sql("SELECT * FROM api_token_lookup(?)").param(tokenHash)
                .query((rs, n) -> new TokenHolder(rs.getObject("token_id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        new OrganisationId(rs.getObject("org_id", UUID.class))))
                .optional();
    }
}
