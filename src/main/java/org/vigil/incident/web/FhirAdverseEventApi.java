package org.vigil.incident.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.incident.IncidentReports;
import org.vigil.incident.ReportId;
import org.vigil.incident.ReportView;
import org.vigil.incident.fhir.FhirAdverseEvents;
import org.vigil.shared.InvalidInputException;

/**
 * REST: incident reports as FHIR R4 {@code AdverseEvent} (HL7 FHIR 4.0.1), so a hospital's own systems can send
 * reports to Vigil and take them back. The patient's identifier in an imported resource is pseudonymised with the
 * hospital's key and forgotten (GDPR Art. 4(5)); an exported resource carries only the pseudonym.
 */
@RestController
@RequestMapping("/api/v1/fhir/AdverseEvent")
@Tag(name = "Incident reports")
class FhirAdverseEventApi {

    static final String FHIR_JSON = "application/fhir+json";

    private final IncidentReports reports;
    private final FhirAdverseEvents fhir;

    FhirAdverseEventApi(IncidentReports reports, FhirAdverseEvents fhir) {
        this.reports = reports;
        this.fhir = fhir;
    }

    /** The FHIR context is costly to build; one for the application. */
    @Configuration(proxyBeanMethods = false)
    static class FhirConfiguration {
        @Bean
        FhirAdverseEvents fhirAdverseEvents() {
            return new FhirAdverseEvents();
        }
    }

    /**
     * What an import made: the draft (or the submitted report) and what still stops a draft from being submitted.
     *
     * @param report    the report created
     * @param submitted whether it was submitted
     * @param missing   per field, what a submission still needs (empty once submitted)
     */
    record Imported(ReportView report, boolean submitted, List<InvalidInputException.FieldError> missing) {
    }

    @PostMapping(consumes = { FHIR_JSON, MediaType.APPLICATION_JSON_VALUE },
            produces = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER" })
    @Operation(summary = "Import a FHIR R4 AdverseEvent (or a Bundle holding one) as a draft report of your hospital; "
            + "with submit=true it is submitted when it passes the submission rules, otherwise the draft is kept and "
            + "the answer lists what is missing. Malformed FHIR is refused naming the element; honours "
            + "Idempotency-Key")
    ResponseEntity<Imported> importAdverseEvent(@RequestBody(required = false) String body,
            @RequestParam(defaultValue = "false") boolean submit) {
        FhirAdverseEvents.Imported imported;
        try {
            imported = fhir.read(body);
        } catch (FhirAdverseEvents.Unreadable unreadable) {
            throw new InvalidInputException(unreadable.problems().stream()
                    .map(p -> new InvalidInputException.FieldError(p.field(), p.message())).toList());
        }
        var content = imported.content();
        if (imported.patientPseudonym() != null && imported.patientIdentifier() == null) {
            content = withPseudonym(content, imported.patientPseudonym());
        }
        var draft = reports.startDraft(content, imported.patientIdentifier());
        var location = URI.create("/api/v1/incident-reports/" + draft.id());
        if (submit) {
            try {
                var submitted = reports.submit(draft.id(), draft.version());
                return ResponseEntity.created(location).body(new Imported(submitted, true, List.of()));
            } catch (InvalidInputException refused) {
                return ResponseEntity.created(location).body(new Imported(reports.find(draft.id()), false,
                        refused.errors()));
            }
        }
        return ResponseEntity.created(location).body(new Imported(draft, false, reports.missing(draft.id())));
    }

    @GetMapping(path = "/{reportId}", produces = { FHIR_JSON, MediaType.APPLICATION_JSON_VALUE })
    @PermitAll
    @Operation(summary = "A report you may read as a FHIR R4 AdverseEvent with its Device and a pseudonymous Patient")
    ResponseEntity<String> export(@PathVariable UUID reportId) {
        var report = reports.find(new ReportId(reportId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FHIR_JSON))
                .body(fhir.write(report.content(), report.id().toString()));
    }

    private static org.vigil.incident.ReportContent withPseudonym(org.vigil.incident.ReportContent c, String p) {
        return new org.vigil.incident.ReportContent(c.kind(), c.cybersecurityEventType(), c.device(), c.occurredOn(),
                c.becameAwareOn(), c.department(), c.description(), c.deviceProblemCodes(), c.personInvolved(),
                c.signsAndSymptomsCodes(), c.healthImpactCodes(), c.age(), c.ageUnit(), c.sex(), c.weightKg(), p,
                c.deviceAvailability(), c.deviceLocation(), c.reporterNameShared());
    }
}
