package org.vigil.incident.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vigil.incident.AttachmentView;
import org.vigil.incident.AuthorityCopy;
import org.vigil.incident.IncidentReports;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportId;
import org.vigil.incident.ReportKind;
import org.vigil.incident.ReportStatus;
import org.vigil.incident.ReportView;
import org.vigil.shared.InvalidInputException;

/**
 * REST: incident reports of healthcare organisations (MDR Art. 87(10)–(11)): drafts, attachments, submission, the copy
 * to the competent authority. Reporters and device-safety officers of a hospital write; everyone a report is shared
 * with reads it. Creating requests honour {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1/incident-reports")
@Tag(name = "Incident reports")
class IncidentApi {

    static final String[] WRITERS = { "REPORTER", "DEVICE_SAFETY_OFFICER" };

    private final IncidentReports reports;

    IncidentApi(IncidentReports reports) {
        this.reports = reports;
    }

    /**
     * What starts a draft: its kind, and optionally what is already known. With {@code submit} true the content is a
     * complete report, submitted at once: a hospital system's one call.
     */
    record NewReport(ReportKind kind, ReportContent content, String patientIdentifier, Boolean submit) {
    }

    /** A draft as saved: what it says, the version it was based on and, optionally, the patient's identifier. */
    record DraftBody(ReportContent content, Integer version, String patientIdentifier) {
    }

    /** The version a submission is based on. */
    record SubmitBody(Integer version) {
    }

    /** A report with what still stops it from being submitted. */
    record ReportWithMissing(ReportView report, List<InvalidInputException.FieldError> missing) {
    }

    @PostMapping
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    @Operation(summary = "Start a draft report of your hospital (kind INCIDENT, NEAR_MISS or CYBERSECURITY_EVENT), "
            + "optionally with content; with \"submit\": true, submit complete content at once (every broken rule "
            + "answered per field, nothing saved); honours Idempotency-Key")
    ResponseEntity<ReportWithMissing> create(@RequestBody(required = false) NewReport body) {
        ReportView created;
        boolean submit = body != null && Boolean.TRUE.equals(body.submit());
        if (submit && body.content() == null) {
            throw InvalidInputException.of("content", "Give the report's content to submit it.");
        }
        if (body != null && body.content() != null) {
            var content = body.kind() == null || body.kind() == body.content().kind() ? body.content()
                    : body.content().withKind(body.kind());
            if (submit) {
                var submitted = reports.submitComplete(content, body.patientIdentifier());
                return ResponseEntity.created(URI.create("/api/v1/incident-reports/" + submitted.id()))
                        .body(new ReportWithMissing(submitted, List.of()));
            }
            created = reports.startDraft(content, body.patientIdentifier());
        } else {
            created = reports.startDraft(body == null ? ReportKind.INCIDENT : body.kind());
        }
        return ResponseEntity.created(URI.create("/api/v1/incident-reports/" + created.id()))
                .body(new ReportWithMissing(created, reports.missing(created.id())));
    }

    @GetMapping
    @PermitAll
    @Operation(summary = "Reports you may read, newest change first: your hospital's (drafts only your own, or all "
            + "for device-safety officers) and submitted reports shared with your organisation")
    List<ReportView> list(@RequestParam(required = false) ReportStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        return reports.list(status, limit);
    }

    @GetMapping("/{reportId}")
    @PermitAll
    @Operation(summary = "One report, with what still stops a draft from being submitted")
    ReportWithMissing get(@PathVariable UUID reportId) {
        var id = new ReportId(reportId);
        return new ReportWithMissing(reports.find(id), reports.missing(id));
    }

    @PutMapping("/{reportId}")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    @Operation(summary = "Save a draft: content, the version it is based on (a stale version is refused) and "
            + "optionally the patient's identifier, which is pseudonymised and never stored")
    ReportWithMissing save(@PathVariable UUID reportId, @RequestBody DraftBody body) {
        var id = new ReportId(reportId);
        requireVersion(body == null ? null : body.version());
        if (body.content() == null) {
            throw InvalidInputException.of("content", "Give the report's content.");
        }
        var saved = reports.saveDraft(id, body.version(), body.content(), body.patientIdentifier());
        return new ReportWithMissing(saved, reports.missing(id));
    }

    @PostMapping("/{reportId}/submit")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    @Operation(summary = "Submit a draft to the device's manufacturer; every broken rule is answered per field and "
            + "nothing is changed")
    ReportView submit(@PathVariable UUID reportId, @RequestBody(required = false) SubmitBody body) {
        requireVersion(body == null ? null : body.version());
        return reports.submit(new ReportId(reportId), body.version());
    }

    @PostMapping(path = "/{reportId}/attachments", consumes = { MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.ALL_VALUE })
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    @Operation(summary = "Attach a photo, device log or PDF to a draft (multipart part 'file'; at most 20 MB and 10 "
            + "files; the type is checked from the content; photos lose their metadata)")
    ResponseEntity<AttachmentView> attach(@PathVariable UUID reportId,
            @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        reports.find(new ReportId(reportId)); // an unknown report is not found, whatever was sent
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "Send the file as multipart/form-data part \"file\".");
        }
        var added = reports.attach(new ReportId(reportId), file.getOriginalFilename(), file.getContentType(),
                file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/incident-reports/" + reportId + "/attachments/"
                + added.id())).body(added);
    }

    @GetMapping("/{reportId}/attachments/{attachmentId}")
    @PermitAll
    @Operation(summary = "Download an attachment of a report you may read")
    ResponseEntity<byte[]> download(@PathVariable UUID reportId, @PathVariable UUID attachmentId) {
        return AttachmentDownload.of(reports, new ReportId(reportId), attachmentId);
    }

    @GetMapping("/{reportId}/authority-copy")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    @Operation(summary = "Whether your hospital's submitted report can be sent to your national competent authority, "
            + "under which rule, and whether it was")
    AuthorityRoute authorityCopy(@PathVariable UUID reportId) {
        var copy = reports.authorityCopy(new ReportId(reportId));
        return new AuthorityRoute(copy.isPresent(), copy.orElse(null));
    }

    /** Whether a route to the authority exists for the report, and what it is. */
    record AuthorityRoute(boolean possible, AuthorityCopy copy) {
    }

    @PostMapping("/{reportId}/authority-copy")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    @Operation(summary = "Send your hospital's submitted report to your national competent authority (MDR Art. "
            + "87(10)-(11)), which may then read it")
    AuthorityCopy sendToAuthority(@PathVariable UUID reportId) {
        return reports.sendToAuthority(new ReportId(reportId));
    }

    private static void requireVersion(Integer version) {
        if (version == null) {
            throw InvalidInputException.of("version", "Give the version of the draft this is based on.");
        }
    }

    /** The answer to an attachment download, shared by the page and the API. */
    static final class AttachmentDownload {

        private AttachmentDownload() {
        }

        static ResponseEntity<byte[]> of(IncidentReports reports, ReportId report, UUID attachmentId) {
            var download = reports.download(report, attachmentId);
            var attachment = download.attachment();
            // Images and PDFs open in the browser; everything else is saved. nosniff: the checked type is the type.
            boolean inline = attachment.mediaType().startsWith("image/")
                    || attachment.mediaType().equals("application/pdf");
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(attachment.mediaType()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline()
                            : ContentDisposition.attachment()).filename(attachment.fileName(), StandardCharsets.UTF_8)
                            .build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .header("Content-Security-Policy", "sandbox")
                    .body(download.content());
        }
    }
}
