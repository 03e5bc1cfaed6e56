package org.vigil.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.shared.InvalidInputException;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.terminology.domain.ImdrfReleaseFile;

/**
 * The IMDRF adverse-event terminology (IMDRF/AE WG N43) as shipped: Release 2022 of Annexes A–G and Release 2024 of
 * Annex A, their hierarchies, search for the pickers of MIR 7.3.1 §3.2–§4.2, the rule that retired and "not
 * selectable" terms resolve on old records but are not chosen for new ones, and the FDA CDRH crosswalk (21 CFR 803).
 */
@IntegrationTest
class ImdrfTests {

    @Autowired
    ImdrfTerminology imdrf;
    @Autowired
    TestData testData;

    @Test
    void every_annex_of_release_2022_and_annex_a_of_release_2024_are_loaded_with_2024_current_for_annex_a() {
        assertThat(imdrf.releases()).extracting(release -> release.annex() + "/" + release.version())
                .contains("A/2022", "B/2022", "C/2022", "D/2022", "E/2022", "F/2022", "G/2022", "A/2024");
        assertThat(imdrf.currentRelease(ImdrfAnnex.A)).get().satisfies(release -> {
            assertThat(release.version()).isEqualTo("2024");
            assertThat(release.termCount()).isEqualTo(488);
        });
        assertThat(imdrf.currentRelease(ImdrfAnnex.E)).get().extracting(ImdrfRelease::termCount)
                .as("Annex E lists 884 rows but 700 distinct codes: some codes sit under two parents")
                .isEqualTo(700);
        assertThat(imdrf.currentRelease(ImdrfAnnex.G)).get().extracting(ImdrfRelease::termCount).isEqualTo(296);
    }

    @Test
    void an_annex_a_term_is_found_by_a_word_of_it_with_its_definition_in_any_case_and_without_accents() {
        assertThat(imdrf.search(ImdrfAnnex.A, "LEAK", 20, false)).isNotEmpty().first().satisfies(term -> {
            assertThat(term.annex()).isEqualTo(ImdrfAnnex.A);
            assertThat(term.term().toLowerCase()).contains("leak");
            assertThat(term.definition()).isNotBlank();
        });
        assertThat(imdrf.search(ImdrfAnnex.A, "implant subsidence", 5, true)).extracting(ImdrfTerm::code)
                .as("A0107 is new in Release 2024").startsWith("A0107");
        assertThat(imdrf.search(ImdrfAnnex.A, "ímplànt SUBSIDENCE", 5, true)).extracting(ImdrfTerm::code)
                .startsWith("A0107");
    }

    @Test
    void search_by_a_code_puts_the_exact_code_first_and_then_the_codes_under_it() {
        var hits = imdrf.search(ImdrfAnnex.A, "a0101", 10, false);
        assertThat(hits).first().extracting(ImdrfTerm::code).isEqualTo("A0101");
        assertThat(hits).extracting(ImdrfTerm::code).allSatisfy(code -> assertThat(code).startsWith("A0101"));
        assertThat(imdrf.search(null, "E0102", 5, false)).first().extracting(ImdrfTerm::code).isEqualTo("E0102");
    }

    @Test
    void search_over_every_annex_finds_terms_of_several_annexes() {
        assertThat(imdrf.search(null, "valve", 100, false)).extracting(ImdrfTerm::annex)
                .contains(ImdrfAnnex.A, ImdrfAnnex.G);
    }

