package org.vigil.portal.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.vigil.portal.DashboardPanel;
import org.vigil.shared.Tenancy;

/** The home page: one dashboard, assembled from the panels meant for the viewer's roles. */
@Controller
class DashboardPage {

    /** The first panel everyone sees: what each of their roles is for. */
    private static final DashboardPanel ROLES = DashboardPanel.of(Set.of(), 0, "portal/panels :: roles",
            viewer -> Map.of("roles", viewer.roles().stream().sorted().toList()));

    private final List<DashboardPanel> panels;

    DashboardPage(List<DashboardPanel> panels) {
        this.panels = Stream.concat(Stream.of(ROLES), panels.stream())
                .sorted(Comparator.comparingInt(DashboardPanel::order)).toList();
    }

    /** One panel ready to render. */
    record RenderedPanel(String fragment, Map<String, Object> model) {
    }

    @GetMapping("/")
    @PermitAll
    String dashboard(Model model) {
        var principal = Tenancy.principal().orElseThrow();
        model.addAttribute("panels", panels.stream().filter(panel -> panel.visibleTo(principal.roles()))
                .map(panel -> new RenderedPanel(panel.fragment(), panel.model(principal))).toList());
        return "portal/dashboard";
    }
}
