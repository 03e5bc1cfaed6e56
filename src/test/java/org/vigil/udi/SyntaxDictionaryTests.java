package org.vigil.udi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.vigil.udi.gs1.AiDefinition;
import org.vigil.udi.gs1.CharacterSet;
import org.vigil.udi.gs1.SyntaxDictionary;

/** The vendored GS1 Barcode Syntax Dictionary (release 2026-01-27) is interpreted at run time. */
class SyntaxDictionaryTests {

    private final SyntaxDictionary dictionary = SyntaxDictionary.standard();

    @Test
    void the_vendored_dictionary_is_the_unchanged_gs1_release_recorded_in_SOURCE_md() throws Exception {
        byte[] file;
        try (var in = SyntaxDictionary.class.getResourceAsStream("gs1-syntax-dictionary.txt")) {
            file = in.readAllBytes();
        }
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
        String source;
        try (var in = SyntaxDictionary.class.getResourceAsStream("SOURCE.md")) {
            source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(source).contains(sha256);
        assertThat(new String(file, java.nio.charset.StandardCharsets.UTF_8)).contains("# Release: 2026-01-27");
    }

    @Test
    void every_ai_line_and_range_is_loaded() {
        // 224 entries in the file; ranges such as 3100-3105 and 91-99 expand to one AI each: 541 AIs
        assertThat(dictionary.definitions()).hasSize(541);
        assertThat(dictionary.lookup("3105")).isNotNull();
        assertThat(dictionary.lookup("3106")).isNull();
        assertThat(dictionary.lookup("99").title()).isEqualTo("INTERNAL");
    }

    @Test
    void gtin_entry_is_compiled_with_flags_components_and_attributes() {
        AiDefinition gtin = dictionary.lookup("01");
        assertThat(gtin.predefinedLength()).isTrue();
        assertThat(gtin.dlAttribute()).isTrue();
        assertThat(gtin.formatNotation()).isEqualTo("N14");
        assertThat(gtin.components().getFirst().characterSet()).isEqualTo(CharacterSet.NUMERIC);
        // "N14,csum,gcppos2": gcppos2 cannot fail on 14 digits, so the compiled table keeps only csum
        assertThat(gtin.components().getFirst().linters()).extracting(l -> l.dictionaryName())
                .containsExactly("csum");
        assertThat(dictionary.lookup("8004").components().getFirst().linters()).extracting(l -> l.dictionaryName())
                .containsExactly("gcppos1");
        assertThat(gtin.excludes()).extracting(p -> p.text()).containsExactly("255", "37");
        assertThat(gtin.dlPrimaryKey()).isTrue();
        assertThat(gtin.dlQualifierPaths()).containsExactly(java.util.List.of("22", "10", "21"),
                java.util.List.of("235"));
    }

    @Test
    void optional_components_and_variable_lengths_GS1_Syntax_Dictionary_format() {
        AiDefinition gdti = dictionary.lookup("253");
        assertThat(gdti.formatNotation()).isEqualTo("N13 [X..17]");
        assertThat(gdti.minLength()).isEqualTo(13);
        assertThat(gdti.maxLength()).isEqualTo(30);
        assertThat(dictionary.lookup("8030").components().getFirst().characterSet()).isEqualTo(CharacterSet.CSET64);
        assertThat(dictionary.lookup("8010").components().getFirst().characterSet()).isEqualTo(CharacterSet.CSET39);
    }

    @Test
    void ai_length_follows_from_the_first_two_digits_GenSpecs_figure_5_10_1_1() {
        assertThat(dictionary.aiLength('0', '1')).isEqualTo(2);
        assertThat(dictionary.aiLength('2', '3')).isEqualTo(3);
        assertThat(dictionary.aiLength('3', '1')).isEqualTo(4);
        assertThat(dictionary.aiLength('8', '9')).isZero();
    }

    @Test
    void a_dictionary_line_in_the_published_format_is_parsed() throws IOException {
        SyntaxDictionary small = SyntaxDictionary.parse(new StringReader("""
                # comment
                01 *?  N14,csum,gcppos2  ex=255,37 dlpkey=22,10,21|235  # GTIN
                7777   X2 [N..3],futurelinter  req=01+10,02  # TEST
                """));
        assertThat(small.lookup("7777").requires()).hasSize(1);
        assertThat(small.lookup("7777").requires().getFirst()).hasSize(2);
        assertThat(small.skippedLinters()).containsExactly("futurelinter");
    }

    @Test
    void csets_are_those_of_GenSpecs_7_11() {
        assertThat(CharacterSet.CSET82.firstInvalid("!\"%&'()*+,-./09:;<=>?AZ_az", 0, 26)).isEqualTo(-1);
        assertThat(CharacterSet.CSET82.firstInvalid("A#", 0, 2)).isEqualTo(1);
        assertThat(CharacterSet.CSET39.firstInvalid("#-/0AZ", 0, 6)).isEqualTo(-1);
        assertThat(CharacterSet.CSET39.firstInvalid("a", 0, 1)).isZero();
        assertThat(CharacterSet.CSET64.firstInvalid("Ab9-_==", 0, 7)).isEqualTo(-1);
        assertThat(CharacterSet.CSET64.firstInvalid("A=b", 0, 3)).isEqualTo(1);
    }
}
