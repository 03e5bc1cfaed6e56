package org.vigil.terminology.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.portal.NavigationEntry;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.web.FormFeedback;
import org.vigil.terminology.Emdn;
import org.vigil.terminology.EmdnTerm;
import org.vigil.terminology.ImdrfAnnex;
import org.vigil.terminology.ImdrfTerm;
import org.vigil.terminology.ImdrfTerminology;

/**
 * The Terminologies pages: browse the IMDRF annexes and EMDN as trees, search them, read a term's definition, status,
 * place in the hierarchy and FDA codes; the type-ahead pickers that coding forms reuse; and, for platform
 * administrators, loading new releases.
 */
@Controller
class TerminologyPages {

    private static final int PICK_LIMIT = 15;

    private final ImdrfTerminology imdrf;
    private final Emdn emdn;

    TerminologyPages(ImdrfTerminology imdrf, Emdn emdn) {
        this.imdrf = imdrf;
        this.emdn = emdn;
    }

    @GetMapping("/terminology")
    @PermitAll
    String overview(@RequestParam(required = false) String q, @RequestParam(defaultValue = "ALL") String scope,
            Model model) {
        overviewModel(model);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("scope", scope);
        if (q != null && !q.isBlank()) {
            if (scope.equals("EMDN")) {
                model.addAttribute("emdnHits", emdn.search(q, 50));
            } else {
                var annex = ImdrfAnnex.of(scope).orElse(null);
                model.addAttribute("imdrfHits", imdrf.search(annex, q, 50, false));
            }
        }
        return "terminology/index";
    }

    /**
     * The pickers' demonstration form: the codes chosen are checked as a coding form checks them, so a retired or
     * grouping term is refused with a message next to its field.
     */
    @GetMapping("/terminology/picker-check")
    @PermitAll
    String pickerCheck(@RequestParam(defaultValue = "") String problem,
            @RequestParam(defaultValue = "") String component, @RequestParam(defaultValue = "") String device,
            Model model) {
        overviewModel(model);
        model.addAttribute("q", "");
        model.addAttribute("scope", "ALL");
        model.addAttribute("problem", problem);
        model.addAttribute("component", component);
        model.addAttribute("device", device);
        var errors = new ArrayList<InvalidInputException.FieldError>();
        var accepted = new ArrayList<String>();
        for (var pick : List.of(Map.entry("problem", ImdrfAnnex.A), Map.entry("component", ImdrfAnnex.G))) {
            String code = pick.getKey().equals("problem") ? problem : component;
            try {
                var term = imdrf.requireSelectable(pick.getKey(), pick.getValue(), code);
                accepted.add(term.code() + " " + term.term());
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!device.isBlank()) {
            emdn.find(device).ifPresentOrElse(term -> accepted.add(term.code() + " " + term.term()),
                    () -> errors.add(new InvalidInputException.FieldError("device", "EMDN has no code " + device
                            + ".")));
        }
        model.addAttribute("feedback", errors.isEmpty() ? FormFeedback.none()
                : FormFeedback.of(new InvalidInputException(errors)));
        model.addAttribute("accepted", errors.isEmpty() ? accepted : List.of());
        return "terminology/index";
    }

    private void overviewModel(Model model) {
        var annexes = new LinkedHashMap<ImdrfAnnex, Object>();
        for (ImdrfAnnex annex : ImdrfAnnex.values()) {
            annexes.put(annex, imdrf.currentRelease(annex).orElse(null));
        }
        model.addAttribute("annexes", annexes);
        model.addAttribute("emdnVersion", emdn.currentVersion().orElse(null));
        model.addAttribute("emdnCategories", emdn.children(null));
        model.addAttribute("canLoad", Tenancy.principal().map(principal -> principal.hasRole(Role.PLATFORM_ADMIN))
                .orElse(false));
        if (!model.containsAttribute("feedback")) {
            model.addAttribute("feedback", FormFeedback.none());
        }
    }

    @GetMapping("/terminology/imdrf/{annex}")
    @PermitAll
    String annex(@PathVariable String annex, Model model) {
        var which = TerminologyApi.annex(annex);
        var tree = new LinkedHashMap<String, List<ImdrfTerm>>();
        var pending = new ArrayList<String>();
        pending.add(null);
        while (!pending.isEmpty()) {
            String parent = pending.removeLast();
            var children = imdrf.children(which, parent);
            tree.put(parent == null ? "" : parent, children);
            children.stream().map(ImdrfTerm::code).filter(code -> !tree.containsKey(code)).forEach(pending::add);
        }
        model.addAttribute("annex", which);
        model.addAttribute("release", imdrf.currentRelease(which).orElse(null));
        model.addAttribute("releases", imdrf.releases().stream().filter(r -> r.annex() == which).toList());
        model.addAttribute("tree", tree);
        return "terminology/annex";
    }

    @GetMapping("/terminology/imdrf/{annex}/{imdrfCode}")
    @PermitAll
    String imdrfTerm(@PathVariable String annex, @PathVariable String imdrfCode,
            @RequestParam(required = false) String release, Model model) {
        var which = TerminologyApi.annex(annex);
        var term = (release == null || release.isBlank() ? imdrf.find(which, imdrfCode)
                : imdrf.find(which, imdrfCode, release))
                .orElseThrow(() -> new RecordNotFoundException("IMDRF term", imdrfCode));
        model.addAttribute("annex", which);
        model.addAttribute("term", term);
        model.addAttribute("path", imdrf.path(which, term.code()));
        model.addAttribute("children", imdrf.children(which, term.code()));
        model.addAttribute("crosswalk", imdrf.crosswalkFromImdrf(term.code()));
        model.addAttribute("versions", imdrf.releases().stream().filter(r -> r.annex() == which)
                .filter(r -> imdrf.find(which, term.code(), r.version()).isPresent()).toList());
        return "terminology/imdrf-term";
    }

    @GetMapping("/terminology/emdn")
    @PermitAll
    String emdnRoot(Model model) {
        model.addAttribute("term", null);
        model.addAttribute("path", List.of());
        model.addAttribute("children", emdn.children(null));
        model.addAttribute("emdnVersion", emdn.currentVersion().orElse(null));
        return "terminology/emdn";
    }

    @GetMapping("/terminology/emdn/{emdnCode}")
    @PermitAll
    String emdnTerm(@PathVariable String emdnCode, Model model) {
        EmdnTerm term = emdn.find(emdnCode).orElseThrow(() -> new RecordNotFoundException("EMDN term", emdnCode));
        model.addAttribute("term", term);
        model.addAttribute("path", emdn.path(term.code()));
        model.addAttribute("children", emdn.children(term.code()));
        model.addAttribute("emdnVersion", emdn.currentVersion().orElse(null));
        return "terminology/emdn";
    }

    /** The options of an IMDRF picker for what was typed (htmx). */
    @GetMapping("/terminology/pick/imdrf")
    @PermitAll
    String pickImdrf(@RequestParam(defaultValue = "A") String annex, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "code") String name, Model model) {
        var which = ImdrfAnnex.of(annex).orElse(ImdrfAnnex.A);
        model.addAttribute("terms", imdrf.search(which, q, PICK_LIMIT, false));
        model.addAttribute("q", q);
        model.addAttribute("name", name);
        return "terminology/pickers :: imdrf-options";
    }

