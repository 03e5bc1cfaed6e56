package org.vigil.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.support.IntegrationTest;
import org.vigil.terminology.domain.EmdnRelease;

/** The EMDN (MDR Art. 26) as shipped: all of EMDN V2, its tree, and search by code and by word. */
@IntegrationTest
class EmdnTests {

    @Autowired
    Emdn emdn;

    @Test
    void the_bundled_emdn_v2_is_loaded_with_all_8455_terms() {
        assertThat(emdn.currentVersion()).hasValue("EMDN V2");
        assertThat(emdn.children(null)).hasSize(23).first().satisfies(category -> {
            assertThat(category.code()).isEqualTo("A");
            assertThat(category.level()).isEqualTo(1);
        });
    }

    @Test
    void a_code_is_found_with_its_place_in_the_tree() {
        var needles = emdn.find("a0101").orElseThrow();
        assertThat(needles.term()).isEqualTo("NEEDLES FOR INFUSION AND SAMPLING");
        assertThat(needles.level()).isEqualTo(3);
        assertThat(emdn.path("A0101")).extracting(EmdnTerm::code).containsExactly("A", "A01", "A0101");
        assertThat(emdn.children("A01")).extracting(EmdnTerm::parentCode).containsOnly("A01");
    }

    @Test
    void a_term_quoted_across_two_lines_in_the_commission_file_is_read_whole() {
        assertThat(emdn.find("H01010102")).get().extracting(EmdnTerm::term)
                .isEqualTo("MULTIFILAMENT SYNTHETIC ABSORBABLE SUTURES");
    }

    @Test
    void search_finds_codes_by_prefix_and_terms_by_a_word_inside_them() {
        assertThat(emdn.search("A0101", 10)).first().extracting(EmdnTerm::code).isEqualTo("A0101");
        assertThat(emdn.search("hip", 50)).isNotEmpty()
                .allSatisfy(term -> assertThat(term.code().startsWith("HIP") || term.term().contains("HIP")).isTrue());
        assertThat(emdn.search("N_EDLES", 10)).as("_ is a character, not a wildcard").isEmpty();
    }

    @Test
    void a_release_file_with_errors_is_refused_whole_with_every_problem_and_its_line() {
        String file = "EMDN V9\nCATEGORY\tCATEGORY DESCRIPTION\tCODE\tTERM\tLEVEL\tTERMINAL LEVEL YES/NO\n"
                + "Z\tNOTHING\tZ\tNOTHING\t1\tNO\n"
                + "Z\tNOTHING\tZ0101\tORPHAN\t3\tYES\n"
                + "Z\tNOTHING\tz9\tBAD CODE\t2\tYES\n";
        assertThatThrownBy(() -> EmdnRelease.read(new StringReader(file)))
                .isInstanceOfSatisfying(EmdnRelease.InvalidRelease.class, e -> assertThat(e.problems())
                        .anySatisfy(problem -> assertThat(problem).contains("line 5").contains("z9"))
                        .anySatisfy(problem -> assertThat(problem).contains("Z0101").contains("parent Z01")));
    }
}
