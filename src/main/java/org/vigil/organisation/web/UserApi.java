package org.vigil.organisation.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.vigil.organisation.NewUser;
import org.vigil.organisation.OneTimeLink;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserView;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;

/** REST: administration of an organisation's people. */
@RestController
@RequestMapping("/api/v1/users")
@RolesAllowed({ "ORGANISATION_ADMIN", "PLATFORM_ADMIN" })
@Tag(name = "Users")
class UserApi {

    private final UserManagement users;

    UserApi(UserManagement users) {
        this.users = users;
    }

    /** An invitation: the new member, and for platform administrators the organisation (default: their own). */
    record Invitation(UUID organisation, String email, String displayName, java.util.Set<Role> roles) {
    }

    /** An invited user and the one-time link to pass on to them. */
    record Invited(UserView user, String link, java.time.Instant linkExpiresAt) {
    }

    record RoleGrant(Role role) {
    }

    record RoleWithdrawal(Role role, String reason) {
    }

    record Reason(String reason) {
    }

    @GetMapping
    @Operation(summary = "Members of your organisation (platform administrators: of any organisation)")
    List<UserView> members(@RequestParam(required = false) UUID organisation) {
        return users.members(organisation == null ? Tenancy.requireActor().organisationId()
                : new OrganisationId(organisation));
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One user")
    UserView get(@PathVariable UUID userId) {
        return users.get(new UserId(userId));
    }

    @PostMapping
    @Operation(summary = "Invite a user; answers the one-time link to pass on (honours Idempotency-Key)")
    ResponseEntity<Invited> invite(@RequestBody Invitation invitation) {
        var organisation = invitation.organisation() == null ? Tenancy.requireActor().organisationId()
                : new OrganisationId(invitation.organisation());
        var invited = users.invite(organisation, new NewUser(invitation.email(), invitation.displayName(),
                invitation.roles()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + invited.user().id()))
                .body(new Invited(invited.user(), absolute(invited.link()), invited.link().expiresAt()));
    }

    @PostMapping("/{userId}/roles")
    @Operation(summary = "Grant a role")
    UserView grant(@PathVariable UUID userId, @RequestBody RoleGrant grant) {
        return users.grantRole(new UserId(userId), grant.role());
    }

    @PostMapping("/{userId}/role-withdrawals")
    @Operation(summary = "Withdraw a role; a reason is required")
    UserView withdraw(@PathVariable UUID userId, @RequestBody RoleWithdrawal withdrawal) {
        return users.withdrawRole(new UserId(userId), withdrawal.role(), withdrawal.reason());
    }

    @PostMapping("/{userId}/deactivation")
    @Operation(summary = "Deactivate a user; a reason is required. Their tokens are revoked and sessions ended")
    UserView deactivate(@PathVariable UUID userId, @RequestBody Reason reason) {
        return users.deactivate(new UserId(userId), reason.reason());
    }

    @PostMapping("/{userId}/reactivation")
    @Operation(summary = "Reactivate a deactivated user")
    UserView reactivate(@PathVariable UUID userId, @RequestBody(required = false) Reason reason) {
        return users.reactivate(new UserId(userId), reason == null ? null : reason.reason());
    }

    @PostMapping("/{userId}/links")
    @Operation(summary = "Issue a new one-time link (invitation or password reset); earlier links stop working")
    Invited issueLink(@PathVariable UUID userId) {
        var link = users.issueLink(new UserId(userId));
        return new Invited(users.get(new UserId(userId)), absolute(link), link.expiresAt());
    }

    private static String absolute(OneTimeLink link) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(link.path()).toUriString();
    }
}
