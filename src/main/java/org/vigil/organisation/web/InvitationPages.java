package org.vigil.organisation.web;

import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.organisation.Accounts;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.web.FormFeedback;

/** The page behind a one-time link, where an invited person (or one resetting a password) chooses a password. */
@Controller
@RequestMapping("/invitations/{token}")
@PermitAll
class InvitationPages {

    private final Accounts accounts;

    InvitationPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String show(@PathVariable String token, Model model) {
        var details = accounts.linkDetails(token).orElseThrow(() -> new RecordNotFoundException("invitation", "link"));
        model.addAttribute("details", details);
        model.addAttribute("token", token);
        model.addAttribute("feedback", FormFeedback.none());
        return "organisation/invitation";
    }

    @PostMapping
    String accept(@PathVariable String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation, Model model, RedirectAttributes redirect) {
        try {
            accounts.acceptLink(token, password, confirmation);
            redirect.addFlashAttribute("notice", "invitation.accepted");
            return "redirect:/login";
        } catch (InvalidInputException e) {
            var details = accounts.linkDetails(token).orElseThrow(() -> new RecordNotFoundException("invitation",
                    "link"));
            model.addAttribute("details", details);
            model.addAttribute("token", token);
            model.addAttribute("feedback", FormFeedback.of(e));
            return "organisation/invitation";
        }
    }
}
