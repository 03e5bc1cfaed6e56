package org.vigil.udi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** EU Basic UDI-DI forms of the four issuing entities (MDR Annex VI Part C 3.4; MDCG 2019-1). */
class BasicUdiDiTests {

    @Test
    void hibcc_basic_udi_di_example_from_eudamed_guidance() {
        BasicUdiDiCheck check = BasicUdiDi.check("++A999MODELIDENTIFIER11S8");
        assertThat(check.problems()).isEmpty();
        assertThat(check.issuer()).isEqualTo(IssuingEntity.HIBCC);
        assertThat(BasicUdiDi.check("++A999MODELIDENTIFIER11S9").problems()).singleElement()
                .satisfies(p -> assertThat(p.position()).isEqualTo(23));
        assertThat(BasicUdiDi.addCheckCharacters(IssuingEntity.HIBCC, "++A999MODELIDENTIFIER11").value())
                .isEqualTo("++A999MODELIDENTIFIER11S8");
        assertThat(BasicUdiDi.check("++9999MODEL12").problems()).singleElement().extracting(UdiProblem::message)
                .asString().contains("capital letter");
    }

    @Test
    void ifa_basic_udi_di_example_from_ifa_specification_nov_2019() {
        assertThat(BasicUdiDi.check("PP12345ABCD.12345678.9004").valid()).isTrue();
        assertThat(BasicUdiDi.check("PP12345ABCD.12345678.9004").issuer()).isEqualTo(IssuingEntity.IFA);
        assertThat(BasicUdiDi.check("PP12345ABCD.12345678.9005").checkCharacters()).isEqualTo("04");
        assertThat(BasicUdiDi.check("PP1234XABCD04").problems()).singleElement().extracting(UdiProblem::position)
                .isEqualTo(6);
        assertThat(BasicUdiDi.checkCharacters(IssuingEntity.IFA, "PP12345ABCD.12345678.90").value()).isEqualTo("04");
    }

    @Test
    void gs1_gmn_basic_udi_di_GenSpecs_7_9_5() {
        assertThat(BasicUdiDi.check("1987654Ad4X4bL5ttr2310c2K").issuer()).isEqualTo(IssuingEntity.GS1);
        assertThat(BasicUdiDi.check("1987654Ad4X4bL5ttr2310c2K").valid()).isTrue();
    }

    @Test
    void iccbba_basic_udi_di_uses_iso_7064_mod_37_2() {
        Conversion withCheck = BasicUdiDi.addCheckCharacters(IssuingEntity.ICCBBA, "A9999MODEL7");
        assertThat(withCheck.succeeded()).isTrue();
        assertThat(BasicUdiDi.check(withCheck.value()).valid()).isTrue();
        assertThat(BasicUdiDi.check(withCheck.value()).issuer()).isEqualTo(IssuingEntity.ICCBBA);
        // the Red Book DIN example: G123498654321 has check character H
        assertThat(BasicUdiDi.checkCharacters(IssuingEntity.ICCBBA, "G123498654321").value()).isEqualTo("H");
    }

    @Test
    void longer_than_25_characters_or_unknown_prefix_is_rejected_MDCG_2019_1() {
        assertThat(BasicUdiDi.check("PP12345ABCDEFGHIJKLMNOPQRS04").problems()).singleElement()
                .extracting(UdiProblem::message).asString().contains("at most 25");
        assertThat(BasicUdiDi.check("#ABC").issuer()).isNull();
        assertThat(BasicUdiDi.check("").valid()).isFalse();
    }
}
