package org.vigil.reportability;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.vigil.casework.CaseId;
import org.vigil.deadline.Classification;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.organisation.ElectronicSignature;

/**
 * A signed reportability decision on a case, as stored. Decisions are numbered per case from 1; the one with the
 * highest number is in force, the earlier ones stay as they were signed.
 *
 * @param classification MIR 7.3.1 §1.2.g, present exactly when {@code conclusion} is {@link Conclusion#REPORTABLE}
 * @param signature      the signature; its content hash covers {@link #signedContent()}
 */
public record ReportabilityDecision(UUID id, CaseId caseId, int version, boolean incident,
        Set<SeriousOutcome> seriousOutcomes, boolean publicHealthThreat, boolean deteriorationAnticipated,
        Causality causality, boolean expectedSideEffect, UseContext useContext, Conclusion conclusion,
        Classification classification, String rationale, Instant incidentAwareness, ZoneId incidentAwarenessZone,
        Instant reportabilityAwareness, ZoneId reportabilityAwarenessZone, String lateAwarenessExplanation,
        String incidentCountry, DeviceKind deviceKind, Set<Jurisdiction> markets, ZoneId manufacturerZone,
        String changeReason, ElectronicSignature signature) {

    /** The signature's meaning (21 CFR 11.50(a)(3)). */
    public static final String MEANING = "reportability decision";

    public ReportabilityDecision {
        seriousOutcomes = Set.copyOf(seriousOutcomes);
        markets = Set.copyOf(markets);
    }

    /**
     * The canonical text that the signature's hash covers: every answer, the conclusion and the awareness moments,
     * one {@code name=value} per line in a fixed order, sets sorted. Changing any of them breaks the signature.
     */
    public String signedContent() {
        return signedContent(id, caseId, version, incident, seriousOutcomes, publicHealthThreat,
                deteriorationAnticipated, causality, expectedSideEffect, useContext, conclusion, classification,
                rationale, incidentAwareness, incidentAwarenessZone, reportabilityAwareness,
                reportabilityAwarenessZone, lateAwarenessExplanation, incidentCountry, deviceKind, markets,
                manufacturerZone, changeReason);
    }

    /** Whether the stored content is still the content that was signed. */
    public boolean signatureIntact() {
        return signature.covers(signedContent());
    }

    /** Whether §1.2.d is later than §1.2.c. */
    public boolean lateAwareness() {
        return reportabilityAwareness.isAfter(incidentAwareness);
    }

    static String signedContent(UUID id, CaseId caseId, int version, boolean incident, Set<SeriousOutcome> outcomes,
            boolean publicHealthThreat, boolean deteriorationAnticipated, Causality causality,
            boolean expectedSideEffect, UseContext useContext, Conclusion conclusion, Classification classification,
            String rationale, Instant incidentAwareness, ZoneId incidentZone, Instant reportabilityAwareness,
            ZoneId reportabilityZone, String lateExplanation, String incidentCountry, DeviceKind deviceKind,
            Set<Jurisdiction> markets, ZoneId manufacturerZone, String changeReason) {
        var text = new StringBuilder();
        line(text, "decision", id);
        line(text, "case", caseId.value());
        line(text, "version", version);
        line(text, "meaning", MEANING);
        line(text, "incident", incident);
        line(text, "seriousOutcomes", outcomes.stream().map(Enum::name).sorted().toList());
        line(text, "publicHealthThreat", publicHealthThreat);
        line(text, "deteriorationAnticipated", deteriorationAnticipated);
        line(text, "causality", causality);
        line(text, "expectedSideEffect", expectedSideEffect);
        line(text, "useContext", useContext);
        line(text, "conclusion", conclusion);
        line(text, "classification", classification);
        line(text, "rationale", rationale);
        line(text, "incidentAwareness", incidentAwareness + " " + incidentZone);
        line(text, "reportabilityAwareness", reportabilityAwareness + " " + reportabilityZone);
        line(text, "lateAwarenessExplanation", lateExplanation);
        line(text, "incidentCountry", incidentCountry);
        line(text, "deviceKind", deviceKind);
        line(text, "markets", markets.stream().map(Enum::name).sorted().toList());
        line(text, "manufacturerZone", manufacturerZone);
        line(text, "changeReason", changeReason);
        return text.toString();
    }

    private static void line(StringBuilder text, String name, Object value) {
        // Newlines inside free text are escaped so that no answer can forge another line of the signed content.
        String shown = value == null ? "" : value.toString().replace("\\", "\\\\").replace("\n", "\\n")
                .replace("\r", "\\r");
        text.append(name).append('=').append(shown).append('\n');
    }
}
