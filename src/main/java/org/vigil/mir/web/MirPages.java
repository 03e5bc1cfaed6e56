package org.vigil.mir.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.casework.CaseId;
import org.vigil.casework.Cases;
import org.vigil.deadline.Authority;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.ObligationView;
import org.vigil.mir.MirDocument;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReportId;
import org.vigil.mir.MirReportType;
import org.vigil.mir.MirReportView;
import org.vigil.mir.MirReports;
import org.vigil.mir.SubmissionChannel;
import org.vigil.mir.domain.FormFields;
import org.vigil.reportability.Reportability;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.web.FormFeedback;

/**
 * The pages of manufacturer incident reports: a case's reports (start the initial, follow-up or final report,
 * import a MIR file), the report editor with every MIR 7.3.1 field by section and what the report type still
 * misses, versions with their differences, approval by electronic signature, submissions with the authority's
 * acknowledgement, and the documents to download.
 */
@Controller
class MirPages {

    /** The recipient choice for a competent authority no obligation of the case names; its country is typed. */
    static final String OTHER_AUTHORITY = "OTHER";

    /** The rows of a repeated group the editor offers beyond those filled. */
    static final int SPARE_ROWS = 1;
    private static final Pattern FIELD_KEY = Pattern.compile("[@A-Za-z_][A-Za-z0-9_/\\[\\]#*]{0,200}");

    private final MirReports reports;
    private final Cases cases;
    private final Reportability reportability;

    MirPages(MirReports reports, Cases cases, Reportability reportability) {
        this.reports = reports;
        this.cases = cases;
        this.reportability = reportability;
    }

    @GetMapping("/cases/{caseId}/mir")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String caseReports(@PathVariable UUID caseId, Model model) {
        return renderCase(new CaseId(caseId), model, FormFeedback.none());
    }

    @PostMapping("/cases/{caseId}/mir")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String start(@PathVariable UUID caseId, @RequestParam(required = false) String type, Model model) {
        var id = new CaseId(caseId);
        try {
            var report = reports.start(id, reportType(type));
            return "redirect:/mir/" + report.id();
        } catch (InvalidInputException e) {
            return renderCase(id, model, FormFeedback.of(e));
        }
    }

    @PostMapping("/cases/{caseId}/mir/import")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String importReport(@PathVariable UUID caseId, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        var id = new CaseId(caseId);
        try {
            var imported = reports.importReport(id, open(file));
            redirect.addFlashAttribute("importProblems", imported.problems());
            return "redirect:/mir/" + imported.report().id();
        } catch (InvalidInputException e) {
            return renderCase(id, model, FormFeedback.of(e));
        }
    }

    @GetMapping("/mir/{mirReportId}")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String report(@PathVariable UUID mirReportId, @RequestParam(required = false) Integer version, Model model) {
        var id = new MirReportId(mirReportId);
        var view = reports.find(id);
        int shown = version == null ? view.latest().version() : version;
        var document = reports.document(id, shown);
        return renderReport(view, shown, document, reports.values(document), model, FormFeedback.none());
    }

    @PostMapping("/mir/{mirReportId}")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String save(@PathVariable UUID mirReportId, @RequestParam Map<String, String> parameters, Model model) {
        var id = new MirReportId(mirReportId);
        var values = fieldValues(parameters);
        int basedOn = parseInt(parameters.get("basedOn"));
        try {
            reports.save(id, values, basedOn, parameters.get("note"));
            return "redirect:/mir/" + mirReportId + "#saved";
        } catch (InvalidInputException e) {
            var view = reports.find(id);
            var document = reports.document(id, view.latest().version());
            model.addAttribute("note", parameters.get("note"));
            // what the person typed stays on the page, with the message beside the field
            return renderReport(view, basedOn > 0 ? basedOn : view.latest().version(), document, values, model,
                    FormFeedback.of(e));
        }
    }

    @PostMapping("/mir/{mirReportId}/import")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String importVersion(@PathVariable UUID mirReportId, @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect) throws IOException {
        var id = new MirReportId(mirReportId);
        try {
            var imported = reports.importVersion(id, open(file));
            redirect.addFlashAttribute("importProblems", imported.problems());
            return "redirect:/mir/" + mirReportId;
        } catch (InvalidInputException e) {
            return renderLatest(id, model, FormFeedback.of(e));
        }
    }

    @PostMapping("/mir/{mirReportId}/approval")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String approve(@PathVariable UUID mirReportId, @RequestParam(required = false) String version,
            @RequestParam(required = false) String password, Model model) {
        var id = new MirReportId(mirReportId);
        try {
            reports.approve(id, parseInt(version), password);
            return "redirect:/mir/" + mirReportId + "#approval";
        } catch (InvalidInputException e) {
            return renderLatest(id, model, FormFeedback.of(e));
        }
    }

