package org.vigil.organisation.web;

import java.util.UUID;

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
import org.vigil.shared.web.FormFeedback;

/** Every signed-in person: their account, password and personal API tokens. */
@Controller
@RequestMapping("/account")
@PermitAll
class AccountPages {

    private final Accounts accounts;

    AccountPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String account(Model model) {
        model.addAttribute("me", accounts.me());
        return "organisation/account";
    }

    @GetMapping("/password")
    String passwordForm(Model model) {
        model.addAttribute("feedback", FormFeedback.none());
        return "organisation/password";
    }

    @PostMapping("/password")
    String changePassword(@RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmation,
            Model model, RedirectAttributes redirect) {
        try {
            accounts.changePassword(currentPassword, newPassword, confirmation);
            redirect.addFlashAttribute("notice", "account.password-changed");
            return "redirect:/account";
        } catch (InvalidInputException e) {
            model.addAttribute("feedback", FormFeedback.of(e));
            return "organisation/password";
        }
    }

    @GetMapping("/tokens")
    String tokens(Model model) {
        return tokensPage(model, FormFeedback.none(), "", 90);
    }

    @PostMapping("/tokens")
    String createToken(@RequestParam(required = false) String name,
            @RequestParam(required = false) Integer validDays, Model model) {
        try {
            model.addAttribute("issued", accounts.createToken(name, validDays));
            return tokensPage(model, FormFeedback.none(), "", 90);
        } catch (InvalidInputException e) {
            return tokensPage(model, FormFeedback.of(e), name, validDays);
        }
    }

    @PostMapping("/tokens/{tokenId}/revocation")
    String revoke(@PathVariable UUID tokenId, RedirectAttributes redirect) {
        accounts.revokeToken(tokenId);
        redirect.addFlashAttribute("notice", "account.token-revoked");
        return "redirect:/account/tokens";
    }

    private String tokensPage(Model model, FormFeedback feedback, String name, Integer validDays) {
        model.addAttribute("tokens", accounts.tokens());
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("feedback", feedback);
        model.addAttribute("tokenName", name);
        model.addAttribute("validDays", validDays);
        return "organisation/tokens";
    }
}
