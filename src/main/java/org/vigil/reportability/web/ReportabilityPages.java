package org.vigil.reportability.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.casework.CaseId;
import org.vigil.casework.Cases;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.reportability.Causality;
import org.vigil.reportability.Reportability;
import org.vigil.reportability.SeriousOutcome;
import org.vigil.reportability.UseContext;
import org.vigil.reportability.domain.EventRules;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.Tenancy;
import org.vigil.shared.web.FormFeedback;

/**
 * The reportability page of a case: the decision in force with its signature, the case's reporting obligations per
 * authority with the rule and article each comes from, the earlier decisions, and the form to decide or change the
 * decision (signed by re-entering the password).
 */
@Controller
class ReportabilityPages {

    private final Reportability reportability;
    private final Cases cases;
    private final Clock clock = Clock.systemUTC();

    ReportabilityPages(Reportability reportability, Cases cases) {
        this.reportability = reportability;
        this.cases = cases;
    }

    @GetMapping("/cases/{caseId}/reportability")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    String page(@PathVariable UUID caseId, Model model) {
        var id = new CaseId(caseId);
        return show(id, model, reportability.startingPoint(id), FormFeedback.none());
    }

    @PostMapping("/cases/{caseId}/reportability")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String decide(@PathVariable UUID caseId, @ModelAttribute("form") DecisionForm form,
            @RequestParam(required = false) String password, Model model) {
        var id = new CaseId(caseId);
        try {
            reportability.decide(id, form.toDraft(), password);
            return "redirect:/cases/" + caseId + "/reportability";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            return render(id, model, FormFeedback.of(e));
        }
    }

    @PostMapping("/cases/{caseId}/reportability/events")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String recordEvent(@PathVariable UUID caseId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String at, @RequestParam(required = false) String zone,
            @RequestParam(required = false) String setDate, @RequestParam(required = false) String note,
            Model model) {
        var id = new CaseId(caseId);
        try {
            record(id, kind, at, zone, setDate, note);
            return "redirect:/cases/" + caseId + "/reportability#events";
        } catch (InvalidInputException e) {
            model.addAttribute("eventForm", eventForm(kind, at, zone, setDate, note));
            model.addAttribute("form", DecisionForm.of(reportability.startingPoint(id)));
            return render(id, model, FormFeedback.of(e));
        }
    }

    @GetMapping("/cases/{caseId}/user-facility")
    @RolesAllowed("DEVICE_SAFETY_OFFICER")
    String userFacility(@PathVariable UUID caseId, Model model) {
        return renderUserFacility(new CaseId(caseId), model, FormFeedback.none());
    }

    @PostMapping("/cases/{caseId}/user-facility/events")
    @RolesAllowed("DEVICE_SAFETY_OFFICER")
    String recordUserFacilityEvent(@PathVariable UUID caseId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String at, @RequestParam(required = false) String zone,
            @RequestParam(required = false) String setDate, @RequestParam(required = false) String note,
            Model model) {
        var id = new CaseId(caseId);
        try {
            record(id, kind, at, zone, setDate, note);
            return "redirect:/cases/" + caseId + "/user-facility";
        } catch (InvalidInputException e) {
            model.addAttribute("eventForm", eventForm(kind, at, zone, setDate, note));
            return renderUserFacility(id, model, FormFeedback.of(e));
        }
    }

    private String renderUserFacility(CaseId id, Model model, FormFeedback feedback) {
        var obligations = reportability.obligationsOfMySide(id);
        model.addAttribute("c", cases.find(id));
        model.addAttribute("events", reportability.events(id));
        model.addAttribute("obligations", obligations);
        model.addAttribute("feedback", feedback);
        model.addAttribute("eventKinds", EventRules.USER_FACILITY);
        model.addAttribute("zones", COMMON_ZONES);
        model.addAttribute("now", clock.instant());
        model.addAttribute("eventForm", model.getAttribute("eventForm") == null
                ? eventForm(null, null, "America/New_York", null, null) : model.getAttribute("eventForm"));
        return "reportability/user-facility";
    }

    private void record(CaseId id, String kind, String at, String zone, String setDate, String note) {
        var problems = new java.util.ArrayList<InvalidInputException.FieldError>();
        EventKind chosen = DecisionForm.choice(EventKind.class, kind, "kind", problems);
        LocalDateTime when = DecisionForm.dateTime(at, "at", problems);
        LocalDate date = null;
        if (setDate != null && !setDate.isBlank()) {
            try {
                date = LocalDate.parse(setDate.strip());
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInputException.FieldError("setDate", "Give the date as YYYY-MM-DD."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        reportability.recordEvent(id, chosen, when, zone, date, note);
    }

    private static Map<String, String> eventForm(String kind, String at, String zone, String setDate, String note) {
        var form = new HashMap<String, String>();
        form.put("kind", kind == null ? "" : kind);
        form.put("at", at == null ? "" : at);
        form.put("zone", zone == null ? "" : zone);
        form.put("setDate", setDate == null ? "" : setDate);
        form.put("note", note == null ? "" : note);
        return form;
    }

    private String show(CaseId id, Model model, org.vigil.reportability.DecisionDraft draft, FormFeedback feedback) {
        model.addAttribute("form", DecisionForm.of(draft));
        return render(id, model, feedback);
    }

    private String render(CaseId id, Model model, FormFeedback feedback) {
        var history = reportability.history(id);
        model.addAttribute("c", cases.find(id));
        model.addAttribute("current", history.isEmpty() ? null : history.getFirst());
        model.addAttribute("earlier", history.size() > 1 ? history.subList(1, history.size()) : List.of());
        model.addAttribute("obligations", reportability.obligations(id));
        model.addAttribute("events", reportability.events(id));
        model.addAttribute("eventKinds", EventRules.MANUFACTURER);
        if (model.getAttribute("eventForm") == null) {
            var current = history.isEmpty() ? null : history.getFirst();
            model.addAttribute("eventForm", eventForm(null, null,
                    current == null ? null : current.manufacturerZone().getId(), null, null));
        }
        model.addAttribute("now", clock.instant());
        model.addAttribute("feedback", feedback);
        model.addAttribute("outcomes", SeriousOutcome.values());
        model.addAttribute("causalities", Causality.values());
        model.addAttribute("useContexts", UseContext.values());
        model.addAttribute("deviceKinds", DeviceKind.values());
        model.addAttribute("jurisdictions", Jurisdiction.values());
        model.addAttribute("zones", COMMON_ZONES);
        model.addAttribute("signerName", Tenancy.principal().map(p -> p.displayName()).orElse(""));
        model.addAttribute("canSign", Tenancy.principal().map(p -> p.hasAnyRole(Reportability.DECIDERS))
                .orElse(false));
        return "reportability/decision";
    }

    /** Offered in the time-zone pickers; any IANA zone may be typed. */
    static final List<String> COMMON_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.matches("(Europe|America|Asia|Africa|Australia|Atlantic|Pacific)/[A-Za-z_]+")
                    || zone.equals("UTC"))
            .sorted().toList();

}
