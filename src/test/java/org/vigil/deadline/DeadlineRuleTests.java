package org.vigil.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.vigil.deadline.DeadlineFixtures.BERLIN;
import static org.vigil.deadline.DeadlineFixtures.ISTANBUL;
import static org.vigil.deadline.DeadlineFixtures.LONDON;
import static org.vigil.deadline.DeadlineFixtures.NEW_YORK;
import static org.vigil.deadline.DeadlineFixtures.PACKS;
import static org.vigil.deadline.DeadlineFixtures.ZURICH;
import static org.vigil.deadline.DeadlineFixtures.at;
import static org.vigil.deadline.DeadlineFixtures.from;
import static org.vigil.deadline.DeadlineFixtures.incidentIn;
import static org.vigil.deadline.DeadlineFixtures.obligations;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vigil.deadline.DeadlineFixtures.Scenario;

/**
 * One worked example per shipped rule: the case, the article it cites and the due time it gives. The last test
 * checks that no shipped rule is without an example here.
 */
class DeadlineRuleTests {

    /** One worked example: a sentence, the case, the rule expected to fire with its citation, and its due time. */
    record Example(String sentence, String ruleId, String citation, CaseFacts facts, Object expectedDue) {
    }

    static final List<Example> EXAMPLES = examples();

    @TestFactory
    Stream<DynamicTest> every_rule_gives_the_due_time_its_article_sets() {
        return EXAMPLES.stream().map(example -> dynamicTest(example.sentence(), () -> {
            Obligation obligation = from(obligations(example.facts()), example.ruleId());
            assertThat(obligation.rule().legalSource().citation()).isEqualTo(example.citation());
            switch (example.expectedDue()) {
                case LocalDate date -> {
                    assertThat(obligation.due()).isInstanceOf(Due.By.class);
                    var due = (Due.By) obligation.due();
                    assertThat(due.date()).isEqualTo(date);
                    assertThat(due.end()).isEqualTo(date.plusDays(1).atStartOfDay(due.zone()).toInstant());
                    assertThat(due.zone()).isEqualTo(example.facts().manufacturerZone());
                }
                case Due expected -> assertThat(obligation.due()).isEqualTo(expected);
                default -> throw new AssertionError("unexpected expectation " + example.expectedDue());
            }
        }));
    }

