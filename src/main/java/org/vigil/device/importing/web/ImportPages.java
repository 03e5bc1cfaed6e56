package org.vigil.device.importing.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.importing.DeviceImport;
import org.vigil.device.importing.DeviceImports;
import org.vigil.device.importing.ImportFormat;
import org.vigil.portal.NavigationEntry;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.Role;
import org.vigil.shared.web.FormFeedback;

/**
 * Device import pages for manufacturers: upload with format choice or recognition, the history of imports, one
 * import's progress bar (polled by htmx until it finishes) and its per-row report, and the exports.
 */
@Controller
@RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC", "ORGANISATION_ADMIN" })
class ImportPages {

    static final int PAGE_SIZE = 50;

    private final DeviceImports imports;

    ImportPages(DeviceImports imports) {
        this.imports = imports;
    }

    @GetMapping("/devices/import")
    String form(Model model) {
        return form(model, FormFeedback.none(), null);
    }

    @PostMapping("/devices/import")
    String upload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String format, Model model) throws IOException {
        ImportFormat chosen = null;
        try {
            chosen = ImportApi.format(format);
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "Choose a file to import.");
            }
            DeviceImport started = imports.submit(file.getOriginalFilename(), file.getBytes(), chosen);
            return "redirect:/devices/import/" + started.id();
        } catch (InvalidInputException e) {
            return form(model, FormFeedback.of(e), format);
        }
    }

    private String form(Model model, FormFeedback feedback, String format) {
        model.addAttribute("feedback", feedback);
        model.addAttribute("formats", Arrays.asList(ImportFormat.values()));
        model.addAttribute("format", format == null ? "" : format);
        model.addAttribute("imports", imports.latest(50));
        return "device/import";
    }

    @GetMapping("/devices/import/{importId}")
    String detail(@PathVariable UUID importId, @RequestParam(defaultValue = "0") int page, Model model) {
        var deviceImport = imports.get(importId);
        int issues = imports.issueCount(importId);
        int pages = Math.max(1, (issues + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.clamp(page, 0, pages - 1);
        model.addAttribute("job", deviceImport);
        model.addAttribute("issues", imports.issues(importId, current, PAGE_SIZE));
        model.addAttribute("issueCount", issues);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "device/import-detail";
    }

    /** The progress bar alone, polled every 500 ms while the import runs. */
    @GetMapping("/devices/import/{importId}/progress")
    String progress(@PathVariable UUID importId, Model model, jakarta.servlet.http.HttpServletResponse response) {
        var job = imports.get(importId);
        model.addAttribute("job", job);
        model.addAttribute("hxRequest", "yes");
        if (job.status().finished()) {
            // The report is complete now: reload the page so it shows.
            response.setHeader("HX-Refresh", "true");
        }
        return "device/import-detail :: progress";
    }

    @GetMapping("/devices/import/{importId}/problems.csv")
    ResponseEntity<byte[]> problemsCsv(@PathVariable UUID importId) throws IOException {
        var out = new StringWriter();
        imports.writeIssues(importId, out);
        return download(out.toString(), "import-" + importId + "-problems.csv", "text/csv");
    }

    @GetMapping("/devices/export.csv")
    ResponseEntity<byte[]> exportCsv() {
        var out = new StringWriter();
        imports.exportCsv(out);
        return download(out.toString(), "devices.csv", "text/csv");
    }

    @GetMapping("/devices/export.json")
    ResponseEntity<List<DeviceImportRow>> exportJson() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("devices.json").build().toString())
                .body(imports.exportRows());
    }

    @GetMapping("/devices/units-placed/export.csv")
    ResponseEntity<byte[]> exportUnitsPlaced() {
        var out = new StringWriter();
        imports.exportUnitsPlacedCsv(out);
        return download(out.toString(), "units-placed.csv", "text/csv");
    }

    static ResponseEntity<byte[]> download(String content, String fileName, String type) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(type), StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName).build().toString())
                .body(content.getBytes(StandardCharsets.UTF_8));
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry deviceImportNavigation() {
            return new NavigationEntry("nav.device-import", "/devices/import", Set.of(Role.VIGILANCE_OFFICER,
                    Role.COMPLAINT_HANDLER, Role.PRRC), 41);
        }
    }
}
