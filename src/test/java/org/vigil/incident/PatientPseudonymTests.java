package org.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vigil.incident.domain.PatientPseudonym;

/** Patient pseudonyms (GDPR Art. 4(5)): stable within a hospital, unlinkable across hospitals, irreversible. */
class PatientPseudonymTests {

    static final byte[] MASTER = "a master key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HOSPITAL_A = PatientPseudonym.hospitalKey(MASTER, "6f1c2d3e-0000-4000-8000-00000000000a");
    static final byte[] HOSPITAL_B = PatientPseudonym.hospitalKey(MASTER, "6f1c2d3e-0000-4000-8000-00000000000b");

    @Test
    void the_same_patient_in_the_same_hospital_always_gets_the_same_pseudonym_GDPR_Art_4_5() {
        assertThat(PatientPseudonym.of(HOSPITAL_A, "131052-308T"))
                .isEqualTo(PatientPseudonym.of(HOSPITAL_A, " 131052-308t "));
    }

    @Test
    void the_same_patient_gets_unrelated_pseudonyms_in_two_hospitals() {
        assertThat(PatientPseudonym.of(HOSPITAL_A, "131052-308T"))
                .isNotEqualTo(PatientPseudonym.of(HOSPITAL_B, "131052-308T"));
    }

    @Test
    void a_pseudonym_shows_nothing_of_the_identifier_and_has_a_fixed_shape() {
        var pseudonym = PatientPseudonym.of(HOSPITAL_A, "MRN-0042");
        assertThat(pseudonym.value()).matches("P1-[A-Z2-7]{26}").doesNotContain("0042");
    }

    @Test
    void distinct_identifiers_give_distinct_pseudonyms() {
        var random = new Random(4242);
        var seen = new HashSet<PatientPseudonym>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.add(PatientPseudonym.of(HOSPITAL_A, "MRN-" + random.nextLong()))).isTrue();
        }
    }

    @Test
    void an_empty_identifier_has_no_pseudonym() {
        assertThatThrownBy(() -> PatientPseudonym.of(HOSPITAL_A, "   ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_value_that_is_not_a_pseudonym_is_refused() {
        assertThatThrownBy(() -> new PatientPseudonym("131052-308T")).isInstanceOf(IllegalArgumentException.class);
    }
}
