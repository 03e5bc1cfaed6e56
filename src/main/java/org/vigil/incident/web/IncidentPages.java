package org.vigil.incident.web;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.device.DeviceLookup;
import org.vigil.device.DeviceRegister;
import org.vigil.incident.AgeUnit;
import org.vigil.incident.CybersecurityEventType;
import org.vigil.incident.DeviceAvailability;
import org.vigil.incident.IncidentReports;
import org.vigil.incident.PersonInvolved;
import org.vigil.incident.ReportId;
import org.vigil.incident.ReportKind;
import org.vigil.incident.ReportStatus;
import org.vigil.incident.ReportView;
import org.vigil.incident.Sex;
import org.vigil.portal.DashboardPanel;
import org.vigil.portal.NavigationEntry;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.web.FormFeedback;

/**
 * The incident report pages of hospital users (MDR Art. 87(10)–(11)): their reports and drafts, the report form that
 * saves as they type (device by UDI scan, with free text when the device is not in the register), attachments,
 * submission, and the copy to the competent authority. Everyone a submitted report is shared with sees it read-only.
 */
@Controller
class IncidentPages {

    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final IncidentReports reports;
    private final DeviceRegister devices;

    IncidentPages(IncidentReports reports, DeviceRegister devices) {
        this.reports = reports;
        this.devices = devices;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("cyberTypes", CybersecurityEventType.values());
        model.addAttribute("persons", PersonInvolved.values());
        model.addAttribute("ageUnits", AgeUnit.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("availabilities", DeviceAvailability.values());
        model.addAttribute("canWrite", canWrite());
    }

    private static boolean canWrite() {
        return Tenancy.principal().map(p -> p.organisationKind() == OrganisationKind.HEALTHCARE_ORGANISATION
                && p.hasAnyRole(Set.of(Role.REPORTER, Role.DEVICE_SAFETY_OFFICER))).orElse(false);
    }

    @GetMapping("/reports")
    @PermitAll
    String list(@RequestParam(required = false) ReportStatus status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("reports", reports.list(status, 200));
        return "incident/list";
    }

    /** Choosing the kind of a new report; the draft starts with the POST, so a link preview never creates one. */
    @GetMapping("/reports/new")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    String chooseKind(@RequestParam(required = false) ReportKind kind, Model model) {
        model.addAttribute("kind", kind == null ? ReportKind.INCIDENT : kind);
        return "incident/new";
    }

    @PostMapping("/reports/new")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    String start(@RequestParam(required = false) ReportKind kind) {
        var draft = reports.startDraft(kind == null ? ReportKind.INCIDENT : kind);
        return "redirect:/reports/" + draft.id();
    }

    @GetMapping("/reports/{reportId}")
    @PermitAll
    String show(@PathVariable UUID reportId, Model model) {
        var report = reports.find(new ReportId(reportId));
        return page(report, ReportForm.of(report.content(), report.version()), FormFeedback.none(), model);
    }

    private String page(ReportView report, ReportForm form, FormFeedback feedback, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("form", form);
        model.addAttribute("feedback", feedback);
        if (report.status() == ReportStatus.DRAFT && canWrite()) {
            model.addAttribute("missing", reports.missing(report.id()));
            return "incident/form";
        }
        model.addAttribute("authorityCopy", canWrite() ? reports.authorityCopy(report.id()).orElse(null) : null);
        return "incident/view";
    }

    /** Saves the draft as the person types (htmx); answers the save status and the new version. */
    @PostMapping("/reports/{reportId}/draft")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    String saveDraft(@PathVariable UUID reportId, @ModelAttribute("form") ReportForm form, Model model) {
        var id = new ReportId(reportId);
        var unreadable = new ArrayList<FieldError>();
        var content = form.content(unreadable);
        try {
            var saved = reports.saveDraft(id, form.getVersion(), content, form.getPatientIdentifier());
            model.addAttribute("saved", saved);
            model.addAttribute("savedAt", SAVED_AT.format(saved.updatedAt()));
            model.addAttribute("problems", unreadable);
        } catch (InvalidInputException refused) {
            model.addAttribute("saved", null);
            model.addAttribute("problems", refused.errors());
        }
        return "incident/form :: save-status";
    }

    /** The device a scan identifies, for the form's device section (htmx). */
    @GetMapping("/reports/device")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    String device(@RequestParam(defaultValue = "") String scan, @ModelAttribute("form") ReportForm form,
            Model model, jakarta.servlet.http.HttpServletResponse response) {
        // The form saves the draft when the device fields change (hx-trigger "device-found from:body").
        response.setHeader("HX-Trigger", "device-found");
        DeviceLookup lookup = scan.isBlank() ? null : devices.lookup(scan);
        form.setDeviceScan(scan.isBlank() ? null : scan);
        if (lookup != null && lookup.scanned()) {
            var udi = lookup.udi();
            form.setDeviceUdiDi(udi.di());
            form.setDeviceLot(udi.lot() != null ? udi.lot() : form.getDeviceLot());
            form.setDeviceSerial(udi.serial() != null ? udi.serial() : form.getDeviceSerial());
            form.setDeviceExpiry(udi.expiry() != null ? udi.expiry().toString() : form.getDeviceExpiry());
            form.setDeviceSoftwareVersion(udi.softwareVersion() != null ? udi.softwareVersion()
                    : form.getDeviceSoftwareVersion());
        }
        if (lookup != null && lookup.device() != null) {
            var found = lookup.device();
            form.setDeviceManufacturerName(found.manufacturer());
            form.setDeviceDeviceName(found.tradeName() != null ? found.tradeName() : found.deviceName());
            form.setDeviceModel(found.model());
            form.setDeviceReference(found.reference());
        }
        model.addAttribute("lookup", lookup);
        model.addAttribute("feedback", FormFeedback.none());
        return "incident/form :: device-fields";
    }

    @PostMapping("/reports/{reportId}/submit")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    String submit(@PathVariable UUID reportId, @ModelAttribute("form") ReportForm form, Model model,
            RedirectAttributes redirect) {
        var id = new ReportId(reportId);
        var unreadable = new ArrayList<FieldError>();
        var content = form.content(unreadable);
        ReportView saved;
        try {
            // What was typed is saved first, so a refused submission loses nothing.
            saved = reports.saveDraft(id, form.getVersion(), content, form.getPatientIdentifier());
        } catch (InvalidInputException refused) {
            return page(reports.find(id), form, FormFeedback.of(refused), model);
        }
        form.setVersion(saved.version());
        form.setPatientIdentifier(null);
        try {
            if (!unreadable.isEmpty()) {
                // What could not be read and what the rules still miss, all at once.
                var all = new ArrayList<FieldError>(unreadable);
                reports.missing(id).stream().filter(rule -> unreadable.stream()
                        .noneMatch(u -> u.field().equals(rule.field()))).forEach(all::add);
                throw new InvalidInputException(all);
            }
            reports.submit(id, saved.version());
        } catch (InvalidInputException refused) {
            return page(saved, form, FormFeedback.of(refused), model);
        }
        redirect.addFlashAttribute("notice", "incident.submitted");
        return "redirect:/reports/" + reportId;
    }

    @PostMapping("/reports/{reportId}/attachments")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    String attach(@PathVariable UUID reportId, @RequestParam(name = "file", required = false) MultipartFile file,
            Model model, RedirectAttributes redirect) throws IOException {
        var id = new ReportId(reportId);
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "Choose a file to attach.");
            }
            var added = reports.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
            redirect.addFlashAttribute("attached", added.fileName());
            return "redirect:/reports/" + reportId + "#attachments";
        } catch (InvalidInputException refused) {
            var report = reports.find(id);
            return page(report, ReportForm.of(report.content(), report.version()), FormFeedback.of(refused), model);
        }
    }

    @GetMapping("/reports/{reportId}/attachments/{attachmentId}")
    @PermitAll
    ResponseEntity<byte[]> download(@PathVariable UUID reportId, @PathVariable UUID attachmentId) {
        return IncidentApi.AttachmentDownload.of(reports, new ReportId(reportId), attachmentId);
    }

    @PostMapping("/reports/{reportId}/authority-copy")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    String sendToAuthority(@PathVariable UUID reportId, Model model, RedirectAttributes redirect) {
        var id = new ReportId(reportId);
        try {
            var copy = reports.sendToAuthority(id);
            redirect.addFlashAttribute("sentTo", copy.authorityName());
            return "redirect:/reports/" + reportId;
        } catch (InvalidInputException refused) {
            var report = reports.find(id);
            return page(report, ReportForm.of(report.content(), report.version()), FormFeedback.of(refused), model);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry reportIncidentNavigation() {
            return new NavigationEntry("nav.report-incident", "/reports/new", Set.of(Role.REPORTER,
                    Role.DEVICE_SAFETY_OFFICER), 10);
        }

        @Bean
        NavigationEntry reportsNavigation() {
            return new NavigationEntry("nav.reports", "/reports", Set.of(Role.REPORTER, Role.DEVICE_SAFETY_OFFICER,
                    Role.AUTHORITY_REVIEWER), 11);
        }

        @Bean
        DashboardPanel reportsPanel(IncidentReports reports) {
            return DashboardPanel.of(Set.of(Role.REPORTER, Role.DEVICE_SAFETY_OFFICER), 10,
                    "incident/dashboard :: reports", viewer -> {
                        List<ReportView> recent = reports.list(null, 10);
                        return Map.of("incidentReports", recent);
                    });
        }
    }
}
