package org.vigil.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.casework.CaseFilter;
import org.vigil.casework.CaseId;
import org.vigil.casework.CaseOrigin;
import org.vigil.casework.CaseSide;
import org.vigil.casework.CaseStatus;
import org.vigil.casework.Cases;
import org.vigil.casework.ComplaintSource;
import org.vigil.casework.InterimAdvice;
import org.vigil.casework.NewComplaint;
import org.vigil.casework.domain.DeviceReturnSteps;
import org.vigil.incident.IncidentReports;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.incident.ReportId;
import org.vigil.portal.NavigationEntry;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Role;
import org.vigil.shared.UserId;
import org.vigil.shared.web.FormFeedback;

/**
 * Pages of the shared case: the manufacturer's inbox with filters, assignment and ageing; complaint entry; the
 * hospital's list of cases; and the case page with one timeline for both sides and the forms each side may use.
 */
@Controller
class CasePages {

    /** A case waiting on the manufacturer longer than this many days is highlighted in the inbox. */
    static final int DEFAULT_OVERDUE_DAYS = 5;

    private final Cases cases;
    private final IncidentReports reports;
    private final OrganisationManagement organisations;
    private final Clock clock = Clock.systemUTC();

    CasePages(Cases cases, IncidentReports reports, OrganisationManagement organisations) {
        this.cases = cases;
        this.reports = reports;
        this.organisations = organisations;
    }

    @GetMapping("/inbox")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String inbox(@RequestParam(required = false) CaseStatus status, @RequestParam(required = false) CaseOrigin origin,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String assignee,
            @RequestParam(defaultValue = "" + DEFAULT_OVERDUE_DAYS) int overdueDays,
            @RequestParam(defaultValue = "false") boolean overdueOnly, Model model) {
        boolean unassigned = "none".equals(assignee);
        UserId assigneeId = null;
        if (assignee != null && !assignee.isBlank() && !unassigned) {
            try {
                assigneeId = new UserId(UUID.fromString(assignee));
            } catch (IllegalArgumentException e) {
                assigneeId = null;
            }
        }
        int days = Math.clamp(overdueDays, 0, 3650);
        var filter = new CaseFilter(status, origin, blankToNull(kind), assigneeId, unassigned,
                overdueOnly ? days : null);
        model.addAttribute("cases", cases.list(filter, 500));
        model.addAttribute("people", cases.assignable());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("origins", CaseOrigin.values());
        model.addAttribute("kinds", new String[] { "INCIDENT", "NEAR_MISS", "CYBERSECURITY_EVENT", "COMPLAINT" });
        model.addAttribute("status", status);
        model.addAttribute("origin", origin);
        model.addAttribute("kind", kind);
        model.addAttribute("assignee", assignee);
        model.addAttribute("overdueDays", days);
        model.addAttribute("overdueOnly", overdueOnly);
        model.addAttribute("now", clock.instant());
        return "casework/inbox";
    }

    @GetMapping("/cases")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String list(@RequestParam(required = false) CaseStatus status, Model model) {
        model.addAttribute("cases", cases.list(new CaseFilter(status, null, null, null, false, null), 500));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("now", clock.instant());
        return "casework/cases";
    }

    @GetMapping("/cases/by-report/{caseReportId}")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String byReport(@PathVariable UUID caseReportId) {
        return "redirect:/cases/" + cases.findByReport(caseReportId).id();
    }

    @GetMapping("/cases/{caseId}")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String show(@PathVariable UUID caseId, Model model) {
        return page(new CaseId(caseId), model, FormFeedback.none(), null, Map.of());
    }

    @PostMapping("/cases/{caseId}/messages")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String message(@PathVariable UUID caseId, @RequestParam(required = false) String text, Model model) {
        var id = new CaseId(caseId);
        return act(id, model, "message", Map.of("text", nonNull(text)), () -> cases.postMessage(id, text));
    }

    @PostMapping("/cases/{caseId}/internal-notes")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String internalNote(@PathVariable UUID caseId, @RequestParam(required = false) String text, Model model) {
        var id = new CaseId(caseId);
        return act(id, model, "note", Map.of("note", nonNull(text)), () -> cases.addInternalNote(id, text));
    }

    @PostMapping("/cases/{caseId}/status")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String status(@PathVariable UUID caseId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String reason, Model model) {
        var id = new CaseId(caseId);
        return act(id, model, "status", Map.of("reason", nonNull(reason)),
                () -> cases.moveTo(id, parse(CaseStatus.class, status, "status"), reason));
    }

    @PostMapping("/cases/{caseId}/interim-advice")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String interimAdvice(@PathVariable UUID caseId, @RequestParam(required = false) String advice,
            @RequestParam(required = false) String text, Model model) {
        var id = new CaseId(caseId);
        return act(id, model, "advice", Map.of("adviceText", nonNull(text)),
                () -> cases.adviseInterim(id, parse(InterimAdvice.class, advice, "advice"), text));
    }

