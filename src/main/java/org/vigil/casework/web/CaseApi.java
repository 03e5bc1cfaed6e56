package org.vigil.casework.web;

import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.casework.CaseFilter;
import org.vigil.casework.CaseId;
import org.vigil.casework.CaseOrigin;
import org.vigil.casework.CaseStatus;
import org.vigil.casework.CaseView;
import org.vigil.casework.Cases;
import org.vigil.casework.InterimAdvice;
import org.vigil.casework.NewComplaint;
import org.vigil.casework.TimelineEntry;
import org.vigil.casework.domain.DeviceReturnSteps;
import org.vigil.shared.UserId;

/**
 * REST: the shared case and the manufacturer's complaints (MDR Art. 87, 89; ISO 13485:2016 §8.2.2). Creating a
 * complaint takes an {@code Idempotency-Key}, like every creating POST under {@code /api/}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases")
class CaseApi {

    private final Cases cases;

    CaseApi(Cases cases) {
        this.cases = cases;
    }

    /** A message or an internal note. */
    record TextBody(String text) {
    }

    /** A status change; {@code reason} is required to reopen a closed case. */
    record StatusBody(CaseStatus status, String reason) {
    }

    /** Interim advice with its explanation. */
    record AdviceBody(InterimAdvice advice, String text) {
    }

    /** The detail of a device return step: the one the step needs. */
    record StepBody(String instructions, String trackingReference, String reason, String findings, String how) {

        String detailFor(String step) {
            var known = DeviceReturnSteps.Step.named(step);
            if (known == null || known.detail() == null) {
                return null;
            }
            return switch (known.detail()) {
                case "instructions" -> instructions;
                case "trackingReference" -> trackingReference;
                case "reason" -> reason;
                case "findings" -> findings;
                case "how" -> how;
                default -> null;
            };
        }
    }

    /** The outcome and its root cause in plain words. */
    record OutcomeBody(String outcome, String rootCause) {
    }

    /** The manufacturer's person to assign; {@code null} to unassign. */
    record AssigneeBody(UUID assignee) {
    }

    @GetMapping("/cases")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "Your organisation's cases and complaints, newest first; filter by status, origin (REPORT, "
            + "COMPLAINT), kind (INCIDENT, NEAR_MISS, CYBERSECURITY_EVENT, COMPLAINT), assignee, unassigned, and "
            + "overdueDays (waiting on the manufacturer for more than that many days)")
    List<CaseView> list(@RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) CaseOrigin origin, @RequestParam(required = false) String kind,
            @RequestParam(required = false) UUID assignee, @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(required = false) Integer overdueDays, @RequestParam(defaultValue = "200") int limit) {
        return cases.list(new CaseFilter(status, origin, kind, assignee == null ? null : new UserId(assignee),
                unassigned, overdueDays), limit);
    }

    @GetMapping("/cases/{caseId}")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "One case")
    CaseView get(@PathVariable UUID caseId) {
        return cases.find(new CaseId(caseId));
    }

    @GetMapping("/cases/{caseId}/timeline")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "The case's timeline as your organisation sees it: shared entries and your own internal notes")
    List<TimelineEntry> timeline(@PathVariable UUID caseId) {
        return cases.timeline(new CaseId(caseId));
    }

    @PostMapping("/cases/{caseId}/messages")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "Write to the other side of the case")
    ResponseEntity<TimelineEntry> message(@PathVariable UUID caseId, @RequestBody TextBody body) {
        var entry = cases.postMessage(new CaseId(caseId), body == null ? null : body.text());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/timeline")).body(entry);
    }

    @PostMapping("/cases/{caseId}/internal-notes")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "A note only your organisation sees")
    ResponseEntity<TimelineEntry> internalNote(@PathVariable UUID caseId, @RequestBody TextBody body) {
        var entry = cases.addInternalNote(new CaseId(caseId), body == null ? null : body.text());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/timeline")).body(entry);
    }

    @PostMapping("/cases/{caseId}/status")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "Move the case to its next status (manufacturer only; reopening needs a reason)")
    CaseView status(@PathVariable UUID caseId, @RequestBody StatusBody body) {
        return cases.moveTo(new CaseId(caseId), body == null ? null : body.status(),
                body == null ? null : body.reason());
    }

    @PostMapping("/cases/{caseId}/interim-advice")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "Is it still safe to use? CONTINUE_USE, QUARANTINE or STOP_USING with an explanation")
    CaseView interimAdvice(@PathVariable UUID caseId, @RequestBody AdviceBody body) {
        return cases.adviseInterim(new CaseId(caseId), body == null ? null : body.advice(),
                body == null ? null : body.text());
    }

    @PostMapping("/cases/{caseId}/device-return/{step}")
    @RolesAllowed({ "REPORTER", "DEVICE_SAFETY_OFFICER", "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "A step of the device's return: request (instructions), ship (trackingReference), "
            + "not-available (reason), receive, analyse (findings), return (trackingReference), dispose (how)")
    CaseView deviceReturn(@PathVariable UUID caseId, @PathVariable String step,
            @RequestBody(required = false) StepBody body) {
        return cases.deviceReturn(new CaseId(caseId), step, body == null ? null : body.detailFor(step));
    }

    @PostMapping("/cases/{caseId}/outcome")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "The final outcome and the root cause in plain words")
    CaseView outcome(@PathVariable UUID caseId, @RequestBody OutcomeBody body) {
        return cases.recordOutcome(new CaseId(caseId), body == null ? null : body.outcome(),
                body == null ? null : body.rootCause());
    }

    @PostMapping("/cases/{caseId}/assignee")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "Assign the case to a person of the manufacturer (assignee null: unassign)")
    CaseView assignee(@PathVariable UUID caseId, @RequestBody AssigneeBody body) {
        return cases.assign(new CaseId(caseId),
                body == null || body.assignee() == null ? null : new UserId(body.assignee()));
    }

    @PostMapping("/complaints")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "Enter a complaint received by phone, e-mail, field service, literature or otherwise; send "
            + "an Idempotency-Key to retry safely")
    ResponseEntity<CaseView> complaint(@RequestBody NewComplaint body) {
        var created = cases.enterComplaint(body == null ? new NewComplaint(null, null, null, null, null) : body);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + created.id())).body(created);
    }
}