    @PostMapping("/mir/{mirReportId}/submissions")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String submit(@PathVariable UUID mirReportId, @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String submittedAt,
            @RequestParam(required = false) String zone, @RequestParam(required = false) String authorityReference,
            @RequestParam(required = false) String nextReport, @RequestParam(required = false) String otherCountry,
            Model model) {
        var id = new MirReportId(mirReportId);
        try {
            String to = OTHER_AUTHORITY.equals(recipient)
                    ? Authority.NATIONAL_COMPETENT_AUTHORITY.name() + ":" + (otherCountry == null ? "" : otherCountry)
                    : recipient;
            reports.recordSubmission(id, submissionDraft(to, channel, submittedAt, zone, authorityReference,
                    nextReport));
            return "redirect:/mir/" + mirReportId + "#submissions";
        } catch (InvalidInputException e) {
            model.addAttribute("submissionForm", Map.of("recipient", nz(recipient), "channel", nz(channel),
                    "submittedAt", nz(submittedAt), "authorityReference", nz(authorityReference),
                    "nextReport", nz(nextReport)));
            return renderLatest(id, model, FormFeedback.of(e));
        }
    }

    @PostMapping("/mir/{mirReportId}/submissions/{submissionId}/acknowledgement")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String acknowledge(@PathVariable UUID mirReportId, @PathVariable UUID submissionId,
            @RequestParam(required = false) String authorityReference,
            @RequestParam(required = false) String acknowledgement, Model model) {
        var id = new MirReportId(mirReportId);
        try {
            reports.acknowledge(id, submissionId, authorityReference, acknowledgement);
            return "redirect:/mir/" + mirReportId + "#submissions";
        } catch (InvalidInputException e) {
            return renderLatest(id, model, FormFeedback.of(e));
        }
    }

    @PostMapping("/mir/{mirReportId}/submissions/{submissionId}/fda-acknowledgement")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String fdaAcknowledgement(@PathVariable UUID mirReportId, @PathVariable UUID submissionId,
            @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        var id = new MirReportId(mirReportId);
        try {
            reports.acknowledgeFromFda(id, submissionId, open(file));
            return "redirect:/mir/" + mirReportId + "#submissions";
        } catch (InvalidInputException e) {
            return renderLatest(id, model, FormFeedback.of(e));
        }
    }

    @GetMapping("/mir/{mirReportId}/diff")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    String diff(@PathVariable UUID mirReportId, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model) {
        var id = new MirReportId(mirReportId);
        var changes = reports.diff(id, from, to);
        model.addAttribute("r", reports.find(id));
        model.addAttribute("from", changes.from());
        model.addAttribute("to", changes.to());
        model.addAttribute("changes", changes.changes());
        return "mir/diff";
    }

    @GetMapping("/mir/settings")
    @RolesAllowed({ "PRRC", "ORGANISATION_ADMIN", "VIGILANCE_OFFICER" })
    String settings(Model model) {
        model.addAttribute("fourEyes", reports.fourEyes());
        return "mir/settings";
    }

    @PostMapping("/mir/settings")
    @RolesAllowed({ "PRRC", "ORGANISATION_ADMIN" })
    String changeSettings(@RequestParam(required = false) String fourEyes) {
        reports.setFourEyes("on".equals(fourEyes) || "true".equals(fourEyes));
        return "redirect:/mir/settings";
    }

    // ------------------------------------------------------------------------------------------------ rendering

    private String renderCase(CaseId id, Model model, FormFeedback feedback) {
        var list = reports.forCase(id);
        model.addAttribute("c", cases.find(id));
        model.addAttribute("reports", list);
        model.addAttribute("decision", reportability.current(id).orElse(null));
        model.addAttribute("types", MirReportType.values());
        model.addAttribute("feedback", feedback);
        return "mir/case";
    }

    private String renderLatest(MirReportId id, Model model, FormFeedback feedback) {
        var view = reports.find(id);
        var document = reports.document(id, view.latest().version());
        return renderReport(view, view.latest().version(), document, reports.values(document), model, feedback);
    }