    @PostMapping("/cases/{caseId}/device-return/{step}")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String deviceReturn(@PathVariable UUID caseId, @PathVariable String step,
            @RequestParam(required = false) String detail, Model model) {
        var id = new CaseId(caseId);
        return act(id, model, "return", Map.of("detail", nonNull(detail)),
                () -> cases.deviceReturn(id, step, detail));
    }

    @PostMapping("/cases/{caseId}/outcome")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String outcome(@PathVariable UUID caseId, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String rootCause, Model model) {
        var id = new CaseId(caseId);
        return act(id, model, "outcome", Map.of("outcome", nonNull(outcome), "rootCause", nonNull(rootCause)),
                () -> cases.recordOutcome(id, outcome, rootCause));
    }

    @PostMapping("/cases/{caseId}/assignee")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String assignee(@PathVariable UUID caseId, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String back, Model model) {
        var id = new CaseId(caseId);
        String result = act(id, model, "assignee", Map.of(), () -> cases.assign(id, userId(assignee)));
        return "/inbox".equals(back) && result.startsWith("redirect:") ? "redirect:/inbox" : result;
    }

    @GetMapping("/complaints/new")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String newComplaint(Model model) {
        model.addAttribute("feedback", FormFeedback.none());
        model.addAttribute("form", Map.of("receivedOn", LocalDate.now(clock).toString()));
        model.addAttribute("sources", ComplaintSource.values());
        return "casework/complaint-new";
    }

    @PostMapping("/complaints")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String createComplaint(@RequestParam(required = false) String source, @RequestParam(required = false) String device,
            @RequestParam(required = false) String description, @RequestParam(required = false) String complainant,
            @RequestParam(required = false) String receivedOn, Model model) {
        try {
            LocalDate received = null;
            if (receivedOn != null && !receivedOn.isBlank()) {
                try {
                    received = LocalDate.parse(receivedOn.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    throw InvalidInputException.of("receivedOn", "Give the date as YYYY-MM-DD.");
                }
            }
            var created = cases.enterComplaint(new NewComplaint(parse(ComplaintSource.class, source, "source"),
                    device, description, complainant, received));
            return "redirect:/cases/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("feedback", FormFeedback.of(e));
            model.addAttribute("form", Map.of("source", nonNull(source), "device", nonNull(device), "description",
                    nonNull(description), "complainant", nonNull(complainant), "receivedOn", nonNull(receivedOn)));
            model.addAttribute("sources", ComplaintSource.values());
            return "casework/complaint-new";
        }
    }

    private String act(CaseId id, Model model, String form, Map<String, String> typed, Supplier<?> action) {
        try {
            action.get();
            return "redirect:/cases/" + id;
        } catch (InvalidInputException e) {
            return page(id, model, FormFeedback.of(e), form, typed);
        }
    }

    private String page(CaseId id, Model model, FormFeedback feedback, String failedForm, Map<String, String> typed) {
        var view = cases.find(id);
        var side = cases.sideOf(view);
        model.addAttribute("c", view);
        model.addAttribute("side", side.name());
        model.addAttribute("manufacturerSide", side == CaseSide.MANUFACTURER);
        // A US hospital has reporting duties of its own as a user facility (21 CFR 803.30).
        model.addAttribute("userFacility", side == CaseSide.HOSPITAL && view.hospital() != null
                && "US".equals(organisations.get(view.hospital()).country()));
        model.addAttribute("timeline", cases.timeline(id));
        model.addAttribute("feedback", feedback);
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("typed", typed);
        model.addAttribute("nextStatuses", view.status().next());
        model.addAttribute("advices", InterimAdvice.values());
        model.addAttribute("people", side == CaseSide.MANUFACTURER ? cases.assignable() : java.util.List.of());
        model.addAttribute("steps", DeviceReturnSteps.possibleAfter(view.deviceReturn().state()).stream()
                .filter(step -> step.side() == side).toList());
        model.addAttribute("now", clock.instant());
        if (view.reportId() != null) {
            try {
                model.addAttribute("report", reports.find(new ReportId(view.reportId())));
            } catch (RecordNotFoundException e) {
                model.addAttribute("report", null);
            }
        }
        return "casework/case";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "\"" + value + "\" is not one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static UserId userId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new UserId(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("assignee", "Choose a person from the list.");
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry inboxNavigation() {
            return new NavigationEntry("nav.inbox", "/inbox",
                    Set.of(Role.VIGILANCE_OFFICER, Role.COMPLAINT_HANDLER, Role.PRRC), 30);
        }

        @Bean
        NavigationEntry casesNavigation() {
            return new NavigationEntry("nav.cases", "/cases", Set.of(Role.REPORTER, Role.DEVICE_SAFETY_OFFICER), 31);
        }
    }
}
