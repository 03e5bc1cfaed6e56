package org.vigil.deadline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.deadline.Authority.MHRA;
import static org.vigil.deadline.Classification.DEATH;
import static org.vigil.deadline.Classification.OTHER_REPORTABLE;
import static org.vigil.deadline.Classification.SERIOUS_PUBLIC_HEALTH_THREAT;
import static org.vigil.deadline.Classification.UNANTICIPATED_SERIOUS_DETERIORATION;
import static org.vigil.deadline.EventKind.AUTHORITY_DOCUMENT_REQUEST;
import static org.vigil.deadline.EventKind.FINAL_REPORT_ANNOUNCED;
import static org.vigil.deadline.EventKind.FSCA;
import static org.vigil.deadline.EventKind.INCOMPLETE_INITIAL_REPORT;
import static org.vigil.deadline.Jurisdiction.GB;
import static org.vigil.deadline.ObligationKind.COMPLETE_REPORT;
import static org.vigil.deadline.ObligationKind.DOCUMENT_RESPONSE;
import static org.vigil.deadline.ObligationKind.FINAL_REPORT;
import static org.vigil.deadline.ObligationKind.FSCA_NOTIFICATION;
import static org.vigil.deadline.ObligationKind.INITIAL_REPORT;
import static org.vigil.deadline.rules.RuleCases.LONDON;
import static org.vigil.deadline.rules.RuleCases.assertThatObligation;
import static org.vigil.deadline.rules.RuleCases.at;
import static org.vigil.deadline.rules.RuleCases.incidentIn;
import static org.vigil.deadline.rules.RuleCases.obligationFrom;
import static org.vigil.deadline.rules.RuleCases.ruleIds;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pack {@code gb-mdr}: Great Britain, reports to MHRA. From 16 June 2025 the post-market surveillance rules of
 * SI 2024/1368 (2, 10 and 15 days from awareness of the serious incident, MIR §1.2.d; FSCA before it is implemented;
 * 3 working days to answer MHRA's requests, England and Wales bank holidays excluded); for incidents known before
 * that day, MEDDEV 2.12-1 rev. 8 as MHRA applied it (2, 10 and 30 days from awareness of the event, MIR §1.2.c).
 * Calendar-day periods keep their last day even on a weekend or bank holiday, as the pack's notes state. The
 * manufacturer is in London: UTC in winter, UTC+1 from 30 March to 26 October 2025 and 29 March to 25 October 2026.
 */
@ExtendWith(CoveredRuleCheck.class)
class GbMdrRuleTests {

    private static final RuleCases.Case BRITISH = incidentIn("GB", GB).madeBy("GB", LONDON);

    @Test
    @Covers("gb-pms-spht")
    void threat_known_on_23_December_2026_is_due_on_Christmas_Day_not_later_SI_2024_1368() {
        var facts = BRITISH.classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2026-12-23T15:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-pms-spht"))
                .citing("UK MDR 2002 Part 4A (SI 2024/1368): serious public health threat").obliging(INITIAL_REPORT)
                .to(GB, MHRA, "GB")
                .dueBy(LocalDate.of(2026, 12, 25), LONDON, "2026-12-26T00:00:00Z");
    }

    @Test
    @Covers("gb-pms-death")
    void death_known_on_4_August_2025_is_due_14_August_SI_2024_1368() {
        var facts = BRITISH.classified(DEATH, at("2025-08-04T09:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-pms-death"))
                .citing("UK MDR 2002 Part 4A (SI 2024/1368): death or unanticipated serious deterioration")
                .obliging(INITIAL_REPORT)
                .to(GB, MHRA, "GB")
                .dueBy(LocalDate.of(2025, 8, 14), LONDON, "2025-08-14T23:00:00Z");
    }

    @Test
    @Covers("gb-pms-death")
    void unanticipated_serious_deterioration_shown_reportable_on_9_February_2026_runs_from_that_day_to_19_February_SI_2024_1368() {
        var facts = BRITISH.classified(UNANTICIPATED_SERIOUS_DETERIORATION, at("2026-02-02T10:00", LONDON),
                at("2026-02-09T14:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-pms-death"))
                .to(GB, MHRA, "GB")
                .clockStartedAt(at("2026-02-09T14:00", LONDON))
                .dueBy(LocalDate.of(2026, 2, 19), LONDON, "2026-02-20T00:00:00Z");
    }

    @Test
    @Covers("gb-pms-other")
    void other_serious_incident_known_in_the_first_minutes_of_16_June_2025_is_due_1_July_under_the_new_15_day_rule_SI_2024_1368() {
        // 00:30 BST on 16 June is 23:30 UTC on 15 June: the rules in force are judged by the manufacturer's date.
        var facts = BRITISH.classified(OTHER_REPORTABLE, at("2025-06-16T00:30", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-pms-other"))
                .citing("UK MDR 2002 Part 4A (SI 2024/1368): other serious incidents").obliging(INITIAL_REPORT)
                .to(GB, MHRA, "GB")
                .dueBy(LocalDate.of(2025, 7, 1), LONDON, "2025-07-01T23:00:00Z");
        assertThat(ruleIds(facts)).containsExactly("gb-pms-other");
    }

    @Test
    @Covers("gb-pms-fsca")
    void field_safety_corrective_action_planned_for_2_March_2026_is_notified_before_it_is_implemented_SI_2024_1368() {
        var facts = BRITISH.event(FSCA, at("2026-02-16T10:00", LONDON), LocalDate.of(2026, 3, 2));

        assertThatObligation(obligationFrom(facts, "gb-pms-fsca"))
                .citing("UK MDR 2002 Part 4A (SI 2024/1368): field safety corrective actions")
                .obliging(FSCA_NOTIFICATION)
                .to(GB, MHRA, "GB")
                .dueBeforeUndertaken("2026-03-02T00:00:00Z");
    }

    @Test
    @Covers("gb-pms-fsca")
    void field_safety_corrective_action_decided_on_20_June_2025_falls_under_the_new_rules_by_its_own_date_SI_2024_1368() {
        var facts = BRITISH.event(FSCA, at("2025-06-20T10:00", LONDON), LocalDate.of(2025, 7, 7));

        assertThatObligation(obligationFrom(facts, "gb-pms-fsca"))
                .dueBeforeUndertaken("2025-07-06T23:00:00Z");
        assertThat(ruleIds(facts)).containsExactly("gb-pms-fsca");
    }

    @Test
    @Covers("gb-pms-documents")
    void MHRA_request_received_on_1_April_2026_is_answered_by_8_April_over_Good_Friday_and_Easter_Monday_SI_2024_1368() {
        // Working days: Thursday 2 April (1); Good Friday 3, the weekend and Easter Monday 6 do not count; Tuesday 7
        // (2), Wednesday 8 (3).
        var facts = BRITISH.event(AUTHORITY_DOCUMENT_REQUEST, at("2026-04-01T11:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-pms-documents"))
                .citing("UK MDR 2002 Part 4A (SI 2024/1368): information requested by MHRA")
                .obliging(DOCUMENT_RESPONSE)
                .to(GB, MHRA, "GB")
                .dueBy(LocalDate.of(2026, 4, 8), LONDON, "2026-04-08T23:00:00Z");
    }

    @Test
    @Covers("gb-pms-complete")
    void complete_report_announced_for_20_July_2026_is_due_that_day_SI_2024_1368() {
        var facts = BRITISH.event(INCOMPLETE_INITIAL_REPORT, at("2026-07-06T10:00", LONDON), LocalDate.of(2026, 7, 20));

        assertThatObligation(obligationFrom(facts, "gb-pms-complete"))
                .citing("UK MDR 2002 Part 4A (SI 2024/1368): incomplete initial report").obliging(COMPLETE_REPORT)
                .to(GB, MHRA, "GB")
                .dueBy(LocalDate.of(2026, 7, 20), LONDON, "2026-07-20T23:00:00Z");
    }

    @Test
    @Covers("gb-pms-final")
    void final_report_announced_for_30_October_2026_is_due_by_its_end_in_GMT_SI_2024_1368() {
        var facts = BRITISH.event(FINAL_REPORT_ANNOUNCED, at("2026-09-30T10:00", LONDON), LocalDate.of(2026, 10, 30));

        assertThatObligation(obligationFrom(facts, "gb-pms-final"))
                .citing("UK MDR 2002 Part 4A (SI 2024/1368): final report").obliging(FINAL_REPORT)
                .to(GB, MHRA, "GB")
                .dueBy(LocalDate.of(2026, 10, 30), LONDON, "2026-10-31T00:00:00Z");
    }

    @Test
    @Covers("gb-meddev-spht")
    void threat_known_on_28_February_2025_was_due_on_Sunday_2_March_MEDDEV_2_12_1_rev_8_5_1_7() {
        var facts = BRITISH.classified(SERIOUS_PUBLIC_HEALTH_THREAT, at("2025-02-28T10:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-meddev-spht"))
                .citing("UK MDR 2002; MEDDEV 2.12-1 rev. 8 §5.1.7: serious public health threat")
                .obliging(INITIAL_REPORT)
                .to(GB, MHRA, "GB")
                .dueBy(LocalDate.of(2025, 3, 2), LONDON, "2025-03-03T00:00:00Z");
    }

    @Test
    @Covers("gb-meddev-death")
    void death_known_on_20_March_2025_was_due_on_Sunday_30_March_a_23_hour_day_as_British_Summer_Time_began_MEDDEV_2_12_1_rev_8_5_1_7() {
        var facts = BRITISH.classified(DEATH, at("2025-03-20T10:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-meddev-death"))
                .citing("UK MDR 2002; MEDDEV 2.12-1 rev. 8 §5.1.7: death or unanticipated serious deterioration")
                .obliging(INITIAL_REPORT)
                .to(GB, MHRA, "GB")
                .dueBy(LocalDate.of(2025, 3, 30), LONDON, "2025-03-30T23:00:00Z");
    }

    @Test
    @Covers("gb-meddev-other")
    void incident_known_on_15_June_2025_stays_under_the_old_30_days_from_awareness_of_the_event_and_was_due_15_July_MEDDEV_2_12_1_rev_8_5_1_7() {
        // Reportability became clear on 20 June, but MEDDEV counts from awareness of the event (MIR §1.2.c).
        var facts = BRITISH.classified(OTHER_REPORTABLE, at("2025-06-15T16:00", LONDON), at("2025-06-20T09:00", LONDON));

        assertThatObligation(obligationFrom(facts, "gb-meddev-other"))
                .citing("UK MDR 2002; MEDDEV 2.12-1 rev. 8 §5.1.7: other reportable incidents")
                .obliging(INITIAL_REPORT)
                .to(GB, MHRA, "GB")
                .clockStartedAt(at("2025-06-15T16:00", LONDON))
                .dueBy(LocalDate.of(2025, 7, 15), LONDON, "2025-07-15T23:00:00Z");
        assertThat(ruleIds(facts)).containsExactly("gb-meddev-other");
    }

    @Test
    @Covers("gb-meddev-fsca")
    void field_safety_corrective_action_decided_on_3_March_2025_and_planned_for_17_March_was_due_before_then_MEDDEV_2_12_1_rev_8_5_4() {
        var facts = BRITISH.event(FSCA, at("2025-03-03T10:00", LONDON), LocalDate.of(2025, 3, 17));

        assertThatObligation(obligationFrom(facts, "gb-meddev-fsca"))
                .citing("UK MDR 2002; MEDDEV 2.12-1 rev. 8 §5.4: field safety corrective actions")
                .obliging(FSCA_NOTIFICATION)
                .to(GB, MHRA, "GB")
                .dueBeforeUndertaken("2025-03-17T00:00:00Z");
    }
}
