package org.vigil.reportability.web;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
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
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationView;
import org.vigil.reportability.Causality;
import org.vigil.reportability.DecisionDraft;
import org.vigil.reportability.Reportability;
import org.vigil.reportability.ReportabilityDecision;
import org.vigil.reportability.SeriousOutcome;
import org.vigil.reportability.UseContext;

/**
 * REST: reportability decisions of a case (MDR Art. 2(64)–(66), 87, 88; MDCG 2023-3; MIR 7.3.1 §1.2.c, §1.2.d,
 * §1.2.g). Deciding is an electronic signature: the body carries the signer's {@code password} (21 CFR 11.200(a)).
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/reportability")
@Tag(name = "Reportability")
class ReportabilityApi {

    private final Reportability reportability;

    ReportabilityApi(Reportability reportability) {
        this.reportability = reportability;
    }

    /** The decision in force (or {@code null}), the earlier ones, and the obligations they create. */
    record ReportabilityState(ReportabilityDecision current, List<ReportabilityDecision> earlier,
            List<ObligationView> obligations) {
    }

    /** A decision to sign: the answers of {@link DecisionDraft} and the signer's password. */
    record DecisionBody(Boolean incident, Set<SeriousOutcome> seriousOutcomes, Boolean publicHealthThreat,
            Boolean deteriorationAnticipated, Causality causality, Boolean expectedSideEffect, UseContext useContext,
            String rationale, LocalDateTime incidentAwareAt, String incidentAwareZone,
            LocalDateTime reportabilityAwareAt, String reportabilityAwareZone, String lateAwarenessExplanation,
            String incidentCountry, DeviceKind deviceKind, Set<Jurisdiction> markets, String manufacturerZone,
            String changeReason, String password) {

        DecisionDraft draft() {
            return new DecisionDraft(incident, seriousOutcomes, publicHealthThreat, deteriorationAnticipated,
                    causality, expectedSideEffect, useContext, rationale, incidentAwareAt, incidentAwareZone,
                    reportabilityAwareAt, reportabilityAwareZone, lateAwarenessExplanation, incidentCountry,
                    deviceKind, markets, manufacturerZone, changeReason);
        }
    }

    @GetMapping
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "The case's reportability decisions and the obligations they create")
    ReportabilityState state(@PathVariable UUID caseId) {
        var id = new CaseId(caseId);
        var history = reportability.history(id);
        return new ReportabilityState(history.isEmpty() ? null : history.getFirst(),
                history.size() > 1 ? history.subList(1, history.size()) : List.of(), reportability.obligations(id));
    }

    @GetMapping("/starting-point")
    @RolesAllowed({ "VIGILANCE_OFFICER", "COMPLAINT_HANDLER", "PRRC" })
    @Operation(summary = "The answers a new decision starts from: the decision in force, or what the case tells")
    DecisionDraft startingPoint(@PathVariable UUID caseId) {
        return reportability.startingPoint(new CaseId(caseId));
    }

    @PostMapping
    @RolesAllowed({ "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Sign a reportability decision (password re-entered); recomputes the case's deadlines")
    ResponseEntity<ReportabilityDecision> decide(@PathVariable UUID caseId, @RequestBody DecisionBody body) {
        var decision = reportability.decide(new CaseId(caseId), body == null ? null : body.draft(),
                body == null ? null : body.password());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/reportability")).body(decision);
    }
}