    /** The options of an EMDN picker for what was typed (htmx). */
    @GetMapping("/terminology/pick/emdn")
    @PermitAll
    String pickEmdn(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "code") String name,
            Model model) {
        model.addAttribute("terms", emdn.search(q, PICK_LIMIT));
        model.addAttribute("q", q);
        model.addAttribute("name", name);
        return "terminology/pickers :: emdn-options";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Loading releases

    @GetMapping("/admin/terminology")
    @RolesAllowed("PLATFORM_ADMIN")
    String admin(Model model) {
        adminModel(model, FormFeedback.none(), "", "", "");
        return "terminology/admin";
    }

    @PostMapping("/admin/terminology/imdrf")
    @RolesAllowed("PLATFORM_ADMIN")
    String uploadImdrf(@RequestParam(defaultValue = "") String annex, @RequestParam(defaultValue = "") String version,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        try {
            var which = ImdrfAnnex.of(annex).orElseThrow(() -> InvalidInputException.of("annex",
                    "Choose the annex, A to G."));
            requireFile(file);
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                imdrf.load(which, version, reader, file.getOriginalFilename());
            }
            redirect.addFlashAttribute("notice", "terminology.imdrf-loaded");
            return "redirect:/admin/terminology";
        } catch (InvalidInputException e) {
            adminModel(model, FormFeedback.of(e), "imdrf", annex, version);
            return "terminology/admin";
        } catch (IOException e) {
            adminModel(model, FormFeedback.of(InvalidInputException.of("file", "The file could not be read.")),
                    "imdrf", annex, version);
            return "terminology/admin";
        }
    }

    @PostMapping("/admin/terminology/emdn")
    @RolesAllowed("PLATFORM_ADMIN")
    String uploadEmdn(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        try {
            requireFile(file);
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                emdn.load(reader, file.getOriginalFilename());
            }
            redirect.addFlashAttribute("notice", "terminology.emdn-loaded");
            return "redirect:/admin/terminology";
        } catch (InvalidInputException e) {
            adminModel(model, FormFeedback.of(e), "emdn", "", "");
            return "terminology/admin";
        } catch (IOException e) {
            adminModel(model, FormFeedback.of(InvalidInputException.of("file", "The file could not be read.")),
                    "emdn", "", "");
            return "terminology/admin";
        }
    }

    @PostMapping("/admin/terminology/crosswalk")
    @RolesAllowed("PLATFORM_ADMIN")
    String uploadCrosswalk(@RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) {
        try {
            requireFile(file);
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                imdrf.loadCrosswalk(reader, file.getOriginalFilename());
            }
            redirect.addFlashAttribute("notice", "terminology.crosswalk-loaded");
            return "redirect:/admin/terminology";
        } catch (InvalidInputException e) {
            adminModel(model, FormFeedback.of(e), "crosswalk", "", "");
            return "terminology/admin";
        } catch (IOException e) {
            adminModel(model, FormFeedback.of(InvalidInputException.of("file", "The file could not be read.")),
                    "crosswalk", "", "");
            return "terminology/admin";
        }
    }

    private static void requireFile(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "Choose the release file to load.");
        }
    }

    private void adminModel(Model model, FormFeedback feedback, String form, String annex, String version) {
        model.addAttribute("feedback", feedback);
        model.addAttribute("failedForm", form);
        model.addAttribute("annexChoice", annex);
        model.addAttribute("version", version);
        model.addAttribute("annexes", Arrays.asList(ImdrfAnnex.values()));
        model.addAttribute("releases", imdrf.releases().reversed());
        model.addAttribute("emdnVersion", emdn.currentVersion().orElse(null));
        model.addAttribute("crosswalkSource", imdrf.crosswalkSource().orElse(null));
        model.addAttribute("crosswalkSize", imdrf.crosswalkSize());
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry terminologyNavigation() {
            return new NavigationEntry("nav.terminology", "/terminology", Set.of(), 60);
        }
    }
}
