package org.vigil.device.importing.web;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.UnitsPlaced;
import org.vigil.device.importing.DeviceImport;
import org.vigil.device.importing.DeviceImports;
import org.vigil.device.importing.ImportFormat;
import org.vigil.device.importing.ImportIssue;
import org.vigil.shared.InvalidInputException;

/** REST: device file imports (asynchronous, 202 + Location) and exports of the caller's register. */
@RestController
@RequestMapping("/api/v1/devices")
@Tag(name = "Device import and export")
@RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC", "ORGANISATION_ADMIN" })
class ImportApi {

    private final DeviceImports imports;

    ImportApi(DeviceImports imports) {
        this.imports = imports;
    }

    /** One page of an import's report. */
    record IssuePage(int page, int size, int total, List<ImportIssue> items) {
    }

    @PostMapping(value = "/imports", consumes = { MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.ALL_VALUE })
    @Operation(summary = "Import a device file (multipart 'file'; 'format' DEVICE_CSV, UNITS_PLACED_CSV, GUDID_XML or "
            + "EUDAMED_XML, recognised from the content when left out); answers 202 with the queued import")
    ResponseEntity<DeviceImport> submit(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String format) throws IOException {
        ImportFormat chosen = format(format);
        if (file == null) {
            throw InvalidInputException.of("file", "Send the file as multipart/form-data part \"file\".");
        }
        var started = imports.submit(file.getOriginalFilename(), file.getBytes(), chosen);
        return ResponseEntity.accepted().location(URI.create("/api/v1/devices/imports/" + started.id()))
                .body(started);
    }

    @GetMapping("/imports")
    @Operation(summary = "Your organisation's imports, newest first")
    List<DeviceImport> list(@RequestParam(defaultValue = "50") int limit) {
        return imports.latest(limit);
    }

    @GetMapping("/imports/{importId}")
    @Operation(summary = "One import: status, progress (processed of total) and counts")
    DeviceImport get(@PathVariable UUID importId) {
        return imports.get(importId);
    }

    @GetMapping("/imports/{importId}/problems")
    @Operation(summary = "The import's per-row report (row, field, message, severity), in file order, paged")
    IssuePage problems(@PathVariable UUID importId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        int pageSize = Math.clamp(size, 1, 1000);
        return new IssuePage(Math.max(0, page), pageSize, imports.issueCount(importId),
                imports.issues(importId, page, pageSize));
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Your register as device CSV (the import format)")
    ResponseEntity<byte[]> exportCsv() {
        var out = new StringWriter();
        imports.exportCsv(out);
        return ImportPages.download(out.toString(), "devices.csv", "text/csv");
    }

    @GetMapping(value = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Your register as JSON, one object per UDI-DI with its Basic UDI-DI")
    List<DeviceImportRow> exportJson() {
        return imports.exportRows();
    }

    @GetMapping(value = "/units-placed/export", produces = "text/csv")
    @Operation(summary = "Units placed on the market, as the units-placed CSV")
    ResponseEntity<byte[]> exportUnitsPlacedCsv() {
        var out = new StringWriter();
        imports.exportUnitsPlacedCsv(out);
        return ImportPages.download(out.toString(), "units-placed.csv", "text/csv");
    }

    @GetMapping(value = "/units-placed/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Units placed on the market as JSON")
    List<UnitsPlaced> exportUnitsPlacedJson() {
        return imports.exportUnitsPlaced();
    }

    static ImportFormat format(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("AUTO")) {
            return null;
        }
        try {
            return ImportFormat.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("format", "\"" + text + "\" is not a format: DEVICE_CSV, UNITS_PLACED_CSV, "
                    + "GUDID_XML or EUDAMED_XML (or leave it out to recognise it from the content).");
        }
    }
}
