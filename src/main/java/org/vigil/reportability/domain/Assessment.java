package org.vigil.reportability.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vigil.deadline.Classification;
import org.vigil.reportability.Causality;
import org.vigil.reportability.Conclusion;
import org.vigil.reportability.DecisionDraft;
import org.vigil.reportability.SeriousOutcome;
import org.vigil.reportability.UseContext;
import org.vigil.shared.InvalidInputException.FieldError;

/**
 * Turns a vigilance officer's answers into a conclusion, in this order (each step cites its source):
 * <ol>
 * <li>not an incident (MDR Art. 2(64)) → not reportable;</li>
 * <li>abnormal use → not reportable through vigilance (MDCG 2023-3 Rev. 2 Q&A 8);</li>
 * <li>causal relationship excluded → not reportable (MDCG 2023-3 Q&A 4; any other answer, including "cannot be
 * excluded", counts as reportable: when in doubt, report, Art. 87(7) read with MDCG 2023-3);</li>
 * <li>a serious public health threat (Art. 2(66)) → reportable, classified as such (Art. 87(4));</li>
 * <li>not serious (no outcome of Art. 2(65)) → trend reporting (Art. 88);</li>
 * <li>an expected side-effect documented and quantified (Art. 87(1)(a)) → trend reporting (Art. 88);</li>
 * <li>otherwise reportable: death → "death"; a serious deterioration not anticipated → "unanticipated serious
 * deterioration" (both Art. 87(5)); else "all other reportable incidents" (Art. 87(3)) — MIR 7.3.1 §1.2.g.</li>
 * </ol>
 * Use errors are assessed by the same steps (MDCG 2023-3 Q&A 7); near misses are incidents whose outcome "might have
 * led" to harm (Art. 2(65)), answered in {@code seriousOutcomes}.
 */
public final class Assessment {

    /** The longest free-text answer. */
    public static final int MAX_TEXT = 10_000;

    private Assessment() {
    }

    /** A conclusion, its classification when reportable, and why, citing the step that decided it. */
    public record Outcome(Conclusion conclusion, Classification classification, String because) {
    }

    /** The conclusion the answers lead to; the answers must be complete (see {@link #problems}). */
    public static Outcome conclude(boolean incident, java.util.Set<SeriousOutcome> outcomes,
            boolean publicHealthThreat, boolean deteriorationAnticipated, Causality causality,
            boolean expectedSideEffect, UseContext useContext) {
        if (!incident) {
            return new Outcome(Conclusion.NOT_REPORTABLE, null, "Not an incident (MDR Art. 2(64)).");
        }
        if (useContext == UseContext.ABNORMAL_USE) {
            return new Outcome(Conclusion.NOT_REPORTABLE, null,
                    "Abnormal use is handled by the quality system, not by vigilance reporting (MDCG 2023-3 Q&A 8).");
        }
        if (causality == Causality.EXCLUDED) {
            return new Outcome(Conclusion.NOT_REPORTABLE, null,
                    "The causal relationship with the device is excluded (MDCG 2023-3 Q&A 4).");
        }
        if (publicHealthThreat) {
            return new Outcome(Conclusion.REPORTABLE, Classification.SERIOUS_PUBLIC_HEALTH_THREAT,
                    "A serious public health threat (MDR Art. 2(66)): report within 2 days (Art. 87(4)).");
        }
        if (outcomes.isEmpty()) {
            return new Outcome(Conclusion.TREND_REPORTING, null,
                    "An incident that is not serious (MDR Art. 2(65)): counted for trend reporting (Art. 88).");
        }
        if (expectedSideEffect) {
            return new Outcome(Conclusion.TREND_REPORTING, null, "An expected side-effect documented in the product "
                    + "information and quantified in the technical documentation: trend reporting (MDR Art. 87(1)(a), "
                    + "Art. 88).");
        }
        if (outcomes.contains(SeriousOutcome.DEATH)) {
            return new Outcome(Conclusion.REPORTABLE, Classification.DEATH,
                    "A serious incident involving death: report within 10 days (MDR Art. 87(5)).");
        }
        if (!deteriorationAnticipated) {
            return new Outcome(Conclusion.REPORTABLE, Classification.UNANTICIPATED_SERIOUS_DETERIORATION,
                    "An unanticipated serious deterioration in the state of health: report within 10 days "
                            + "(MDR Art. 87(5)).");
        }
        return new Outcome(Conclusion.REPORTABLE, Classification.OTHER_REPORTABLE,
                "A serious incident: report within 15 days (MDR Art. 87(3)).");
    }

    /** The conclusion of a complete draft. */
    public static Outcome conclude(DecisionDraft draft) {
        return conclude(draft.incident(), draft.seriousOutcomes(), Boolean.TRUE.equals(draft.publicHealthThreat()),
                Boolean.TRUE.equals(draft.deteriorationAnticipated()), draft.causality(),
                Boolean.TRUE.equals(draft.expectedSideEffect()), draft.useContext());
    }

