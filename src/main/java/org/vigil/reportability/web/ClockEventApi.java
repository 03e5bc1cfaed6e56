package org.vigil.reportability.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.casework.CaseId;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.ObligationView;
import org.vigil.reportability.RecordedEvent;
import org.vigil.reportability.Reportability;

/**
 * REST: events on a case that start reporting clocks of their own (an FSCA, an announced follow-up or final report,
 * an authority's request, a US user facility learning of a death or serious injury, …), and the obligations of the
 * caller's side. Each side sees and records its own.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/clock-events")
@Tag(name = "Reportability")
class ClockEventApi {

    private final Reportability reportability;

    ClockEventApi(Reportability reportability) {
        this.reportability = reportability;
    }

    /** The caller's side's events and obligations on the case. */
    record ClockState(List<RecordedEvent> events, List<ObligationView> obligations) {
    }

    /** An event: what, when (local date-time and zone), the date it sets where it sets one, a note. */
    record EventBody(EventKind kind, LocalDateTime at, String zone, LocalDate setDate, String note) {
    }

    @GetMapping
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC", "DEVICE_SAFETY_OFFICER" })
    @Operation(summary = "The caller's side's clock events and obligations on the case")
    ClockState state(@PathVariable UUID caseId) {
        var id = new CaseId(caseId);
        return new ClockState(reportability.events(id), reportability.obligationsOfMySide(id));
    }

    @PostMapping
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC", "DEVICE_SAFETY_OFFICER" })
    @Operation(summary = "Record an event; the side's obligations are recomputed at once")
    ResponseEntity<RecordedEvent> record(@PathVariable UUID caseId, @RequestBody EventBody body) {
        var event = body == null
                ? reportability.recordEvent(new CaseId(caseId), null, null, null, null, null)
                : reportability.recordEvent(new CaseId(caseId), body.kind(), body.at(), body.zone(), body.setDate(),
                        body.note());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/clock-events")).body(event);
    }
}
