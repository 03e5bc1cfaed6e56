package org.vigil.organisation.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.vigil.organisation.NewUser;
import org.vigil.organisation.OneTimeLink;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserView;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;
import org.vigil.shared.web.FormFeedback;

/**
 * Organisation administrators manage their organisation's people; platform administrators manage anyone's. Invite,
 * grant and withdraw roles (a reason is required), deactivate and reactivate, issue a new sign-in link.
 */
@Controller
@RequestMapping("/admin/users")
@RolesAllowed({ "ORGANISATION_ADMIN", "PLATFORM_ADMIN" })
class UserPages {

    private final UserManagement users;
    private final OrganisationManagement organisations;

    UserPages(UserManagement users, OrganisationManagement organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    /** The invitation form as typed. */
    record InvitationForm(UUID organisation, String email, String displayName, Set<Role> roles) {
        InvitationForm {
            roles = roles == null ? Set.of() : roles;
        }
    }

    @GetMapping
    String list(Model model) {
        var organisation = organisations.get(ownOrganisation());
        model.addAttribute("organisation", organisation);
        model.addAttribute("members", users.members(organisation.id()));
        return "organisation/users";
    }

    @GetMapping("/new")
    String invitationForm(@RequestParam(required = false) UUID organisation, Model model) {
        var target = organisation == null ? ownOrganisation() : new OrganisationId(organisation);
        return invitationPage(new InvitationForm(target.value(), "", "", Set.of()), FormFeedback.none(), model);
    }

    @PostMapping
    String invite(InvitationForm form, Model model) {
        var target = form.organisation() == null ? ownOrganisation() : new OrganisationId(form.organisation());
        try {
            var invited = users.invite(target, new NewUser(form.email(), form.displayName(), form.roles()));
            return linkPage(invited.user(), invited.link(), model);
        } catch (InvalidInputException e) {
            return invitationPage(form, FormFeedback.of(e), model);
        }
    }

    @GetMapping("/{userId}")
    String show(@PathVariable UUID userId, Model model) {
        var user = users.get(new UserId(userId));
        var organisation = organisations.get(user.organisationId());
        model.addAttribute("user", user);
        model.addAttribute("organisation", organisation);
        model.addAttribute("grantable", organisation.kind().permittedRoles().stream()
                .filter(role -> !user.roles().contains(role))
                .filter(role -> role != Role.PLATFORM_ADMIN || isPlatformAdmin())
                .sorted().toList());
        model.addAttribute("self", user.id().equals(Tenancy.requireActor().userId()));
        if (!model.containsAttribute("feedback")) {
            model.addAttribute("feedback", FormFeedback.none());
        }
        return "organisation/user";
    }

    @PostMapping("/{userId}/roles")
    String grant(@PathVariable UUID userId, @RequestParam(required = false) Role role, Model model,
            RedirectAttributes redirect) {
        return act(userId, model, redirect, "user.role-granted", () -> users.grantRole(new UserId(userId), role));
    }

    @PostMapping("/{userId}/role-withdrawals")
    String withdraw(@PathVariable UUID userId, @RequestParam(required = false) Role role,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        return act(userId, model, redirect, "user.role-withdrawn",
                () -> users.withdrawRole(new UserId(userId), role, reason));
    }

    @PostMapping("/{userId}/deactivation")
    String deactivate(@PathVariable UUID userId, @RequestParam(required = false) String reason, Model model,
            RedirectAttributes redirect) {
        return act(userId, model, redirect, "user.deactivated", () -> users.deactivate(new UserId(userId), reason));
    }

    @PostMapping("/{userId}/reactivation")
    String reactivate(@PathVariable UUID userId, @RequestParam(required = false) String reason, Model model,
            RedirectAttributes redirect) {
        return act(userId, model, redirect, "user.reactivated", () -> users.reactivate(new UserId(userId), reason));
    }

    @PostMapping("/{userId}/link")
    String issueLink(@PathVariable UUID userId, Model model) {
        var user = users.get(new UserId(userId));
        try {
            return linkPage(user, users.issueLink(user.id()), model);
        } catch (InvalidInputException e) {
            model.addAttribute("feedback", FormFeedback.of(e));
            return show(userId, model);
        }
    }

    private String act(UUID userId, Model model, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/admin/users/" + userId;
        } catch (InvalidInputException e) {
            model.addAttribute("feedback", FormFeedback.of(e));
            return show(userId, model);
        }
    }

    private String invitationPage(InvitationForm form, FormFeedback feedback, Model model) {
        var organisation = organisations.get(new OrganisationId(form.organisation()));
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", form);
        model.addAttribute("feedback", feedback);
        List<Role> roles = organisation.kind().permittedRoles().stream()
                .filter(role -> role != Role.PLATFORM_ADMIN || isPlatformAdmin()).sorted().toList();
        model.addAttribute("assignableRoles", roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
        return "organisation/user-new";
    }

    private String linkPage(UserView user, OneTimeLink link, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("link", link);
        model.addAttribute("linkUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path(link.path())
                .toUriString());
        return "organisation/link-issued";
    }

    private static OrganisationId ownOrganisation() {
        return Tenancy.requireActor().organisationId();
    }

    private static boolean isPlatformAdmin() {
        return Tenancy.principal().map(principal -> principal.hasRole(Role.PLATFORM_ADMIN)).orElse(false);
    }
}
