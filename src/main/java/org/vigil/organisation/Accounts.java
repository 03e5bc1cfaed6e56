package org.vigil.organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.organisation.domain.EmailAddress;
import org.vigil.organisation.domain.PasswordPolicy;
import org.vigil.organisation.persistence.CredentialStore;
import org.vigil.organisation.persistence.LinkAndTokenRecords;
import org.vigil.organisation.persistence.UserRecords;
import org.vigil.shared.Actor;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.SecretToken;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;

/**
 * What people do for themselves: see their account, change their password, manage their personal API tokens, and
 * choose a password through a one-time link (invitation or reset).
 */
@Service
public class Accounts {

    static final String TOKEN_RECORD_TYPE = "api-token";
    static final String TOKEN_PREFIX = "vgl_";
    static final int MAX_TOKEN_DAYS = 366;

    private final UserRecords users;
    private final CredentialStore credentials;
    private final LinkAndTokenRecords tokens;
    private final AuditTrail audit;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    Accounts(UserRecords users, CredentialStore credentials, LinkAndTokenRecords tokens, AuditTrail audit,
            PasswordEncoder passwords, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.users = users;
        this.credentials = credentials;
        this.tokens = tokens;
        this.audit = audit;
        this.passwords = passwords;
        this.transactions = transactions;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public UserView me() {
        UserId id = currentUser();
        return users.find(id).orElseThrow(() -> new RecordNotFoundException(UserManagement.RECORD_TYPE, id));
    }

    /** Changes the signed-in user's password after checking the current one (21 CFR 11.300(b)). */
    @Transactional
    public void changePassword(String current, String replacement, String confirmation) {
        var me = me();
        var problems = new ArrayList<FieldError>();
        String hash = credentials.ownPasswordHash().orElse(null);
        if (current == null || hash == null || !passwords.matches(current, hash)) {
            problems.add(new FieldError("currentPassword", "This is not your current password."));
        }
        PasswordPolicy.problemWith(replacement, new EmailAddress(me.email()))
                .ifPresent(problem -> problems.add(new FieldError("newPassword", problem)));
        if (replacement != null && !replacement.equals(confirmation)) {
            problems.add(new FieldError("confirmation", "The two new passwords differ."));
        }
        if (replacement != null && current != null && replacement.equals(current)) {
            problems.add(new FieldError("newPassword", "Choose a password different from your current one."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        credentials.changeOwnPassword(passwords.encode(replacement));
        audit.record(AuditedChange.event("user.password-changed", UserManagement.record(me.id()), Map.of()));
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> tokens() {
        return tokens.tokensOf(currentUser());
    }

    /**
     * Creates a personal API token valid for {@code validDays} days (1 to 366). The secret is in the answer and
     * nowhere else.
     */
    @Transactional
    public IssuedApiToken createToken(String name, Integer validDays) {
        var problems = new ArrayList<FieldError>();
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            problems.add(new FieldError("name", "Name the token (1 to 100 characters), for example after the system "
                    + "that uses it."));
        }
        if (validDays == null || validDays < 1 || validDays > MAX_TOKEN_DAYS) {
            problems.add(new FieldError("validDays", "A token is valid for 1 to " + MAX_TOKEN_DAYS + " days."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var me = me();
        var secret = SecretToken.generate(TOKEN_PREFIX);
        var id = UUID.randomUUID();
        Instant expires = Instant.now().plus(Duration.ofDays(validDays));
        tokens.insertToken(id, me.id(), me.organisationId(), label, secret.hash(),
                secret.value().substring(0, TOKEN_PREFIX.length() + 6), expires);
        var view = tokens.token(me.id(), id).orElseThrow();
        audit.record(AuditedChange.created("api-token.created", RecordRef.of(TOKEN_RECORD_TYPE, id),
                Map.of("name", label, "prefix", view.prefix(), "expiresAt", expires.toString(), "holder",
                        me.id().toString())));
        return new IssuedApiToken(view, secret.value());
    }

    @Transactional
    public ApiTokenView revokeToken(UUID tokenId) {
        var me = currentUser();
        var before = tokens.token(me, tokenId)
                .orElseThrow(() -> new RecordNotFoundException(TOKEN_RECORD_TYPE, tokenId));
        if (tokens.revokeToken(me, tokenId)) {
            audit.record(AuditedChange.withdrawn("api-token.revoked", RecordRef.of(TOKEN_RECORD_TYPE, tokenId),
                    Map.of("revoked", false), Map.of("revoked", true), "Revoked by its holder"));
        }
        // Also when it was revoked already (by another Vigil instance, say): this one may still trust it for a moment.
        events.publishEvent(new ApiTokenRevoked(me, tokenId));
        return tokens.token(me, tokenId).orElse(before);
    }

    /** What a one-time link is for, or empty when the token is unknown. */
    public Optional<InvitationDetails> linkDetails(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return transactions.execute(status -> credentials.link(SecretToken.hash(token)))
                .map(link -> new InvitationDetails(link.email(), link.displayName(), link.organisationName(),
                        link.passwordReset(), link.expiresAt(), link.usableAt(Instant.now())));
    }

    /**
     * Chooses a password through a one-time link; an invited account becomes active.
     *
     * @throws RecordNotFoundException when the link is unknown
     * @throws InvalidInputException when the link can no longer be used or the password is not acceptable
     */
    public void acceptLink(String token, String password, String confirmation) {
        var link = token == null || token.length() > 100 ? Optional.<CredentialStore.LinkFacts>empty()
                : transactions.execute(status -> credentials.link(SecretToken.hash(token)));
        if (link.isEmpty()) {
            throw new RecordNotFoundException("invitation", "link");
        }
        var facts = link.get();
        if (!facts.usableAt(Instant.now())) {
            throw InvalidInputException.of("password", "This link has expired or was already used. Ask your "
                    + "organisation's administrator for a new one.");
        }
        var problems = new ArrayList<FieldError>();
        PasswordPolicy.problemWith(password, new EmailAddress(facts.email()))
                .ifPresent(problem -> problems.add(new FieldError("password", problem)));
        if (password != null && !password.equals(confirmation)) {
            problems.add(new FieldError("confirmation", "The two passwords differ."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var actor = new Actor(facts.userId(), facts.displayName(), facts.organisationId(), Actor.Scope.TENANT);
        Tenancy.runAs(actor, () -> transactions.executeWithoutResult(status -> {
            var accepted = credentials.acceptLink(SecretToken.hash(token), passwords.encode(password));
            if (accepted.isEmpty()) {
                throw InvalidInputException.of("password", "This link has expired or was already used.");
            }
            audit.record(AuditedChange.event(facts.passwordReset() ? "user.password-reset" : "user.invitation-accepted",
                    UserManagement.record(facts.userId()), Map.of()));
        }));
    }

    private static UserId currentUser() {
        UserId id = Tenancy.requireActor().userId();
        if (id == null) {
            throw new IllegalStateException("Only a signed-in person has an account");
        }
        return id;
    }
}