    @Test
    void a_retired_term_resolves_with_its_meaning_but_cannot_be_chosen_for_a_new_report() {
        var leaflet = imdrf.find("G04081").orElseThrow();
        assertThat(leaflet.term()).isEqualTo("Leaflet");
        assertThat(leaflet.status()).isEqualTo(ImdrfStatus.RETIRED);
        assertThat(leaflet.statusNote()).contains("Cusp/Leaflet");
        assertThat(leaflet.selectable()).isFalse();
        assertThat(imdrf.selectable(ImdrfAnnex.G, "G04081")).isFalse();
        assertThat(imdrf.search(ImdrfAnnex.G, "leaflet", 20, true)).extracting(ImdrfTerm::code)
                .doesNotContain("G04081").contains("G04040");
        assertThat(imdrf.search(ImdrfAnnex.G, "leaflet", 20, false)).extracting(ImdrfTerm::code)
                .contains("G04081");
        assertThatThrownBy(() -> imdrf.requireSelectable("component", ImdrfAnnex.G, "G04081"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("component");
                            assertThat(error.message()).contains("G04081", "retired");
                        }));
    }

    @Test
    void a_grouping_term_marked_not_selectable_resolves_but_the_more_detailed_terms_under_it_are_chosen() {
        var nervous = imdrf.find(ImdrfAnnex.E, "E01").orElseThrow();
        assertThat(nervous.status()).isEqualTo(ImdrfStatus.NOT_SELECTABLE);
        assertThatThrownBy(() -> imdrf.requireSelectable("healthEffect", ImdrfAnnex.E, "E01"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("more detailed term");
        assertThat(imdrf.requireSelectable("healthEffect", ImdrfAnnex.E, "E0101").term()).isNotBlank();
        assertThatThrownBy(() -> imdrf.requireSelectable("problem", ImdrfAnnex.A, "A9999"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no code A9999");
    }

    @Test
    void a_term_changed_in_release_2024_shows_the_2024_wording_and_the_2022_wording_stays_queryable() {
        var current = imdrf.find(ImdrfAnnex.A, "A050406").orElseThrow();
        assertThat(current.release()).isEqualTo("2024");
        assertThat(current.term()).isEqualTo("Intravalvular regurgitation");
        var before = imdrf.find(ImdrfAnnex.A, "A050406", "2022").orElseThrow();
        assertThat(before.term()).isEqualTo("Central Regurgitation");
        assertThat(before.currentRelease()).isFalse();
    }

    @Test
    void the_hierarchy_gives_children_and_the_path_from_the_top_level() {
        assertThat(imdrf.children(ImdrfAnnex.A, null)).extracting(ImdrfTerm::level).containsOnly(1);
        assertThat(imdrf.children(ImdrfAnnex.A, "A01")).extracting(ImdrfTerm::code).contains("A0101")
                .allSatisfy(code -> assertThat(code).startsWith("A01"));
        assertThat(imdrf.path(ImdrfAnnex.A, "A010101")).extracting(ImdrfTerm::code)
                .containsExactly("A01", "A0101", "A010101");
        assertThat(imdrf.find(ImdrfAnnex.E, "E0102").orElseThrow().otherParents()).as("E0102 is also under Injury")
                .containsExactly("E20");
        assertThat(imdrf.children(ImdrfAnnex.E, "E20")).extracting(ImdrfTerm::code).contains("E0102");
    }

    @Test
    void the_fda_crosswalk_leads_from_an_fda_code_to_its_imdrf_code_and_back() {
        assertThat(imdrf.crosswalkFromFda("2682")).extracting(CrosswalkEntry::imdrfCode).containsExactly("A0101");
        assertThat(imdrf.crosswalkFromImdrf("a0101")).extracting(CrosswalkEntry::fdaCode).contains("2682");
        assertThat(imdrf.crosswalkSize()).isGreaterThan(1800);
    }

    @Test
    void a_release_loaded_here_is_the_current_one_at_once_although_the_index_is_trusted_for_a_second() throws Exception {
        assertThat(imdrf.currentRelease(ImdrfAnnex.B)).isPresent();
        String version = "2022-now-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var annexB = new org.springframework.core.io.ClassPathResource(
                "org/vigil/terminology/imdrf/release-2022/annexb_1.json");
        try (var reader = new java.io.InputStreamReader(annexB.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8)) {
            testData.asPlatform(() -> imdrf.load(ImdrfAnnex.B, version, reader, "annexb_1.json"));
        }

        assertThat(imdrf.currentRelease(ImdrfAnnex.B)).get().extracting(ImdrfRelease::version).isEqualTo(version);
        assertThat(imdrf.whyNotSelectable(ImdrfAnnex.B, "B01")).isEmpty();
    }

    @Test
    void a_broken_release_file_loads_nothing_and_reports_every_problem_with_its_line() {
        String file = """
                [
                  {"code": "C90", "term": "Top", "definition": "d", "Status": "", "CodeHierarchy": "C90"},
                  {"code": "C9101", "term": "Orphan", "definition": "d", "Status": "", "CodeHierarchy": "C91|C9101"},
                  {"code": "A01", "term": "Wrong annex", "definition": "d", "Status": "", "CodeHierarchy": "A01"},
                  {"code": "C90", "term": "Other", "definition": "d", "Status": "", "CodeHierarchy": "C90"},
                  {"code": "C92", "term": "", "definition": "d", "Status": "", "CodeHierarchy": "C92"}
                ]
                """;
        String version = "test-" + UUID.randomUUID().toString().substring(0, 8);
        int before = imdrf.releases().size();
        assertThatThrownBy(() -> testData.asPlatform(() -> imdrf.load(ImdrfAnnex.C, version,
                new StringReader(file), "broken.json")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .allSatisfy(error -> assertThat(error.field()).isEqualTo("file"))
                        .anySatisfy(error -> assertThat(error.message()).contains("line 3", "parent C91"))
                        .anySatisfy(error -> assertThat(error.message()).contains("line 4", "Annex A"))
                        .anySatisfy(error -> assertThat(error.message()).contains("line 5", "twice at the same place"))
                        .anySatisfy(error -> assertThat(error.message()).contains("line 6", "C92 has no term")));
        assertThat(imdrf.releases()).hasSize(before);
        assertThat(imdrf.currentRelease(ImdrfAnnex.C)).get().extracting(ImdrfRelease::version).isEqualTo("2022");
    }

    @Test
    void a_file_that_is_not_json_is_refused_with_the_line_of_the_error() {
        assertThatThrownBy(() -> ImdrfReleaseFile.read(ImdrfAnnex.B, "9", new StringReader("[\n{\"code\": \"B01\",\n")))
                .isInstanceOfSatisfying(ImdrfReleaseFile.InvalidRelease.class, e -> assertThat(e.problems())
                        .anySatisfy(problem -> assertThat(problem).contains("line")));
        assertThatThrownBy(() -> ImdrfReleaseFile.read(ImdrfAnnex.B, "9", new StringReader("{\"code\": 1}")))
                .isInstanceOfSatisfying(ImdrfReleaseFile.InvalidRelease.class, e -> assertThat(e.problems())
                        .anySatisfy(problem -> assertThat(problem).contains("JSON array")));
    }

    @Test
    void a_release_label_already_loaded_is_refused_so_a_release_is_never_overwritten() {
        assertThatThrownBy(() -> testData.asPlatform(() -> imdrf.load(ImdrfAnnex.B, "2022",
                new StringReader("[]"), "again.json")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("version")));
    }
}
