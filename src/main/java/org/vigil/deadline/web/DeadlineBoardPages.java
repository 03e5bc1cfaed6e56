package org.vigil.deadline.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.deadline.BoardFilter;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationId;
import org.vigil.deadline.ObligationView;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserView;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;
import org.vigil.shared.VigilPrincipal;
import org.vigil.shared.web.FormFeedback;

/**
 * The deadline board: every pending obligation of the caller's organisation by due time, coloured by urgency, with
 * the case, device, recipient, the rule and its legal source, the due time in the manufacturer's time zone and the
 * time left; filtered by jurisdiction, device and responsible person. Vigilance officers and the PRRC (MDR Art. 15:
 * responsible for vigilance duties being met) mark obligations submitted, waive them with a signed reason
 * (21 CFR 11.50) or reassign them; complaint handlers read. Each reader also manages their calendar feed here.
 */
@Controller
class DeadlineBoardPages {

    private final Deadlines deadlines;
    private final UserManagement users;
    private final CalendarFeeds feeds;
    private final Clock clock;

    DeadlineBoardPages(Deadlines deadlines, UserManagement users, CalendarFeeds feeds, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.users = users;
        this.feeds = feeds;
    }

    @GetMapping("/deadlines")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC", "COMPLAINT_HANDLER" })
    String board(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String device,
            @RequestParam(required = false) String person, Model model) {
        return page(model, new Criteria(jurisdiction, device, person), FormFeedback.none(), null, Map.of());
    }

    @PostMapping("/deadlines/{obligationId}/submission")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String markSubmitted(@PathVariable UUID obligationId, @RequestParam(required = false) String authorityReference,
            Model model, RedirectAttributes redirect) {
        var id = new ObligationId(obligationId);
        return act(id, model, redirect, "submitted", Map.of("authorityReference", nonNull(authorityReference)),
                () -> deadlines.markSubmitted(id, authorityReference));
    }

    @PostMapping("/deadlines/{obligationId}/waiver")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String waive(@PathVariable UUID obligationId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String password, Model model, RedirectAttributes redirect) {
        var id = new ObligationId(obligationId);
        // The password is never typed back into the page.
        return act(id, model, redirect, "waived", Map.of("reason", nonNull(reason)),
                () -> deadlines.waive(id, reason, password));
    }

    @PostMapping("/deadlines/{obligationId}/responsible")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String reassign(@PathVariable UUID obligationId, @RequestParam(required = false) String assignee,
            Model model, RedirectAttributes redirect) {
        var id = new ObligationId(obligationId);
        return act(id, model, redirect, "reassigned", Map.of(),
                () -> deadlines.reassign(id, person(assignee, "assignee")));
    }

    @PostMapping("/deadlines/calendar-feed")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC", "COMPLAINT_HANDLER" })
    String issueFeed(Model model) {
        var issued = feeds.issue(me());
        model.addAttribute("issuedFeedUrl", issued.url());
        model.addAttribute("issuedWebcalUrl", issued.webcal());
        return page(model, new Criteria(null, null, null), FormFeedback.none(), null, Map.of());
    }

    @PostMapping("/deadlines/calendar-feed/revocation")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC", "COMPLAINT_HANDLER" })
    String revokeFeed(RedirectAttributes redirect) {
        feeds.revoke(me());
        redirect.addFlashAttribute("notice", "deadline.calendar-feed-revoked");
        return "redirect:/deadlines#calendar-feed";
    }

    /** What the filter form asked for, as typed. */
    private record Criteria(String jurisdiction, String device, String person) {
    }

    private String act(ObligationId id, Model model, RedirectAttributes redirect, String outcome,
            Map<String, String> typed, Supplier<ObligationView> action) {
        try {
            var after = action.get();
            redirect.addFlashAttribute(outcome, after.id().toString());
            return "redirect:/deadlines";
        } catch (InvalidInputException e) {
            return page(model, new Criteria(null, null, null), FormFeedback.of(e), id.toString(), typed);
        }
    }

    private String page(Model model, Criteria criteria, FormFeedback feedback, String failedObligation,
            Map<String, String> typed) {
        var me = me();
        var problems = new java.util.ArrayList<FieldError>();
        Jurisdiction jurisdiction = null;
        if (criteria.jurisdiction() != null && !criteria.jurisdiction().isBlank()) {
            try {
                jurisdiction = Jurisdiction.valueOf(criteria.jurisdiction().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("jurisdiction", "\"" + criteria.jurisdiction() + "\" is no jurisdiction; "
                        + "choose one of " + List.of(Jurisdiction.values()) + "."));
            }
        }
        String personFilter = criteria.person() == null ? "" : criteria.person().strip();
        UserId responsible = null;
        boolean unassignedOnly = "none".equals(personFilter);
        if ("mine".equals(personFilter)) {
            responsible = me.userId();
        } else if (!personFilter.isEmpty() && !unassignedOnly) {
            try {
                responsible = person(personFilter, "person");
            } catch (InvalidInputException e) {
                problems.addAll(e.errors());
                personFilter = "";
            }
        }
        Instant now = clock.instant();
        List<ObligationView> pending = deadlines.pending(new BoardFilter(jurisdiction, criteria.device(),
                responsible));
        var rows = pending.stream().filter(o -> !unassignedOnly || o.responsible() == null)
                .map(o -> DeadlineBoardRow.of(o, now)).toList();
        if (!problems.isEmpty() && !feedback.any()) {
            feedback = FormFeedback.of(new InvalidInputException(problems));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("jurisdictions", Jurisdiction.values());
        model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction.name());
        model.addAttribute("device", criteria.device());
        model.addAttribute("person", personFilter);
        model.addAttribute("people", responsibles(me));
        model.addAttribute("feedback", feedback);
        model.addAttribute("failedObligation", failedObligation);
        model.addAttribute("typed", typed);
        model.addAttribute("canAct", me.hasAnyRole(Set.of(Role.VIGILANCE_OFFICER, Role.PRRC)));
        model.addAttribute("seesWholeOrganisation", me.hasRole(Role.PRRC));
        model.addAttribute("feed", feeds.mine(me).orElse(null));
        model.addAttribute("now", now);
        if (!model.containsAttribute("issuedFeedUrl")) {
            model.addAttribute("issuedFeedUrl", null);
        }
        for (String outcome : List.of("waived", "submitted", "reassigned")) {
            Object flashed = model.getAttribute(outcome);
            model.addAttribute(outcome, flashed instanceof String obligation
                    ? deadlines.find(new ObligationId(UUID.fromString(obligation))) : null);
        }
        return "deadline/board";
    }

    /** Who may be made responsible for an obligation: the organisation's vigilance officers and PRRCs. */
    private List<UserView> responsibles(VigilPrincipal me) {
        var byId = new LinkedHashMap<UserId, UserView>();
        for (Role role : List.of(Role.VIGILANCE_OFFICER, Role.PRRC)) {
            users.holdersOf(me.organisationId(), role).forEach(user -> byId.putIfAbsent(user.id(), user));
        }
        return byId.values().stream().sorted(Comparator.comparing(UserView::displayName)).toList();
    }

    private static UserId person(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new UserId(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "Choose a person from the list.");
        }
    }

    private static VigilPrincipal me() {
        return Tenancy.principal().orElseThrow();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
