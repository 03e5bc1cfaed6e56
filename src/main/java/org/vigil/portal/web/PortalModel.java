package org.vigil.portal.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.vigil.portal.NavigationEntry;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilPrincipal;

/** Gives every page the signed-in person and the navigation their roles allow. */
@ControllerAdvice(annotations = Controller.class)
class PortalModel {

    private final List<NavigationEntry> entries;

    PortalModel(List<NavigationEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    @ModelAttribute("principal")
    VigilPrincipal principal() {
        return Tenancy.principal().orElse(null);
    }

    @ModelAttribute("navigation")
    List<NavigationEntry> navigation() {
        return Tenancy.principal().map(principal -> entries.stream()
                .filter(entry -> entry.visibleTo(principal.roles())).toList()).orElse(List.of());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
