package org.vigil.organisation.signin;

import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form posts to Spring Security's {@code POST /login}. */
@Controller
class SignInPage {

    private final SignInProperties properties;

    SignInPage(SignInProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/login")
    @PermitAll
    String signIn(Authentication authentication, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("maxFailedAttempts", properties.maxFailedAttempts());
        model.addAttribute("lockoutMinutes", properties.lockout().toMinutes());
        return "signin/login";
    }
}
