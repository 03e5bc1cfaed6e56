package org.vigil.mir.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.casework.CaseId;
import org.vigil.deadline.Authority;
import org.vigil.deadline.EventKind;
import org.vigil.mir.MirImport;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReportId;
import org.vigil.mir.MirReportType;
import org.vigil.mir.MirReportView;
import org.vigil.mir.MirReports;
import org.vigil.mir.MirSubmission;
import org.vigil.mir.SubmissionChannel;
import org.vigil.mir.domain.FormValues;
import org.vigil.shared.InvalidInputException;

/**
 * REST: manufacturer incident reports (MDR Art. 87, 89; MIR form 7.3.1). A version's content travels as the editor's
 * flat values keyed by the form's element paths ({@code admin_info/ncaName},
 * {@code admin_info/fscaReferences/fsca[0]/mfrRefFSCA}, codes joined by commas), or as MIR form XML. Approval is an
 * electronic signature: the body carries the signer's {@code password} (21 CFR 11.200(a)). Creating requests accept
 * {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Manufacturer incident reports")
class MirApi {

    private final MirReports reports;

    MirApi(MirReports reports) {
        this.reports = reports;
    }

    record StartBody(MirReportType type) {
    }

    /** One version: its values, the form XML's SHA-256 and what the rules of its report type still miss. */
    record VersionBody(MirReportId report, int version, String contentSha256, Map<String, String> values,
            List<MirProblem> missing) {
    }

    record SaveBody(Integer basedOn, String note, Map<String, String> values) {
    }

    record ApproveBody(Integer version, String password) {
    }

    record SubmissionBody(Authority authority, String country, SubmissionChannel channel, LocalDateTime submittedAt,
            String zone, String authorityReference, EventKind nextReport) {
    }

    record AcknowledgementBody(String authorityReference, String acknowledgement) {
    }

    record FourEyesBody(Boolean fourEyes) {
    }

    @GetMapping("/cases/{caseId}/mir-reports")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "The case's incident reports with their versions and submissions")
    List<MirReportView> forCase(@PathVariable UUID caseId) {
        return reports.forCase(new CaseId(caseId));
    }

    @PostMapping("/cases/{caseId}/mir-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Start the case's next report: an initial report prefilled from the case, or a follow-up or "
            + "final report from the previous one")
    MirReportView start(@PathVariable UUID caseId, @RequestBody(required = false) StartBody body) {
        return reports.start(new CaseId(caseId), body == null ? null : body.type());
    }

    @PostMapping(path = "/cases/{caseId}/mir-reports/import", consumes = { MediaType.APPLICATION_XML_VALUE,
            MediaType.TEXT_XML_VALUE })
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Import a MIR 7.3.1 form file as a new report of the case (hardened: no DTD, no entities)")
    MirImport importReport(@PathVariable UUID caseId, @RequestBody(required = false) byte[] xml) throws IOException {
        return reports.importReport(new CaseId(caseId), body(xml));
    }

    @GetMapping("/mir-reports/{mirReportId}")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "A report with its versions, approvals and submissions")
    MirReportView find(@PathVariable UUID mirReportId) {
        return reports.find(new MirReportId(mirReportId));
    }

    @GetMapping("/mir-reports/{mirReportId}/versions/{version}")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "One version's values and what its report type still misses")
    VersionBody version(@PathVariable UUID mirReportId, @PathVariable int version) {
        var id = new MirReportId(mirReportId);
        var document = reports.document(id, version);
        var stored = reports.find(id).versions().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow();
        return new VersionBody(id, version, stored.contentHash(), reports.values(document),
                reports.problems(document));
    }

    @PostMapping("/mir-reports/{mirReportId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Save the values as the next version (basedOn: the version they were edited from)")
    MirReportView save(@PathVariable UUID mirReportId, @RequestBody(required = false) SaveBody body) {
        if (body == null || body.values() == null) {
            throw InvalidInputException.of("values", "Send the report's values.");
        }
        if (body.basedOn() == null) {
            throw InvalidInputException.of("basedOn", "Say which version the values were edited from.");
        }
        return reports.save(new MirReportId(mirReportId), body.values(), body.basedOn(), body.note());
    }

    @PostMapping(path = "/mir-reports/{mirReportId}/versions/import", consumes = { MediaType.APPLICATION_XML_VALUE,
            MediaType.TEXT_XML_VALUE })
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Import a MIR 7.3.1 form file as the report's next version")
    MirImport importVersion(@PathVariable UUID mirReportId, @RequestBody(required = false) byte[] xml)
            throws IOException {
        return reports.importVersion(new MirReportId(mirReportId), body(xml));
    }

    @GetMapping("/mir-reports/{mirReportId}/diff")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "What changed between two versions, field by field (default: the latest and the one before)")
    List<FormValues.Change> diff(@PathVariable UUID mirReportId, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        return reports.diff(new MirReportId(mirReportId), from, to).changes();
    }

    @PostMapping("/mir-reports/{mirReportId}/approval")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Approve the latest version for submission by electronic signature (password re-entered)")
    MirReportView approve(@PathVariable UUID mirReportId, @RequestBody(required = false) ApproveBody body) {
        if (body == null || body.version() == null) {
            throw InvalidInputException.of("version", "Say which version you approve.");
        }
        return reports.approve(new MirReportId(mirReportId), body.version(), body.password());
    }

    @PostMapping("/mir-reports/{mirReportId}/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Record that the approved version went to an authority; closes the matching obligations")
    MirSubmission submit(@PathVariable UUID mirReportId, @RequestBody(required = false) SubmissionBody body) {
        var draft = body == null ? null : new MirReports.SubmissionDraft(body.authority(), body.country(),
                body.channel(), body.submittedAt(), body.zone(), body.authorityReference(), body.nextReport());
        return reports.recordSubmission(new MirReportId(mirReportId), draft);
    }

    @PostMapping("/mir-reports/{mirReportId}/submissions/{submissionId}/acknowledgement")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Record the authority's acknowledgement of a submission")
    MirSubmission acknowledge(@PathVariable UUID mirReportId, @PathVariable UUID submissionId,
            @RequestBody(required = false) AcknowledgementBody body) {
        return reports.acknowledge(new MirReportId(mirReportId), submissionId,
                body == null ? null : body.authorityReference(),
                body == null ? null : body.acknowledgement());
    }

    @PostMapping(path = "/mir-reports/{mirReportId}/submissions/{submissionId}/fda-acknowledgement", consumes = {
            MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.TEXT_PLAIN_VALUE })
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Record FDA's ACK2 (text) or ACK3 (XML) file of an eMDR submission")
    MirSubmission fdaAcknowledgement(@PathVariable UUID mirReportId, @PathVariable UUID submissionId,
            @RequestBody(required = false) byte[] file) throws IOException {
        return reports.acknowledgeFromFda(new MirReportId(mirReportId), submissionId, body(file));
    }

    @GetMapping("/mir-policy")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC", "ORGANISATION_ADMIN" })
    @Operation(summary = "Whether four-eyes approval of incident reports is on")
    FourEyesBody policy() {
        return new FourEyesBody(reports.fourEyes());
    }

    @PutMapping("/mir-policy")
    @RolesAllowed({ "PRRC", "ORGANISATION_ADMIN" })
    @Operation(summary = "Turn four-eyes approval of incident reports on or off")
    FourEyesBody setPolicy(@RequestBody(required = false) FourEyesBody body) {
        if (body == null || body.fourEyes() == null) {
            throw InvalidInputException.of("fourEyes", "Say whether four-eyes approval is on (true or false).");
        }
        reports.setFourEyes(body.fourEyes());
        return new FourEyesBody(reports.fourEyes());
    }

    /** The body as the file; {@code null} when empty, which the facade refuses once it found the record. */
    private static ByteArrayInputStream body(byte[] xml) {
        return xml == null || xml.length == 0 ? null : new ByteArrayInputStream(xml);
    }
}
