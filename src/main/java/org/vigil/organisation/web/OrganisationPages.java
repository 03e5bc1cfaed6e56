package org.vigil.organisation.web;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.organisation.OrganisationDetails;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.domain.Countries;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.web.FormFeedback;

/** Platform administrators register and edit organisations and see their members. */
@Controller
@RequestMapping("/admin/organisations")
@RolesAllowed("PLATFORM_ADMIN")
class OrganisationPages {

    private final OrganisationManagement organisations;
    private final UserManagement users;

    OrganisationPages(OrganisationManagement organisations, UserManagement users) {
        this.organisations = organisations;
        this.users = users;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("countries", Countries.all().stream()
                .map(code -> new CountryChoice(code, Countries.name(code))).toList());
    }

    record CountryChoice(String code, String name) {
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("organisations", organisations.directory());
        return "organisation/organisations";
    }

    @GetMapping("/new")
    String registrationForm(Model model) {
        model.addAttribute("form", new OrganisationDetails(null, "", "", ""));
        model.addAttribute("feedback", FormFeedback.none());
        return "organisation/organisation-new";
    }

    @PostMapping
    String register(@ModelAttribute("form") OrganisationDetails form, Model model, RedirectAttributes redirect) {
        try {
            var created = organisations.register(form);
            redirect.addFlashAttribute("notice", "organisation.registered");
            return "redirect:/admin/organisations/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("feedback", FormFeedback.of(e));
            return "organisation/organisation-new";
        }
    }

    @GetMapping("/{organisationId}")
    String show(@PathVariable UUID organisationId, Model model) {
        var organisation = organisations.get(new OrganisationId(organisationId));
        model.addAttribute("organisation", organisation);
        model.addAttribute("members", users.members(organisation.id()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new OrganisationDetails(organisation.kind(), organisation.name(),
                    organisation.country(), organisation.srn()));
            model.addAttribute("feedback", FormFeedback.none());
        }
        return "organisation/organisation";
    }

    @PostMapping("/{organisationId}")
    String update(@PathVariable UUID organisationId, @ModelAttribute("form") OrganisationDetails form, Model model,
            RedirectAttributes redirect) {
        try {
            organisations.update(new OrganisationId(organisationId), form);
            redirect.addFlashAttribute("notice", "organisation.updated");
            return "redirect:/admin/organisations/" + organisationId;
        } catch (InvalidInputException e) {
            model.addAttribute("feedback", FormFeedback.of(e));
            return show(organisationId, model);
        }
    }
}
