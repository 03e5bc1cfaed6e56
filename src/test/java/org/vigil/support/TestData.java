package org.vigil.support;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.organisation.Accounts;
import org.vigil.organisation.NewUser;
import org.vigil.organisation.OrganisationDetails;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.OrganisationView;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserStatus;
import org.vigil.organisation.persistence.CredentialStore;
import org.vigil.organisation.persistence.UserRecords;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilPrincipal;

/** Creates organisations and signed-up people for tests, each with unique names. */
@TestComponent
public class TestData {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final OrganisationManagement organisations;
    private final UserManagement users;
    private final UserRecords userRecords;
    private final CredentialStore credentials;
    private final PasswordEncoder passwords;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private String passwordHash;

    TestData(OrganisationManagement organisations, UserManagement users, UserRecords userRecords,
            CredentialStore credentials, PasswordEncoder passwords, Accounts accounts,
            TransactionTemplate transactions) {
        this.organisations = organisations;
        this.users = users;
        this.userRecords = userRecords;
        this.credentials = credentials;
        this.passwords = passwords;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    /** A person who can sign in with {@link #PASSWORD}, and their first API token. */
    public record Person(VigilPrincipal principal, String email, String token) {
    }

    public OrganisationView organisation(OrganisationKind kind) {
        int n = SEQUENCE.incrementAndGet();
        String country = kind == OrganisationKind.PLATFORM_OPERATOR ? null : "DE";
        String srn = switch (kind) {
            case MANUFACTURER -> "DE-MF-" + String.format("%09d", 100_000_000 + uniqueNumber());
            case AUTHORISED_REPRESENTATIVE -> "DE-AR-" + String.format("%09d", 100_000_000 + uniqueNumber());
            default -> null;
        };
        return asPlatform(() -> organisations.register(new OrganisationDetails(kind, kind.name().toLowerCase()
                + " " + n + " " + UUID.randomUUID().toString().substring(0, 8), country, srn)));
    }

    /** An active person in {@code organisation} holding {@code roles}. */
    public Person person(OrganisationView organisation, Role... roles) {
        Set<Role> held = roles.length == 0 ? Set.of() : EnumSet.copyOf(List.of(roles));
        String email = "person" + SEQUENCE.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8)
                + "@test.example";
        var invited = asPlatform(() -> users.invite(organisation.id(), new NewUser(email, "Person " + email,
                held.isEmpty() ? Set.of(organisation.kind().permittedRoles().iterator().next()) : held)));
        asPlatform(() -> transactions.execute(status -> {
            credentials.setInitialPassword(invited.user().id(), passwordHash());
            userRecords.setStatus(invited.user().id(), UserStatus.ACTIVE);
            if (held.isEmpty()) {
                invited.user().roles().forEach(role -> userRecords.withdrawRole(invited.user().id(), role));
            }
            return null;
        }));
        var principal = new VigilPrincipal(invited.user().id(), email, invited.user().displayName(),
                organisation.id(), organisation.name(), organisation.kind(), held);
        String token = as(principal, () -> accounts.createToken("test", 30).secret());
        return new Person(principal, email, token);
    }

    /** Runs {@code work} as the signed-in {@code principal}, the way a request would. */
    public <T> T as(VigilPrincipal principal, java.util.concurrent.Callable<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public <T> T asPlatform(java.util.concurrent.Callable<T> work) {
        return Tenancy.callAs(Actor.platform("test"), work);
    }

    private synchronized String passwordHash() {
        if (passwordHash == null) {
            passwordHash = passwords.encode(PASSWORD);
        }
        return passwordHash;
    }

    private static int uniqueNumber() {
        return (int) ((System.nanoTime() / 1000) % 800_000_000) + SEQUENCE.incrementAndGet();
    }
}
