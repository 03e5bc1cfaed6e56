package org.vigil.deadline.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.deadline.BoardFilter;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationId;
import org.vigil.deadline.ObligationView;
import org.vigil.shared.UserId;

/**
 * REST: the reporting obligations of the caller's organisation and their due times (MDR Art. 87, IVDR Art. 82,
 * MedDO Art. 66, GB SI 2024/1368, 21 CFR 803), each with the rule and article it comes from; marking one submitted,
 * waiving one by a signed decision (21 CFR 11.50), and naming the person responsible.
 */
@RestController
@RequestMapping("/api/v1/obligations")
@Tag(name = "Obligations")
class ObligationApi {

    private final Deadlines deadlines;
    private final Clock clock;

    ObligationApi(Deadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The authority's reference of the submitted report, when it gave one. */
    record SubmittedBody(String authorityReference) {
    }

    /** Why the obligation is waived, and the signer's password (the signature's second component, 11.200). */
    record WaiverBody(String reason, String password) {
    }

    /** The person to remind: an active vigilance officer or PRRC of the organisation. */
    record AssigneeBody(UUID assignee) {
    }

    @GetMapping
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC", "COMPLAINT_HANDLER" })
    @Operation(summary = "Your organisation's obligations still to be met, by due time (undated last); filter by "
            + "jurisdiction (EU, XI, GB, CH, TR, US), device (text in the device name or case reference) and "
            + "responsible (a user id). With caseId: every obligation of that case, ended ones too")
    List<ObligationResource> list(@RequestParam(required = false) Jurisdiction jurisdiction,
            @RequestParam(required = false) String device, @RequestParam(required = false) UUID responsible,
            @RequestParam(required = false) UUID caseId) {
        List<ObligationView> obligations = caseId != null ? deadlines.forCase(caseId)
                : deadlines.pending(new BoardFilter(jurisdiction, device,
                        responsible == null ? null : new UserId(responsible)));
        var now = clock.instant();
        return obligations.stream().map(o -> ObligationResource.of(o, now)).toList();
    }

    @GetMapping("/{obligationId}")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC", "COMPLAINT_HANDLER" })
    @Operation(summary = "One obligation")
    ObligationResource get(@PathVariable UUID obligationId) {
        return ObligationResource.of(deadlines.find(new ObligationId(obligationId)), clock.instant());
    }

    @PostMapping("/{obligationId}/submitted")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Record that the report was submitted, with the authority's reference if it gave one; "
            + "reminders stop")
    ObligationResource submitted(@PathVariable UUID obligationId, @RequestBody(required = false) SubmittedBody body) {
        return ObligationResource.of(deadlines.markSubmitted(new ObligationId(obligationId),
                body == null ? null : body.authorityReference()), clock.instant());
    }

    @PostMapping("/{obligationId}/waiver")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Waive the obligation by a signed decision: a reason and your password (signature meaning "
            + "\"waiver of a reporting obligation\"); reminders stop")
    ObligationResource waiver(@PathVariable UUID obligationId, @RequestBody(required = false) WaiverBody body) {
        return ObligationResource.of(deadlines.waive(new ObligationId(obligationId),
                body == null ? null : body.reason(), body == null ? null : body.password()), clock.instant());
    }

    @PostMapping("/{obligationId}/assignee")
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Make an active vigilance officer or PRRC of your organisation the person reminded")
    ObligationResource assignee(@PathVariable UUID obligationId, @RequestBody(required = false) AssigneeBody body) {
        return ObligationResource.of(deadlines.reassign(new ObligationId(obligationId),
                body == null || body.assignee() == null ? null : new UserId(body.assignee())), clock.instant());
    }
}
