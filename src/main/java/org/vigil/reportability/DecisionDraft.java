package org.vigil.reportability;

import java.time.LocalDateTime;
import java.util.Set;

import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.Jurisdiction;

/**
 * What the vigilance officer answers to decide reportability, as entered (fields may be missing; the facade names
 * each missing or wrong one). The conclusion and classification are not entered: they follow from the answers.
 *
 * @param incident                    is it an incident (MDR Art. 2(64))?
 * @param seriousOutcomes             what it led to, might have led to or might lead to (Art. 2(65)); empty when none
 * @param publicHealthThreat          is it a serious public health threat (Art. 2(66))?
 * @param deteriorationAnticipated    was the serious deterioration anticipated (decides "unanticipated serious
 *                                    deterioration", MIR §1.2.g, 10 days under Art. 87(5))?
 * @param causality                   the causal relationship (MDCG 2023-3)
 * @param expectedSideEffect          an expected side-effect documented in the product information and quantified in
 *                                    the technical documentation (Art. 87(1)(a), Art. 88)?
 * @param useContext                  normal use, use error or abnormal use (MDCG 2023-3 Q&A 7, 8)
 * @param rationale                   why, in the officer's words
 * @param incidentAwareAt             MIR §1.2.c, local date and time
 * @param incidentAwareZone           its time zone (IANA id, e.g. {@code Europe/Berlin})
 * @param reportabilityAwareAt        MIR §1.2.d, local date and time; {@code null} means the same moment as §1.2.c
 * @param reportabilityAwareZone      its time zone
 * @param lateAwarenessExplanation    required when §1.2.d is later than §1.2.c (MDCG 2023-3 Q&A 15)
 * @param incidentCountry             where the incident happened, ISO 3166-1 alpha-2 ({@code XI} Northern Ireland)
 * @param deviceKind                  medical device or IVD (decides MDR or IVDR rules)
 * @param markets                     where the device is made available (decides FDA, MHRA, Swissmedic, TITCK)
 * @param manufacturerZone            the manufacturer's time zone, in which days are counted
 * @param changeReason                why an earlier decision is changed; required from the second decision on
 */
public record DecisionDraft(Boolean incident, Set<SeriousOutcome> seriousOutcomes, Boolean publicHealthThreat,
        Boolean deteriorationAnticipated, Causality causality, Boolean expectedSideEffect, UseContext useContext,
        String rationale, LocalDateTime incidentAwareAt, String incidentAwareZone, LocalDateTime reportabilityAwareAt,
        String reportabilityAwareZone, String lateAwarenessExplanation, String incidentCountry, DeviceKind deviceKind,
        Set<Jurisdiction> markets, String manufacturerZone, String changeReason) {

    public DecisionDraft {
        seriousOutcomes = seriousOutcomes == null ? Set.of() : Set.copyOf(seriousOutcomes);
        markets = markets == null ? Set.of() : Set.copyOf(markets);
    }

    public DecisionDraft withChangeReason(String reason) {
        return new DecisionDraft(incident, seriousOutcomes, publicHealthThreat, deteriorationAnticipated, causality,
                expectedSideEffect, useContext, rationale, incidentAwareAt, incidentAwareZone, reportabilityAwareAt,
                reportabilityAwareZone, lateAwarenessExplanation, incidentCountry, deviceKind, markets,
                manufacturerZone, reason);
    }
}
