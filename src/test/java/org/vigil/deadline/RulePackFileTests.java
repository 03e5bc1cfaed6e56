package org.vigil.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.deadline.DeadlineFixtures.PACKS;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigil.deadline.domain.DeadlineCalculator;
import org.vigil.deadline.domain.RulePackFile;
import org.vigil.deadline.domain.RuleSelection;
import org.vigil.deadline.domain.RulePackFile.InvalidRulePack;

/** Rule packs are data: the shipped ones load, and a bad one is refused with its file and field named. */
class RulePackFileTests {

    private static final String GOOD_RULE = """
            {"id": "mdr-87-death", "citation": "MDR Art. 87(5)", "url": "https://eur-lex.europa.eu/eli/reg/2017/745/oj",
             "inForceFrom": "2021-05-26", "triggers": ["DEATH"], "clockStartsAt": "REPORTABILITY_AWARENESS",
             "period": {"calendarDays": 10}, "obligation": "INITIAL_REPORT", "dutyHolder": "MANUFACTURER",
             "authority": "NATIONAL_COMPETENT_AUTHORITY", "note": "10 days."}""";

    @Test
    void the_shipped_packs_cover_the_EU_Switzerland_Great_Britain_Turkiye_and_the_US() {
        assertThat(PACKS.packs()).extracting(RulePack::fileName).containsExactly("ch-ivdo.v1.json",
                "ch-meddo.v1.json", "eu-ivdr.v1.json", "eu-mdr.v1.json", "gb-mdr.v1.json", "tr-tcy.v1.json",
                "us-cfr-803.v1.json");
        PACKS.packs().forEach(pack -> {
            assertThat(pack.source()).as(pack.id()).contains("own summary").contains("Not legal advice");
            pack.rules().forEach(rule -> {
                assertThat(rule.legalSource().url().getScheme()).as(rule.id()).isEqualTo("https");
                assertThat(rule.note()).as(rule.id()).hasSizeGreaterThan(20);
            });
        });
    }

    @Test
    void the_GB_rules_change_on_16_June_2025_without_gap_or_overlap_SI_2024_1368() {
        var gb = PACKS.packs().stream().filter(p -> p.id().equals("gb-mdr")).findFirst().orElseThrow();
        LocalDate change = LocalDate.of(2025, 6, 16);
        for (Classification classification : Classification.values()) {
            var before = gb.rules().stream().filter(r -> r.classifications().contains(classification))
                    .filter(r -> r.inForceOn(change.minusDays(1))).toList();
            var after = gb.rules().stream().filter(r -> r.classifications().contains(classification))
                    .filter(r -> r.inForceOn(change)).toList();
            assertThat(before).as("%s before", classification).hasSize(1);
            assertThat(after).as("%s after", classification).hasSize(1);
            assertThat(before.getFirst().id()).startsWith("gb-meddev");
            assertThat(after.getFirst().id()).startsWith("gb-pms");
        }
    }

    @Test
    void a_well_formed_pack_is_read_with_its_rules() {
        RulePack pack = RulePackFile.read("test-pack.v2.json", new StringReader(pack(2, GOOD_RULE)));

        assertThat(pack.version()).isEqualTo(2);
        ReportingRule rule = pack.rules().getFirst();
        assertThat(rule.period()).isEqualTo(new Period.CalendarDays(10, false));
        assertThat(rule.legalSource().citation()).isEqualTo("MDR Art. 87(5)");
        assertThat(rule.jurisdictions()).containsExactlyInAnyOrder(Jurisdiction.EU, Jurisdiction.XI);
        assertThat(rule.inForceOn(LocalDate.of(2021, 5, 25))).isFalse();
        assertThat(rule.inForceOn(LocalDate.of(2021, 5, 26))).isTrue();
    }

    @Test
    void the_EU_packs_end_their_day_periods_on_a_working_day_and_the_others_do_not_MDCG_2023_3_Q14() {
        PACKS.packs().forEach(pack -> pack.rules().forEach(rule -> {
            if (rule.period() instanceof Period.CalendarDays(int days, boolean endsOnWorkingDay)) {
                assertThat(endsOnWorkingDay).as(rule.id())
                        .isEqualTo(pack.id().equals("eu-mdr") || pack.id().equals("eu-ivdr"));
            }
        }));
    }

    @Test
    void a_flag_that_is_not_true_or_false_is_refused() {
        String rule = GOOD_RULE.replace("{\"calendarDays\": 10}", "{\"calendarDays\": 10, \"endsOnWorkingDay\": \"yes\"}");

        assertThat(catchInvalid(pack(1, rule))).anyMatch(p -> p.startsWith("rules[0].period.calendarDays: "
                + "endsOnWorkingDay must be true or false"));
    }

