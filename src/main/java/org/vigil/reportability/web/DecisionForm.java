package org.vigil.reportability.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.reportability.Causality;
import org.vigil.reportability.DecisionDraft;
import org.vigil.reportability.SeriousOutcome;
import org.vigil.reportability.UseContext;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;

/**
 * The reportability form as typed: every field a string (or list of strings), so that a refused form comes back with
 * exactly what was typed. Yes/no answers are {@code "true"}/{@code "false"}; date-times are HTML
 * {@code datetime-local} values.
 */
public class DecisionForm {

    private String incident;
    private List<String> seriousOutcomes = new ArrayList<>();
    private String publicHealthThreat;
    private String deteriorationAnticipated;
    private String causality;
    private String expectedSideEffect;
    private String useContext;
    private String rationale;
    private String incidentAwareAt;
    private String incidentAwareZone;
    private String reportabilityAwareAt;
    private String reportabilityAwareZone;
    private String lateAwarenessExplanation;
    private String incidentCountry;
    private String deviceKind;
    private List<String> markets = new ArrayList<>();
    private String manufacturerZone;
    private String changeReason;

    /** The form filled from a draft. */
    static DecisionForm of(DecisionDraft draft) {
        var form = new DecisionForm();
        form.incident = text(draft.incident());
        form.seriousOutcomes = new ArrayList<>(draft.seriousOutcomes().stream().map(Enum::name).toList());
        form.publicHealthThreat = text(draft.publicHealthThreat());
        form.deteriorationAnticipated = text(draft.deteriorationAnticipated());
        form.causality = text(draft.causality());
        form.expectedSideEffect = text(draft.expectedSideEffect());
        form.useContext = text(draft.useContext());
        form.rationale = draft.rationale();
        form.incidentAwareAt = text(draft.incidentAwareAt());
        form.incidentAwareZone = draft.incidentAwareZone();
        form.reportabilityAwareAt = text(draft.reportabilityAwareAt());
        form.reportabilityAwareZone = draft.reportabilityAwareZone();
        form.lateAwarenessExplanation = draft.lateAwarenessExplanation();
        form.incidentCountry = draft.incidentCountry();
        form.deviceKind = text(draft.deviceKind());
        form.markets = new ArrayList<>(draft.markets().stream().map(Enum::name).toList());
        form.manufacturerZone = draft.manufacturerZone();
        form.changeReason = draft.changeReason();
        return form;
    }

    /**
     * The draft, or the problems of fields that are not even readable (an unknown choice, a malformed date): those
     * are reported together, each naming its field.
     */
    DecisionDraft toDraft() {
        var problems = new ArrayList<FieldError>();
        var draft = new DecisionDraft(yesNo(incident, "incident", problems),
                choices(SeriousOutcome.class, seriousOutcomes, "seriousOutcomes", problems),
                yesNo(publicHealthThreat, "publicHealthThreat", problems),
                yesNo(deteriorationAnticipated, "deteriorationAnticipated", problems),
                choice(Causality.class, causality, "causality", problems),
                yesNo(expectedSideEffect, "expectedSideEffect", problems),
                choice(UseContext.class, useContext, "useContext", problems), rationale,
                dateTime(incidentAwareAt, "incidentAwareAt", problems), incidentAwareZone,
                dateTime(reportabilityAwareAt, "reportabilityAwareAt", problems), reportabilityAwareZone,
                lateAwarenessExplanation, incidentCountry, choice(DeviceKind.class, deviceKind, "deviceKind", problems),
                choices(Jurisdiction.class, markets, "markets", problems), manufacturerZone, changeReason);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return draft;
    }

    private static Boolean yesNo(String value, String field, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                problems.add(new FieldError(field, "Answer yes or no."));
                yield null;
            }
        };
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError(field, "'" + value + "' is not one of the choices."));
            return null;
        }
    }

    private static <E extends Enum<E>> Set<E> choices(Class<E> type, List<String> values, String field,
            List<FieldError> problems) {
        var chosen = EnumSet.noneOf(type);
        if (values != null) {
            for (String value : values) {
                var one = choice(type, value, field, problems);
                if (one != null) {
                    chosen.add(one);
                }
            }
        }
        return chosen;
    }

    static LocalDateTime dateTime(String value, String field, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(field, "Give the date and time as YYYY-MM-DDTHH:MM."));
            return null;
        }
    }

    private static String text(Object value) {
        if (value instanceof LocalDateTime at) {
            return at.withSecond(0).withNano(0).toString();
        }
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    public String getIncident() { return incident; }
    public void setIncident(String incident) { this.incident = incident; }
    public List<String> getSeriousOutcomes() { return seriousOutcomes; }
    public void setSeriousOutcomes(List<String> seriousOutcomes) { this.seriousOutcomes = seriousOutcomes; }
    public String getPublicHealthThreat() { return publicHealthThreat; }
    public void setPublicHealthThreat(String publicHealthThreat) { this.publicHealthThreat = publicHealthThreat; }
    public String getDeteriorationAnticipated() { return deteriorationAnticipated; }
    public void setDeteriorationAnticipated(String value) { this.deteriorationAnticipated = value; }
    public String getCausality() { return causality; }
    public void setCausality(String causality) { this.causality = causality; }
    public String getExpectedSideEffect() { return expectedSideEffect; }
    public void setExpectedSideEffect(String expectedSideEffect) { this.expectedSideEffect = expectedSideEffect; }
    public String getUseContext() { return useContext; }
    public void setUseContext(String useContext) { this.useContext = useContext; }
    public String getRationale() { return rationale; }
    public void setRationale(String rationale) { this.rationale = rationale; }
    public String getIncidentAwareAt() { return incidentAwareAt; }
    public void setIncidentAwareAt(String incidentAwareAt) { this.incidentAwareAt = incidentAwareAt; }
    public String getIncidentAwareZone() { return incidentAwareZone; }
    public void setIncidentAwareZone(String incidentAwareZone) { this.incidentAwareZone = incidentAwareZone; }
    public String getReportabilityAwareAt() { return reportabilityAwareAt; }
    public void setReportabilityAwareAt(String value) { this.reportabilityAwareAt = value; }
    public String getReportabilityAwareZone() { return reportabilityAwareZone; }
    public void setReportabilityAwareZone(String value) { this.reportabilityAwareZone = value; }
    public String getLateAwarenessExplanation() { return lateAwarenessExplanation; }
    public void setLateAwarenessExplanation(String value) { this.lateAwarenessExplanation = value; }
    public String getIncidentCountry() { return incidentCountry; }
    public void setIncidentCountry(String incidentCountry) { this.incidentCountry = incidentCountry; }
    public String getDeviceKind() { return deviceKind; }
    public void setDeviceKind(String deviceKind) { this.deviceKind = deviceKind; }
    public List<String> getMarkets() { return markets; }
    public void setMarkets(List<String> markets) { this.markets = markets; }
    public String getManufacturerZone() { return manufacturerZone; }
    public void setManufacturerZone(String manufacturerZone) { this.manufacturerZone = manufacturerZone; }
    public String getChangeReason() { return changeReason; }
    public void setChangeReason(String changeReason) { this.changeReason = changeReason; }
}
