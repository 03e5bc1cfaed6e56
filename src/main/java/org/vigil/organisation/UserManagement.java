package org.vigil.organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.organisation.domain.EmailAddress;
import org.vigil.organisation.persistence.CredentialStore;
import org.vigil.organisation.persistence.LinkAndTokenRecords;
import org.vigil.organisation.persistence.OrganisationRecords;
import org.vigil.organisation.persistence.UserRecords;
import org.vigil.shared.Actor;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.SecretToken;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;

/**
 * Administration of an organisation's people by its organisation administrators (and by platform administrators for
 * any organisation): invitations, roles, deactivation and password-reset links. Users are never deleted and their ids
 * never reused; every change is audited, and withdrawals need a reason.
 */
@Service
public class UserManagement {

    static final String RECORD_TYPE = "user";
    static final Duration LINK_VALIDITY = Duration.ofDays(7);

    private final UserRecords users;
    private final OrganisationRecords organisations;
    private final CredentialStore credentials;
    private final LinkAndTokenRecords links;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    UserManagement(UserRecords users, OrganisationRecords organisations, CredentialStore credentials,
            LinkAndTokenRecords links, AuditTrail audit, ApplicationEventPublisher events) {
        this.users = users;
        this.organisations = organisations;
        this.credentials = credentials;
        this.links = links;
        this.audit = audit;
        this.events = events;
    }