    @Test
    void only_the_newest_version_of_a_pack_gives_obligations() {
        RulePack first = RulePackFile.read("test-pack.v1.json", new StringReader(pack(1, GOOD_RULE)));
        RulePack second = RulePackFile.read("test-pack.v2.json", new StringReader(pack(2,
                GOOD_RULE.replace("{\"calendarDays\": 10}", "{\"calendarDays\": 9}"))));
        var selection = new RuleSelection(List.of(second, first), new DeadlineCalculator(Map.of()));
        var known = Instant.parse("2026-05-04T08:00:00Z");
        var facts = new CaseFacts(PACKS.recipients("DE", Set.of(Jurisdiction.EU), "DE", DutyHolder.MANUFACTURER),
                DeviceKind.MEDICAL_DEVICE, Classification.DEATH, known, known, ZoneId.of("Europe/Berlin"),
                DutyHolder.MANUFACTURER, List.of());

        var obligations = selection.obligations(facts);

        assertThat(obligations).singleElement().satisfies(o -> {
            assertThat(o.rule().packVersion()).isEqualTo(2);
            assertThat(((Due.By) o.due()).date()).isEqualTo(LocalDate.of(2026, 5, 13));
        });
    }

    @Test
    void a_rule_without_its_citation_is_refused_naming_the_file_and_the_field() {
        String rule = GOOD_RULE.replace("\"citation\": \"MDR Art. 87(5)\", ", "");

        assertThatThrownBy(() -> RulePackFile.read("test-pack.v1.json", new StringReader(pack(1, rule))))
                .isInstanceOf(InvalidRulePack.class)
                .hasMessageContaining("test-pack.v1.json")
                .hasMessageContaining("rules[0].citation: is missing");
    }

    @Test
    void every_problem_in_a_pack_is_reported_at_once() {
        String rule = GOOD_RULE.replace("\"DEATH\"", "\"DEAD\"").replace("{\"calendarDays\": 10}",
                "{\"calendarDays\": 0}").replace("\"2021-05-26\"", "\"26.05.2021\"")
                .replace("NATIONAL_COMPETENT_AUTHORITY", "BFARM");

        var problems = catchInvalid(pack(1, rule + ", " + GOOD_RULE));

        assertThat(problems).anyMatch(p -> p.startsWith("rules[0].triggers[0]: 'DEAD' is neither"))
                .anyMatch(p -> p.startsWith("rules[0].period.calendarDays:"))
                .anyMatch(p -> p.startsWith("rules[0].inForceFrom: '26.05.2021' is not a date"))
                .anyMatch(p -> p.startsWith("rules[0].authority: 'BFARM' is not one of"));
    }

    @Test
    void a_pack_whose_id_or_version_differs_from_its_file_name_is_refused() {
        assertThat(catchInvalid("other-pack.v1.json", pack(1, GOOD_RULE)))
                .anyMatch(p -> p.startsWith("id: 'test-pack' does not match"));
        assertThat(catchInvalid(pack(3, GOOD_RULE))).anyMatch(p -> p.startsWith("version: must be"));
    }

    @Test
    void the_same_rule_id_twice_is_refused() {
        assertThat(catchInvalid(pack(1, GOOD_RULE + ", " + GOOD_RULE)))
                .anyMatch(p -> p.equals("rules[1].id: 'mdr-87-death' is used twice"));
    }

    @Test
    void a_rule_mixing_classifications_and_events_is_refused() {
        String rule = GOOD_RULE.replace("[\"DEATH\"]", "[\"DEATH\", \"FSCA\"]");

        assertThat(catchInvalid(pack(1, rule))).anyMatch(p -> p.startsWith("rules[0].triggers: mixes"));
    }

    @Test
    void an_event_rule_must_run_from_its_event_and_a_classification_rule_from_an_awareness_moment() {
        String eventRule = GOOD_RULE.replace("[\"DEATH\"]", "[\"FSCA\"]");
        String classificationRule = GOOD_RULE.replace("REPORTABILITY_AWARENESS", "TRIGGERING_EVENT");

        assertThat(catchInvalid(pack(1, eventRule))).anyMatch(p -> p.startsWith("rules[0].clockStartsAt: an event"));
        assertThat(catchInvalid(pack(1, classificationRule)))
                .anyMatch(p -> p.startsWith("rules[0].clockStartsAt: a classification rule"));
    }

    @Test
    void an_end_of_force_before_its_start_is_refused() {
        String rule = GOOD_RULE.replace("\"inForceFrom\": \"2021-05-26\"",
                "\"inForceFrom\": \"2021-05-26\", \"inForceTo\": \"2021-05-26\"");

        assertThat(catchInvalid(pack(1, rule))).anyMatch(p -> p.startsWith("rules[0].inForceTo:"));
    }

    @Test
    void a_file_that_is_not_JSON_or_badly_named_is_refused() {
        assertThat(catchInvalid("{\"id\": ")).anyMatch(p -> p.startsWith("not valid JSON"));
        assertThat(catchInvalid("EU MDR.json", pack(1, GOOD_RULE)))
                .containsExactly("the file name must read <pack-id>.v<version>.json");
    }

    private static String pack(int version, String rules) {
        return """
                {"id": "test-pack", "version": %d, "title": "Test", "source": "Our own summary.",
                 "jurisdictions": ["EU", "XI"], "deviceKinds": ["MEDICAL_DEVICE"], "rules": [%s]}
                """.formatted(version, rules);
    }

    private static List<String> catchInvalid(String json) {
        return catchInvalid("test-pack.v1.json", json);
    }

    private static List<String> catchInvalid(String file, String json) {
        try {
            RulePackFile.read(file, new StringReader(json));
        } catch (InvalidRulePack e) {
            assertThat(e.getMessage()).contains(file);
            return e.problems();
        }
        throw new AssertionError("the pack was accepted");
    }
}