    @Test
    void every_shipped_rule_has_a_worked_example() {
        Set<String> shipped = PACKS.packs().stream().flatMap(pack -> pack.rules().stream())
                .map(ReportingRule::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> exemplified = EXAMPLES.stream().map(Example::ruleId).collect(Collectors.toSet());

        assertThat(exemplified).containsExactlyInAnyOrderElementsOf(shipped);
    }

    @Test
    void a_death_in_Germany_creates_exactly_one_10_day_report_to_the_German_authority_MDR_87_5() {
        var facts = incidentIn("DE", Jurisdiction.EU).classified(Classification.DEATH,
                at("2026-05-04T10:00", BERLIN), at("2026-05-04T10:00", BERLIN), BERLIN);

        var obligations = obligations(facts);

        assertThat(obligations).extracting(o -> o.rule().id()).containsExactly("mdr-87-death");
        assertThat(obligations.getFirst().recipient().authority()).isEqualTo(Authority.NATIONAL_COMPETENT_AUTHORITY);
        assertThat(obligations.getFirst().recipient().country()).isEqualTo("DE");
        assertThat(obligations.getFirst().rule().obligation()).isEqualTo(ObligationKind.INITIAL_REPORT);
    }

    @Test
    void a_death_in_Northern_Ireland_goes_to_MHRA_under_the_EU_rule_MDR_87_5() {
        var facts = incidentIn("XI", Jurisdiction.XI, Jurisdiction.GB).classified(Classification.DEATH,
                at("2026-05-04T10:00", LONDON), at("2026-05-04T10:00", LONDON), LONDON);

        Obligation report = from(obligations(facts), "mdr-87-death");

        assertThat(report.recipient().authority()).isEqualTo(Authority.MHRA);
        assertThat(report.recipient().jurisdiction()).isEqualTo(Jurisdiction.XI);
        assertThat(((Due.By) report.due()).date()).isEqualTo(LocalDate.of(2026, 5, 14));
    }

    @Test
    void a_reportability_decision_made_later_moves_the_EU_clock_to_that_date_MDR_87_3_and_MIR_1_2_d() {
        var facts = incidentIn("DE", Jurisdiction.EU).classified(Classification.OTHER_REPORTABLE,
                at("2026-05-04T10:00", BERLIN), at("2026-05-11T10:00", BERLIN), BERLIN);

        Obligation report = from(obligations(facts), "mdr-87-other");

        assertThat(report.clockStart()).isEqualTo(at("2026-05-11T10:00", BERLIN));
        assertThat(((Due.By) report.due()).date()).isEqualTo(LocalDate.of(2026, 5, 26));
    }

    @Test
    void a_US_user_facility_death_report_goes_to_FDA_and_to_the_manufacturer_803_30_a_1() {
        var facts = incidentIn("US", Jurisdiction.US).userFacility().events(NEW_YORK,
                CaseEvent.at(EventKind.USER_FACILITY_DEATH, at("2026-05-04T10:00", NEW_YORK)));

        assertThat(obligations(facts)).extracting(o -> o.recipient().authority())
                .containsExactlyInAnyOrder(Authority.FDA, Authority.DEVICE_MANUFACTURER);
    }

    @Test
    void a_manufacturer_owes_no_user_facility_report_803_30() {
        var facts = incidentIn("US", Jurisdiction.US).events(NEW_YORK,
                CaseEvent.at(EventKind.USER_FACILITY_DEATH, at("2026-05-04T10:00", NEW_YORK)));

        assertThat(obligations(facts)).isEmpty();
    }

    @Test
    void an_IVD_incident_follows_the_IVDR_pack_not_the_MDR_pack_IVDR_82_5() {
        var facts = incidentIn("FR", Jurisdiction.EU).ivd().classified(Classification.DEATH,
                at("2026-05-04T10:00", BERLIN), at("2026-05-04T10:00", BERLIN), BERLIN);

        assertThat(obligations(facts)).extracting(o -> o.rule().id()).containsExactly("ivdr-82-death");
    }

    private static List<Example> examples() {
        var examples = new ArrayList<Example>();
        // 14 May 2026 is Ascension Day, a German public holiday: the EU 10-day report moves to Friday 15 May.
        euLike(examples, "mdr-87", incidentIn("DE", Jurisdiction.EU), BERLIN, "in Germany", 15, "MDR Art. 87", "MDR",
                "MDR Art. 89(1) and 89(5); MIR 7.3.1 §1.2.f", "MDR Art. 89(5)", "MDR Art. 88(1)");
        euLike(examples, "ivdr-82", incidentIn("IT", Jurisdiction.EU).ivd(), ZoneId.of("Europe/Rome"), "in Italy",
                14, "IVDR Art. 82", "IVDR", "IVDR Art. 84(1) and 84(5); MIR 7.3.1 §1.2.f", "IVDR Art. 84(5)",
                "IVDR Art. 83(1)");
        euLike(examples, "meddo-66", incidentIn("CH", Jurisdiction.CH), ZURICH, "in Switzerland", 14,
                "MedDO Art. 66(1)(a) and (2) with EU-MDR Art. 87", "MedDO",
                "MedDO Art. 66(2) with EU-MDR Art. 89", "MedDO Art. 66(2bis) with EU-MDR Art. 89(5)",
                "MedDO Art. 66(2) and (2bis) with EU-MDR Art. 88");
        euLike(examples, "ivdo-59", incidentIn("CH", Jurisdiction.CH).ivd(), ZURICH, "in Switzerland", 14,
                "IvDO Art. 59(1)(a) and (2) with EU-IVDR Art. 82", "IvDO",
                "IvDO Art. 59(2) with EU-IVDR Art. 84", "IvDO Art. 59(3) with EU-IVDR Art. 84(5)",
                "IvDO Art. 59(2) and (3) with EU-IVDR Art. 83");
        euLike(examples, "tr-tcy-87", incidentIn("TR", Jurisdiction.TR), ISTANBUL, "in Türkiye", 14,
                "Tıbbi Cihaz Yönetmeliği Madde 87", "Tıbbi Cihaz Yönetmeliği", "Tıbbi Cihaz Yönetmeliği Madde 89",
                "Tıbbi Cihaz Yönetmeliği Madde 89(5)", "Tıbbi Cihaz Yönetmeliği Madde 88");
        gb(examples);
        us(examples);
        return List.copyOf(examples);
    }

    /** The nine rules every EU-derived pack has, on a case known on Monday 4 May 2026 at 10:00. */
    private static void euLike(List<Example> examples, String prefix, Scenario scenario, ZoneId zone, String where,
            int tenthDay, String article, String law, String followUp, String finalReport, String trend) {
        var known = at("2026-05-04T10:00", zone);
        // The Swiss packs cite paragraphs of the EU article after their own; the others put them after the article.
        String fsca = law.equals("MedDO") ? "MedDO Art. 66(1)(b) and (2) with EU-MDR Art. 87(8)"
                : law.equals("IvDO") ? "IvDO Art. 59(1)(b) and (2) with EU-IVDR Art. 82(8)" : article + "(8)";
        String complete = law.equals("MedDO") ? "MedDO Art. 66(2) with EU-MDR Art. 87(6)"
                : law.equals("IvDO") ? "IvDO Art. 59(2) with EU-IVDR Art. 82(6)" : article + "(6)";
        String psr = law.equals("MedDO") ? "MedDO Art. 66(2) with EU-MDR Art. 87(9)"
                : law.equals("IvDO") ? "IvDO Art. 59(2) with EU-IVDR Art. 82(9)" : article + "(9)";
        examples.add(new Example("a serious public health threat " + where + " known on 4 May 2026 is due 6 May, "
                + article + "(4)", prefix + "-spht", article + "(4)",
                scenario.classified(Classification.SERIOUS_PUBLIC_HEALTH_THREAT, known, known, zone),
                LocalDate.of(2026, 5, 6)));
        examples.add(new Example("a death " + where + " known on 4 May 2026 is due " + tenthDay + " May, " + article
                + "(5)", prefix + "-death", article + "(5)",
                scenario.classified(Classification.DEATH, known, known, zone), LocalDate.of(2026, 5, tenthDay)));
        examples.add(new Example("an unanticipated serious deterioration " + where + " known on 4 May 2026 is due "
                + tenthDay + " May, " + article + "(5)", prefix + "-death", article + "(5)",
                scenario.classified(Classification.UNANTICIPATED_SERIOUS_DETERIORATION, known, known, zone),
                LocalDate.of(2026, 5, tenthDay)));
        examples.add(new Example("any other serious incident " + where + " known on 4 May 2026 is due 19 May, "
                + article + "(3)", prefix + "-other", article + "(3)",
                scenario.classified(Classification.OTHER_REPORTABLE, known, known, zone), LocalDate.of(2026, 5, 19)));
        examples.add(new Example("after an incomplete initial report " + where + " the complete report is due by the "
                + "announced 1 June, " + complete, prefix + "-complete", complete,
                scenario.events(zone, new CaseEvent(EventKind.INCOMPLETE_INITIAL_REPORT, known,
                        LocalDate.of(2026, 6, 1))), LocalDate.of(2026, 6, 1)));
        examples.add(new Example("a field safety corrective action " + where + " planned for 20 May 2026 is due "
                + "before that day starts, " + fsca, prefix + "-fsca", fsca,
                scenario.events(zone, new CaseEvent(EventKind.FSCA, known, LocalDate.of(2026, 5, 20))),
                new Due.BeforeUndertaken(LocalDate.of(2026, 5, 20).atStartOfDay(zone).toInstant())));
        examples.add(new Example("a follow-up report " + where + " announced for 1 July 2026 is due then, "
                + followUp, prefix + "-follow-up", followUp,
                scenario.events(zone, new CaseEvent(EventKind.FOLLOW_UP_ANNOUNCED, known, LocalDate.of(2026, 7, 1))),
                LocalDate.of(2026, 7, 1)));
        examples.add(new Example("a final report " + where + " announced for 30 September 2026 is due then, "
                + finalReport, prefix + "-final", finalReport,
                scenario.events(zone, new CaseEvent(EventKind.FINAL_REPORT_ANNOUNCED, known,
                        LocalDate.of(2026, 9, 30))), LocalDate.of(2026, 9, 30)));
        examples.add(new Example("a periodic summary report " + where + " agreed for 31 December 2026 is due then, "
                + psr, prefix + "-psr", psr,
                scenario.events(zone, new CaseEvent(EventKind.PERIODIC_SUMMARY_AGREED, known,
                        LocalDate.of(2026, 12, 31))), LocalDate.of(2026, 12, 31)));
        examples.add(new Example("a trend " + where + " identified on 4 May 2026 is due without delay, no period in "
                + "law, " + trend, prefix + "-trend", trend,
                scenario.events(zone, CaseEvent.at(EventKind.TREND_IDENTIFIED, known)), new Due.WithoutDelay(known)));
    }

    private static void gb(List<Example> examples) {
        var gb = incidentIn("GB", Jurisdiction.GB);
        var known = at("2026-05-04T10:00", LONDON);
        var old = at("2025-03-03T10:00", LONDON);
        String pms = "UK MDR 2002 Part 4A (SI 2024/1368): ";
        String meddev = "UK MDR 2002; MEDDEV 2.12-1 rev. 8 §5.1.7: ";
        examples.add(new Example("a serious public health threat in Great Britain known on 4 May 2026 is due 6 May, "
                + "SI 2024/1368", "gb-pms-spht", pms + "serious public health threat",
                gb.classified(Classification.SERIOUS_PUBLIC_HEALTH_THREAT, known, known, LONDON),
                LocalDate.of(2026, 5, 6)));
        examples.add(new Example("a death in Great Britain known on 4 May 2026 is due 14 May, SI 2024/1368",
                "gb-pms-death", pms + "death or unanticipated serious deterioration",
                gb.classified(Classification.DEATH, known, known, LONDON), LocalDate.of(2026, 5, 14)));
        examples.add(new Example("any other serious incident in Great Britain known on 4 May 2026 is due 19 May, "
                + "SI 2024/1368", "gb-pms-other", pms + "other serious incidents",
                gb.classified(Classification.OTHER_REPORTABLE, known, known, LONDON), LocalDate.of(2026, 5, 19)));
        examples.add(new Example("a field safety corrective action in Great Britain planned for 20 May 2026 is "
                + "notified before it is implemented, SI 2024/1368", "gb-pms-fsca", pms + "field safety corrective "
                + "actions", gb.events(LONDON, new CaseEvent(EventKind.FSCA, known, LocalDate.of(2026, 5, 20))),
                new Due.BeforeUndertaken(LocalDate.of(2026, 5, 20).atStartOfDay(LONDON).toInstant())));
        // Friday 22 May 2026: Tuesday 26 May, Wednesday 27, Thursday 28 (Monday 25 May is the spring bank holiday).
        examples.add(new Example("an MHRA document request received on Friday 22 May 2026 is answered by Thursday "
                + "28 May, over the spring bank holiday, SI 2024/1368", "gb-pms-documents", pms + "information "
                + "requested by MHRA", gb.events(LONDON, CaseEvent.at(EventKind.AUTHORITY_DOCUMENT_REQUEST,
                        at("2026-05-22T16:00", LONDON))), LocalDate.of(2026, 5, 28)));
        examples.add(new Example("after an incomplete initial report in Great Britain the complete report is due by "
                + "the announced 1 June 2026, SI 2024/1368", "gb-pms-complete", pms + "incomplete initial report",
                gb.events(LONDON, new CaseEvent(EventKind.INCOMPLETE_INITIAL_REPORT, known, LocalDate.of(2026, 6, 1))),
                LocalDate.of(2026, 6, 1)));
        examples.add(new Example("a final report in Great Britain announced for 30 September 2026 is due then, "
                + "SI 2024/1368", "gb-pms-final", pms + "final report",
                gb.events(LONDON, new CaseEvent(EventKind.FINAL_REPORT_ANNOUNCED, known, LocalDate.of(2026, 9, 30))),
                LocalDate.of(2026, 9, 30)));
        examples.add(new Example("a serious public health threat in Great Britain known on 3 March 2025 was due "
                + "5 March, MEDDEV 2.12-1 rev. 8", "gb-meddev-spht", meddev + "serious public health threat",
                gb.classified(Classification.SERIOUS_PUBLIC_HEALTH_THREAT, old, old, LONDON),
                LocalDate.of(2025, 3, 5)));
        examples.add(new Example("a death in Great Britain known on 3 March 2025 was due 13 March, MEDDEV 2.12-1 "
                + "rev. 8", "gb-meddev-death", meddev + "death or unanticipated serious deterioration",
                gb.classified(Classification.DEATH, old, old, LONDON), LocalDate.of(2025, 3, 13)));
        examples.add(new Example("another reportable incident in Great Britain known on 3 March 2025 was due 2 April, "
                + "30 days, MEDDEV 2.12-1 rev. 8", "gb-meddev-other", meddev + "other reportable incidents",
                gb.classified(Classification.OTHER_REPORTABLE, old, old, LONDON), LocalDate.of(2025, 4, 2)));
        examples.add(new Example("a field safety corrective action in Great Britain decided on 3 March 2025 and "
                + "planned for 17 March was due before then, MEDDEV 2.12-1 rev. 8", "gb-meddev-fsca",
                "UK MDR 2002; MEDDEV 2.12-1 rev. 8 §5.4: field safety corrective actions",
                gb.events(LONDON, new CaseEvent(EventKind.FSCA, old, LocalDate.of(2025, 3, 17))),
                new Due.BeforeUndertaken(LocalDate.of(2025, 3, 17).atStartOfDay(LONDON).toInstant())));
    }

    private static void us(List<Example> examples) {
        var us = incidentIn("US", Jurisdiction.US).manufacturerIn("US");
        var known = at("2026-05-04T10:00", NEW_YORK);
        examples.add(new Example("a reportable death in the US known on 4 May 2026 is due 3 June, 30 calendar days, "
                + "21 CFR 803.50", "cfr-803.50", "21 CFR 803.50(a)",
                us.classified(Classification.DEATH, known, known, NEW_YORK), LocalDate.of(2026, 6, 3)));
        // Memorial Day, Monday 25 May 2026, is a Federal holiday.
        examples.add(new Example("remedial action found needed on Wednesday 20 May 2026 makes a 5-day report due "
                + "Thursday 28 May, over Memorial Day, 21 CFR 803.53", "cfr-803.53", "21 CFR 803.53",
                us.events(NEW_YORK, CaseEvent.at(EventKind.REMEDIAL_ACTION_NEEDED, at("2026-05-20T10:00",
                        NEW_YORK))), LocalDate.of(2026, 5, 28)));
        examples.add(new Example("information received on 4 May 2026 makes a supplemental report due 3 June, 30 "
                + "calendar days, 21 CFR 803.56", "cfr-803.56", "21 CFR 803.56",
                us.events(NEW_YORK, CaseEvent.at(EventKind.SUPPLEMENTAL_INFORMATION, known)),
                LocalDate.of(2026, 6, 3)));
        examples.add(new Example("a correction started on 4 May 2026 is reported by 18 May, 10 working days, "
                + "21 CFR 806.10", "cfr-806.10", "21 CFR 806.10(b)",
                us.events(NEW_YORK, CaseEvent.at(EventKind.CORRECTION_OR_REMOVAL_STARTED, known)),
                LocalDate.of(2026, 5, 18)));
        var facility = incidentIn("US", Jurisdiction.US).userFacility();
        examples.add(new Example("a user facility learning of a death on 4 May 2026 reports it to FDA by 18 May, "
                + "21 CFR 803.30(a)(1)", "cfr-803.30-death-fda", "21 CFR 803.30(a)(1)",
                facility.events(NEW_YORK, CaseEvent.at(EventKind.USER_FACILITY_DEATH, known)),
                LocalDate.of(2026, 5, 18)));
        examples.add(new Example("a user facility learning of a death on 4 May 2026 reports it to the manufacturer "
                + "by 18 May, 21 CFR 803.30(a)(1)", "cfr-803.30-death-manufacturer", "21 CFR 803.30(a)(1)",
                facility.events(NEW_YORK, CaseEvent.at(EventKind.USER_FACILITY_DEATH, known)),
                LocalDate.of(2026, 5, 18)));
        examples.add(new Example("a user facility learning of a serious injury on 4 May 2026 reports it to the "
                + "manufacturer by 18 May, 21 CFR 803.30(a)(2)", "cfr-803.30-serious-injury", "21 CFR 803.30(a)(2)",
                facility.events(NEW_YORK, CaseEvent.at(EventKind.USER_FACILITY_SERIOUS_INJURY, known)),
                LocalDate.of(2026, 5, 18)));
    }
}