    private String renderReport(MirReportView view, int shown, MirDocument document, Map<String, String> values,
            Model model, FormFeedback feedback) {
        var fields = FormFields.mir731().all();
        model.addAttribute("r", view);
        model.addAttribute("c", cases.find(view.caseId()));
        model.addAttribute("shown", shown);
        model.addAttribute("shownVersion", view.versions().stream().filter(v -> v.version() == shown).findFirst()
                .orElse(view.latest()));
        model.addAttribute("document", document);
        model.addAttribute("values", values);
        model.addAttribute("sections", EditorSections.of(fields, values, SPARE_ROWS));
        var problems = reports.problems(document);
        model.addAttribute("problems", problems);
        model.addAttribute("problemsByField", problemsByField(problems));
        model.addAttribute("editable", shown == view.latest().version()
                && view.state() != MirReportView.State.SUBMITTED);
        model.addAttribute("feedback", feedback);
        model.addAttribute("fourEyes", reports.fourEyes());
        model.addAttribute("recipients", recipients(view));
        model.addAttribute("channels", SubmissionChannel.values());
        model.addAttribute("authorities", Authority.values());
        model.addAttribute("approval", reports.approval(view, shown).orElse(null));
        model.addAttribute("eudamedMissing", reports.eudamedGaps(document));
        if (model.getAttribute("submissionForm") == null) {
            model.addAttribute("submissionForm", Map.of("recipient", "", "channel", "", "submittedAt", "",
                    "authorityReference", "", "nextReport", defaultNextReport(document)));
        }
        return "mir/report";
    }

    /** The authorities the case owes a report to, from its obligations, as {@code AUTHORITY:CC} choices. */
    private Map<String, String> recipients(MirReportView view) {
        var choices = new LinkedHashMap<String, String>();
        for (ObligationView obligation : reportability.obligations(view.caseId())) {
            var recipient = obligation.recipient();
            if (recipient.authority() == Authority.DEVICE_MANUFACTURER) {
                continue;
            }
            String label = (recipient.authority() == Authority.NATIONAL_COMPETENT_AUTHORITY
                    ? "Competent authority of " + recipient.country() : recipient.authority().label())
                    + (recipient.via() == null ? "" : " (through the " + recipient.via() + ")");
            choices.putIfAbsent(recipient.authority().name() + ":" + recipient.country(), label);
        }
        return choices;
    }

    private static String defaultNextReport(MirDocument document) {
        var type = document.report().administrative().reportType();
        return document.report().administrative().nextReportDate() != null
                && (type == MirReportType.INITIAL || type == MirReportType.FOLLOW_UP)
                        ? EventKind.FINAL_REPORT_ANNOUNCED.name() : "";
    }

    private static Map<String, List<String>> problemsByField(List<MirProblem> problems) {
        var byField = new LinkedHashMap<String, List<String>>();
        for (MirProblem problem : problems) {
            String key = FormFields.mir731().forXpath(problem.xpath()).map(FormFields.Field::path).orElse("");
            byField.computeIfAbsent(key, k -> new ArrayList<>()).add(problem.message());
        }
        return byField;
    }

    // ------------------------------------------------------------------------------------------------ parsing

    /** The request parameters that are form fields: catalogue paths, with row numbers inside repeated groups. */
    static Map<String, String> fieldValues(Map<String, String> parameters) {
        var values = new LinkedHashMap<String, String>();
        parameters.forEach((key, value) -> {
            if (FIELD_KEY.matcher(key).matches() && (key.contains("/") || key.startsWith("@"))) {
                values.put(key, value);
            }
        });
        return values;
    }

    static MirReports.SubmissionDraft submissionDraft(String recipient, String channel, String submittedAt,
            String zone, String authorityReference, String nextReport) {
        var problems = new ArrayList<InvalidInputException.FieldError>();
        Authority authority = null;
        String country = null;
        if (recipient == null || !recipient.contains(":")) {
            problems.add(new InvalidInputException.FieldError("recipient", "Choose the authority it went to."));
        } else {
            String[] parts = recipient.split(":", 2);
            try {
                authority = Authority.valueOf(parts[0]);
                country = parts[1];
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldError("recipient", "Choose the authority it went to."));
            }
        }
        SubmissionChannel how = null;
        try {
            how = channel == null || channel.isBlank() ? null : SubmissionChannel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInputException.FieldError("channel", "Choose how it was sent."));
        }
        LocalDateTime when = null;
        if (submittedAt != null && !submittedAt.isBlank()) {
            try {
                when = LocalDateTime.parse(submittedAt.strip());
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInputException.FieldError("submittedAt",
                        "Give the date and time as YYYY-MM-DDTHH:MM."));
            }
        }
        EventKind next = null;
        if (nextReport != null && !nextReport.isBlank()) {
            try {
                next = EventKind.valueOf(nextReport);
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldError("nextReport", "Choose follow-up or final."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new MirReports.SubmissionDraft(authority, country, how, when, zone, authorityReference, next);
    }

    private static MirReportType reportType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return MirReportType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("type", "Choose the report type.");
        }
    }

    /** The uploaded file; {@code null} when none, which the facade refuses once it found the record. */
    private static java.io.InputStream open(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getInputStream();
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

}
