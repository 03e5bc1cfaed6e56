package org.vigil.mir.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.mir.EmdrDetails;
import org.vigil.mir.MirReportId;
import org.vigil.mir.MirReports;
import org.vigil.shared.InvalidInputException;

/**
 * The documents of a report version, for people (links on the report page) and machines alike: the MIR 7.3.1 form
 * XML exactly as stored (and, once approved, as signed), the EUDAMED vigilance XML, the PDF, FDA's eMDR and the
 * submission package of an approved version.
 */
@RestController
@Tag(name = "Manufacturer incident reports")
class MirDocumentDownloads {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final MirReports reports;

    MirDocumentDownloads(MirReports reports) {
        this.reports = reports;
    }

    @GetMapping({ "/mir/{mirReportId}/versions/{version}/form.xml",
            "/api/v1/mir-reports/{mirReportId}/versions/{version}/form.xml" })
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "The version's MIR 7.3.1 form XML, byte for byte as stored and signed")
    ResponseEntity<byte[]> form(@PathVariable UUID mirReportId, @PathVariable int version) {
        return file(reports.formXml(new MirReportId(mirReportId), version), MediaType.APPLICATION_XML);
    }

    @GetMapping({ "/mir/{mirReportId}/versions/{version}/eudamed.xml",
            "/api/v1/mir-reports/{mirReportId}/versions/{version}/eudamed.xml" })
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "The version as EUDAMED vigilance XML (DTX 3.0.25 mir_2Type)")
    ResponseEntity<byte[]> eudamed(@PathVariable UUID mirReportId, @PathVariable int version) {
        return file(reports.eudamed(new MirReportId(mirReportId), version), MediaType.APPLICATION_XML);
    }

    @GetMapping({ "/mir/{mirReportId}/versions/{version}/report.pdf",
            "/api/v1/mir-reports/{mirReportId}/versions/{version}/report.pdf" })
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "The version as PDF, by MIR section, with its approval signature or marked as a draft")
    ResponseEntity<byte[]> pdf(@PathVariable UUID mirReportId, @PathVariable int version) {
        return file(reports.pdf(new MirReportId(mirReportId), version), MediaType.APPLICATION_PDF);
    }

    @GetMapping({ "/mir/{mirReportId}/versions/{version}/emdr.xml",
            "/api/v1/mir-reports/{mirReportId}/versions/{version}/emdr.xml" })
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "The version as FDA eMDR (HL7 ICSR, Form 3500A) with the US details given")
    ResponseEntity<byte[]> emdr(@PathVariable UUID mirReportId, @PathVariable int version,
            @RequestParam(required = false) String registrationNumber,
            @RequestParam(required = false) String manufacturerReportNumber,
            @RequestParam(required = false) String premarketNumber,
            @RequestParam(required = false) String productCode,
            @RequestParam(required = false) String eventType,
            @RequestParam(required = false) String reportType) {
        var us = new MirReports.UsDetails(registrationNumber, manufacturerReportNumber, premarketNumber, productCode,
                choice(EmdrDetails.EventType.class, eventType, "eventType"),
                choice(EmdrDetails.ReportType.class, reportType, "reportType"));
        return file(reports.emdr(new MirReportId(mirReportId), version, us), MediaType.APPLICATION_XML);
    }

    @GetMapping({ "/mir/{mirReportId}/versions/{version}/package.zip",
            "/api/v1/mir-reports/{mirReportId}/versions/{version}/package.zip" })
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "The submission package of an approved version: form XML, EUDAMED XML, PDF, attachment "
            + "list and a manifest with the signature and every file's SHA-256")
    ResponseEntity<byte[]> submissionPackage(@PathVariable UUID mirReportId, @PathVariable int version) {
        return file(reports.submissionPackage(new MirReportId(mirReportId), version), ZIP);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "'" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static ResponseEntity<byte[]> file(MirReports.MirFile file, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName())
                        .build().toString())
                .body(file.content());
    }
}
