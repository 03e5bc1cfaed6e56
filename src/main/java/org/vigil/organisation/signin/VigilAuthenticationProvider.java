package org.vigil.organisation.signin;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.organisation.UserStatus;
import org.vigil.organisation.persistence.CredentialStore;
import org.vigil.organisation.persistence.CredentialStore.SignInFacts;
import org.vigil.shared.Actor;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilPrincipal;

/**
 * Signs people in with e-mail address and password. Consecutive failures lock the account for a while; failures,
 * lockouts and sign-ins are audited. An unknown address costs the same time as a wrong password, so the answer does
 * not reveal which addresses have accounts.
 */
@Component
class VigilAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(VigilAuthenticationProvider.class);

    private final CredentialStore credentials;
    private final PrincipalLoader principals;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final SignInProperties properties;
    private final String unknownUserHash;

    VigilAuthenticationProvider(CredentialStore credentials, PrincipalLoader principals, PasswordEncoder passwords,
            AuditTrail audit, TransactionTemplate transactions, SignInProperties properties) {
        this.credentials = credentials;
        this.principals = principals;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.unknownUserHash = passwords.encode("no such user: compare anyway to spend the same time");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String from = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        Optional<SignInFacts> found = email.length() > 254 ? Optional.empty()
                : transactions.execute(status -> credentials.signInFacts(email));
        if (found.isEmpty() || found.get().passwordHash() == null) {
            passwords.matches(password, unknownUserHash);
            log.info("Sign-in refused for an address without a usable account, from {}", from);
            throw new BadCredentialsException("Bad credentials");
        }
        SignInFacts facts = found.get();
        if (facts.lockedAt(Instant.now())) {
            passwords.matches(password, unknownUserHash);
            throw new LockedException("Account locked until " + facts.lockedUntil());
        }
        if (!passwords.matches(password, facts.passwordHash())) {
            recordFailure(facts, from);
            throw new BadCredentialsException("Bad credentials");
        }
        if (facts.status() != UserStatus.ACTIVE) {
            throw new DisabledException("Account deactivated");
        }
        VigilPrincipal principal = principals.activePrincipal(facts.userId(), facts.organisationId())
                .orElseThrow(() -> new DisabledException("Account not active"));
        Tenancy.runAs(principal.actor(), () -> transactions.executeWithoutResult(status -> {
                    credentials.signInSucceeded(facts.userId());
                    audit.record(AuditedChange.event("user.signed-in", record(facts),
                            Map.of("remoteAddress", from)));
                }));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
    }

    private void recordFailure(SignInFacts facts, String from) {
        Tenancy.runAs(Actor.system(facts.organisationId(), "sign-in"), () -> transactions.executeWithoutResult(s -> {
            var lockedUntil = credentials.signInFailed(facts.userId(), properties.maxFailedAttempts(),
                    properties.lockout());
            audit.record(AuditedChange.event("user.sign-in-failed", record(facts), Map.of("remoteAddress", from)));
            lockedUntil.filter(until -> until.isAfter(Instant.now())).ifPresent(until -> {
                log.warn("Account {} locked until {} after {} failed sign-ins", facts.userId(), until,
                        properties.maxFailedAttempts());
                audit.record(AuditedChange.event("user.locked-out", record(facts),
                        Map.of("lockedUntil", until.toString(), "failedAttempts", properties.maxFailedAttempts())));
            });
        }));
    }

    private static RecordRef record(SignInFacts facts) {
        return RecordRef.of("user", facts.userId().value());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