    /**
     * Every problem with {@code draft}, each naming its field; empty when it can be signed.
     *
     * @param firstDecision whether no decision exists yet for the case (otherwise a change reason is required)
     */
    public static List<FieldError> problems(DecisionDraft draft, boolean firstDecision) {
        var problems = new ArrayList<FieldError>();
        if (draft.incident() == null) {
            problems.add(new FieldError("incident", "Answer whether this is an incident (MDR Art. 2(64))."));
        }
        boolean incident = Boolean.TRUE.equals(draft.incident());
        if (incident) {
            if (draft.publicHealthThreat() == null) {
                problems.add(new FieldError("publicHealthThreat",
                        "Answer whether this is a serious public health threat (MDR Art. 2(66))."));
            }
            if (draft.causality() == null) {
                problems.add(new FieldError("causality", "Choose the causal relationship (MDCG 2023-3)."));
            }
            if (draft.useContext() == null) {
                problems.add(new FieldError("useContext", "Choose normal use, use error or abnormal use."));
            }
            boolean deterioration = draft.seriousOutcomes().stream().anyMatch(SeriousOutcome::deterioration);
            if (deterioration && !draft.seriousOutcomes().contains(SeriousOutcome.DEATH)
                    && draft.deteriorationAnticipated() == null) {
                problems.add(new FieldError("deteriorationAnticipated",
                        "Answer whether the serious deterioration was anticipated (MIR 7.3.1 §1.2.g)."));
            }
            if (!draft.seriousOutcomes().isEmpty() && draft.expectedSideEffect() == null) {
                problems.add(new FieldError("expectedSideEffect", "Answer whether this is an expected side-effect "
                        + "documented and quantified in the technical documentation (MDR Art. 87(1)(a))."));
            }
        }
        text(problems, "rationale", draft.rationale(), true, "Give the rationale for the decision.");
        Instant incidentAware = moment(problems, "incidentAwareAt", "incidentAwareZone", draft.incidentAwareAt(),
                draft.incidentAwareZone(), true, "MIR 7.3.1 §1.2.c: when the manufacturer became aware of the "
                        + "incident");
        Instant reportabilityAware = draft.reportabilityAwareAt() == null ? incidentAware
                : moment(problems, "reportabilityAwareAt", "reportabilityAwareZone", draft.reportabilityAwareAt(),
                        draft.reportabilityAwareZone(), false, "MIR 7.3.1 §1.2.d");
        if (incidentAware != null && reportabilityAware != null) {
            if (reportabilityAware.isBefore(incidentAware)) {
                problems.add(new FieldError("reportabilityAwareAt", "Awareness of reportability (MIR §1.2.d) cannot "
                        + "be earlier than awareness of the incident (§1.2.c)."));
            } else if (reportabilityAware.isAfter(incidentAware) && blank(draft.lateAwarenessExplanation())) {
                problems.add(new FieldError("lateAwarenessExplanation", "Awareness of reportability is later than "
                        + "awareness of the incident: explain why (MDCG 2023-3 Q&A 15)."));
            }
        }
        text(problems, "lateAwarenessExplanation", draft.lateAwarenessExplanation(), false, null);
        String country = draft.incidentCountry() == null ? "" : draft.incidentCountry().strip()
                .toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            problems.add(new FieldError("incidentCountry", "Give the country where the incident happened as a "
                    + "two-letter code (ISO 3166-1; XI for Northern Ireland)."));
        } else if (country.equals("UK")) {
            problems.add(new FieldError("incidentCountry",
                    "UK is ambiguous: GB for England, Wales and Scotland, XI for Northern Ireland."));
        }
        if (draft.deviceKind() == null) {
            problems.add(new FieldError("deviceKind", "Choose medical device (MDR) or in-vitro diagnostic (IVDR)."));
        }
        zone(problems, "manufacturerZone", draft.manufacturerZone(), true);
        if (!firstDecision) {
            text(problems, "changeReason", draft.changeReason(), true,
                    "Say why the earlier decision is changed; it stays on record.");
        }
        return problems;
    }

    /** The instant of a local date-time in a zone, or {@code null} with a problem recorded. */
    public static Instant moment(List<FieldError> problems, String field, String zoneField, LocalDateTime at,
            String zone, boolean required, String what) {
        ZoneId zoneId = zone(problems, zoneField, zone, at != null || required);
        if (at == null) {
            if (required) {
                problems.add(new FieldError(field, "Give the date and time: " + what + "."));
            }
            return null;
        }
        return zoneId == null ? null : at.atZone(zoneId).toInstant();
    }

    private static ZoneId zone(List<FieldError> problems, String field, String zone, boolean required) {
        if (zone == null || zone.isBlank()) {
            if (required) {
                problems.add(new FieldError(field, "Choose a time zone, for example Europe/Berlin."));
            }
            return null;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldError(field, "'" + zone + "' is not a time zone; use a name such as "
                    + "Europe/Berlin or America/New_York."));
            return null;
        }
    }

    private static void text(List<FieldError> problems, String field, String value, boolean required,
            String whenMissing) {
        if (blank(value)) {
            if (required) {
                problems.add(new FieldError(field, whenMissing));
            }
        } else if (value.length() > MAX_TEXT) {
            problems.add(new FieldError(field, "At most " + MAX_TEXT + " characters."));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