    /** Invites a new member of {@code organisationId}; answers the one-time link that lets them choose a password. */
    @Transactional
    public InvitedUser invite(OrganisationId organisationId, NewUser newUser) {
        var organisation = organisations.find(organisationId).filter(o -> visibleTo(o.id()))
                .orElseThrow(() -> new RecordNotFoundException(OrganisationManagement.RECORD_TYPE, organisationId));
        var problems = new ArrayList<FieldError>();
        var email = EmailAddress.parse(newUser.email());
        if (email.isEmpty()) {
            problems.add(new FieldError("email", "Give a valid e-mail address, for example anna.virtanen@hospital.fi."));
        }
        String name = newUser.displayName() == null ? "" : newUser.displayName().strip();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldError("displayName", "Give the person's full name (1 to 200 characters)."));
        }
        Set<Role> roles = newUser.roles() == null ? Set.of() : newUser.roles();
        if (roles.isEmpty()) {
            problems.add(new FieldError("roles", "Choose at least one role."));
        }
        roles.stream().filter(role -> !organisation.kind().permits(role)).findFirst().ifPresent(role ->
                problems.add(new FieldError("roles", role + " cannot be held in an organisation of kind "
                        + organisation.kind() + ".")));
        roles.stream().filter(role -> role == Role.PLATFORM_ADMIN).findFirst().ifPresent(role -> requirePlatform());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = UserId.random();
        try {
            users.insert(id, organisationId, email.get().value(), name, UserStatus.INVITED);
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("email", "This e-mail address already has an account in Vigil.");
        }
        credentials.createEmptyCredential(id);
        var actor = Tenancy.requireActor();
        for (Role role : roles) {
            users.grantRole(id, organisationId, role, actor.userId());
        }
        var created = users.find(id).orElseThrow();
        audit.record(AuditedChange.created("user.invited", record(id), snapshot(created)).inOrganisation(organisationId));
        var link = newLink(created, false);
        return new InvitedUser(created, link);
    }

    @Transactional(readOnly = true)
    public List<UserView> members(OrganisationId organisationId) {
        // An organisation that does not exist has no member list: 404, for platform administrators too.
        organisations.find(organisationId).filter(organisation -> visibleTo(organisation.id()))
                .orElseThrow(() -> new RecordNotFoundException(OrganisationManagement.RECORD_TYPE, organisationId));
        return users.members(organisationId);
    }

    @Transactional(readOnly = true)
    public UserView get(UserId id) {
        return users.find(id).filter(user -> visibleTo(user.organisationId()))
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    /** Active members of {@code organisationId} holding {@code role}, for example whom to notify. */
    @Transactional(readOnly = true)
    public List<UserView> holdersOf(OrganisationId organisationId, Role role) {
        return users.holdersOf(organisationId, Set.of(role));
    }

    /** The active members of {@code organisationId} holding any of {@code roles}, each once, by name. */
    @Transactional(readOnly = true)
    public List<UserView> holdersOfAny(OrganisationId organisationId, Set<Role> roles) {
        return roles.isEmpty() ? List.of() : users.holdersOf(organisationId, roles);
    }

    @Transactional(readOnly = true)
    public long count(OrganisationId organisationId, UserStatus status) {
        return users.countByStatus(organisationId, status);
    }

    @Transactional
    public UserView grantRole(UserId id, Role role) {
        var before = get(id);
        var kind = organisations.find(before.organisationId()).orElseThrow().kind();
        if (role == null || !kind.permits(role)) {
            throw InvalidInputException.of("role", (role == null ? "This role" : role.name())
                    + " cannot be held in an organisation of kind " + kind + ".");
        }
        if (role == Role.PLATFORM_ADMIN) {
            requirePlatform();
        }
        if (before.roles().contains(role)) {
            return before;
        }
        users.grantRole(id, before.organisationId(), role, Tenancy.requireActor().userId());
        var after = users.find(id).orElseThrow();
        audit.record(AuditedChange.changed("user.role-granted", record(id), roles(before), roles(after))
                .inOrganisation(before.organisationId()));
        events.publishEvent(new UserAccessChanged(id));
        return after;
    }

    @Transactional
    public UserView withdrawRole(UserId id, Role role, String reason) {
        var before = get(id);
        if (role == null || !before.roles().contains(role)) {
            throw InvalidInputException.of("role", "The user does not hold this role.");
        }
        var actor = Tenancy.requireActor();
        if (id.equals(actor.userId()) && (role == Role.ORGANISATION_ADMIN || role == Role.PLATFORM_ADMIN)) {
            throw InvalidInputException.of("role", "You cannot withdraw your own administrator role; ask another "
                    + "administrator.");
        }
        if (role == Role.PLATFORM_ADMIN) {
            requirePlatform();
        }
        users.withdrawRole(id, role);
        var after = users.find(id).orElseThrow();
        audit.record(AuditedChange.withdrawn("user.role-withdrawn", record(id), roles(before), roles(after), reason)
                .inOrganisation(before.organisationId()));
        events.publishEvent(new UserAccessChanged(id));
        return after;
    }

    /** Ends a user's access: no sign-in, API tokens revoked, open links withdrawn. The account and history remain. */
    @Transactional
    public UserView deactivate(UserId id, String reason) {
        var before = get(id);
        if (id.equals(Tenancy.requireActor().userId())) {
            throw InvalidInputException.of("reason", "You cannot deactivate your own account.");
        }
        if (before.status() == UserStatus.DEACTIVATED) {
            return before;
        }
        audit.record(AuditedChange.withdrawn("user.deactivated", record(id), Map.of("status",
                before.status().name()), Map.of("status", UserStatus.DEACTIVATED.name()), reason)
                .inOrganisation(before.organisationId()));
        users.setStatus(id, UserStatus.DEACTIVATED);
        int revoked = links.revokeAllTokens(id);
        links.withdrawOpenLinks(id);
        if (revoked > 0) {
            audit.record(AuditedChange.withdrawn("user.api-tokens-revoked", record(id), Map.of("liveTokens",
                    revoked), Map.of("liveTokens", 0), "Account deactivated").inOrganisation(before.organisationId()));
        }
        events.publishEvent(new UserAccessChanged(id));
        return users.find(id).orElseThrow();
    }

    @Transactional
    public UserView reactivate(UserId id, String reason) {
        var before = get(id);
        if (before.status() != UserStatus.DEACTIVATED) {
            return before;
        }
        boolean everActive = before.activatedAt() != null;
        var status = everActive ? UserStatus.ACTIVE : UserStatus.INVITED;
        users.setStatus(id, status);
        audit.record(AuditedChange.changed("user.reactivated", record(id), Map.of("status", before.status().name()),
                Map.of("status", status.name())).because(reason).inOrganisation(before.organisationId()));
        events.publishEvent(new UserAccessChanged(id));
        return users.find(id).orElseThrow();
    }

    /**
     * Issues a new one-time link: an invitation for someone who has not chosen a password yet, a password reset for
     * an active user. Earlier unused links stop working.
     */
    @Transactional
    public OneTimeLink issueLink(UserId id) {
        var user = get(id);
        if (user.status() == UserStatus.DEACTIVATED) {
            throw InvalidInputException.of("user", "Reactivate the account first.");
        }
        return newLink(user, user.status() == UserStatus.ACTIVE);
    }

    private OneTimeLink newLink(UserView user, boolean passwordReset) {
        links.withdrawOpenLinks(user.id());
        var token = SecretToken.generate("");
        Instant expires = Instant.now().plus(LINK_VALIDITY);
        links.insertLink(UUID.randomUUID(), user.id(), user.organisationId(), passwordReset, token.hash(), expires,
                Tenancy.requireActor().userId());
        audit.record(AuditedChange.event(passwordReset ? "user.password-reset-issued" : "user.invitation-issued",
                record(user.id()), Map.of("expiresAt", expires.toString())).inOrganisation(user.organisationId()));
        return new OneTimeLink(user.id(), token.value(), expires);
    }

    private static boolean visibleTo(OrganisationId organisationId) {
        Actor actor = Tenancy.requireActor();
        return actor.isPlatform() || organisationId.equals(actor.organisationId());
    }

    private static void requirePlatform() {
        if (!Tenancy.requireActor().isPlatform()) {
            throw new AccessDeniedException("Only platform administrators manage platform administrators");
        }
    }

    static RecordRef record(UserId id) {
        return RecordRef.of(RECORD_TYPE, id.value());
    }

    static Map<String, Object> snapshot(UserView user) {
        var values = new TreeMap<String, Object>();
        values.put("email", user.email());
        values.put("displayName", user.displayName());
        values.put("status", user.status().name());
        values.put("roles", roleNames(user.roles()));
        return values;
    }

    private static Map<String, Object> roles(UserView user) {
        return Map.of("roles", roleNames(user.roles()));
    }

    private static List<String> roleNames(Set<Role> roles) {
        return (roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)).stream().map(Role::name)
                .toList();
    }
}
