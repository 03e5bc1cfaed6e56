package org.vigil.udi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.udi.gs1.Gs1Linter;
import org.vigil.udi.gs1.SyntaxDictionary;

/**
 * Each GS1 Barcode Syntax Test ("linter") named in the Syntax Dictionary, with a passing and a failing
 * value taken from the definitions in the GS1 General Specifications (section in the test name).
 */
class Gs1LinterTests {

    @ParameterizedTest(name = "{0} accepts \"{1}\", rejects \"{2}\" at {3}")
    @CsvSource(delimiter = '|', value = {
        "csum|09506000134352|09506000134353|13",
        "csumalpha|1987654Ad4X4bL5ttr2310c2K|1987654Ad4X4bL5ttr2310c2L|23",
        "gcppos1|0950ABC|09X0ABC|2",
        "gcppos2|109506|1A9506|1",
        "iso3166|276|999|0",
        "iso3166999|999|998|0",
        "iso3166alpha2|DE|XX|0",
        "iso4217|978|000|0",
        "iso5218|2|3|0",
        "yymmd0|240200|240230|4",
        "yymmdd|240229|240200|4",
        "yyyymmdd|20240229|20230229|6",
        "yyyymmd0|20230200|20231300|4",
        "hhmi|2359|2360|2",
        "hhmm|0000|2400|0",
        "hh|23|24|0",
        "mi|59|60|0",
        "ss|00|61|0",
        "hyphen|-|+|0",
        "yesno|1|2|0",
        "nonzero|0001|0000|0",
        "zero|0|1|0",
        "winding|9|2|0",
        "pieceoftotal|0203|0302|0",
        "posinseqslash|1/2|3/2|0",
        "mediatype|10|11|0",
        "latitude|1800000000|1800000001|0",
        "longitude|3600000000|3600000001|0",
        "importeridx|_|#|0",
        "iban|GB82WEST12345698765432|GB82WEST12345698765433|2",
        "hasnondigit|12A|123|0",
        "nozeroprefix|10|01|0",
        "pcenc|A%20B|A%2GB|1",
    })
    void linter_accepts_valid_and_explains_invalid_data_GenSpecs_and_GS1_Barcode_Syntax_Tests(String name,
            String good, String bad, int offset) {
        Gs1Linter linter = Arrays.stream(Gs1Linter.values()).filter(l -> l.dictionaryName().equals(name)).findFirst()
                .orElseThrow();
        assertThat(linter.lint(good, 2026)).as(good).isNull();
        assertThat(linter.lint(bad, 2026)).as(bad).isNotNull()
                .satisfies(f -> {
                    assertThat(f.offset()).isEqualTo(offset);
                    assertThat(f.reason()).isNotBlank();
                });
    }

    @Test
    void every_linter_named_in_the_dictionary_is_implemented_or_listed_as_deliberately_left_out() throws Exception {
        Set<String> named = new TreeSet<>();
        try (var in = SyntaxDictionary.class.getResourceAsStream("gs1-syntax-dictionary.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String spec = line.replaceAll("#.*", "").strip();
                if (spec.isEmpty()) {
                    continue;
                }
                var matcher = java.util.regex.Pattern.compile(",([a-z][a-z0-9]*)").matcher(spec);
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }
        Set<String> implemented = Arrays.stream(Gs1Linter.values()).map(Gs1Linter::dictionaryName)
                .collect(Collectors.toSet());
        assertThat(named).hasSize(34);
        assertThat(SyntaxDictionary.standard().skippedLinters()).isEqualTo(Gs1Linter.NOT_IMPLEMENTED);
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(implemented);
        assertThat(missing).isEqualTo(new TreeSet<>(Gs1Linter.NOT_IMPLEMENTED));
    }

    @Test
    void pcenc_rejects_a_truncated_percent_sequence_at_the_end() {
        assertThat(Gs1Linter.PCENC.lint("AB%2", 2026)).isNotNull().extracting(f -> f.offset()).isEqualTo(2);
    }

    @Test
    void yymmd0_resolves_the_century_before_judging_february_29_GenSpecs_7_12() {
        // "00" read in 2026 is 2000, a leap year; read in 2060 it is 2100, which is not
        assertThat(Gs1Linter.YYMMD0.lint("000229", 2026)).isNull();
        assertThat(Gs1Linter.YYMMD0.lint("000229", 2060)).isNotNull();
    }
}
