package org.vigil.udi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fuzz test of the parser contract stated on {@link Udi}: whatever the input, nothing is thrown and every
 * problem position lies within {@code [0, input length]}; the JSON writer and the GS1/Basic UDI-DI
 * helpers hold the same promise.
 *
 * <p>Runs only in the dedicated Surefire execution {@code fuzz} (own fork, see pom.xml), which sets
 * {@code vigil.fuzz.fork}. Without {@code JAZZER_FUZZ} it replays the seed corpus in
 * {@code src/test/resources/org/vigil/udi/UdiParserFuzzTestsInputs/}; with {@code JAZZER_FUZZ=1} it
 * fuzzes for {@code maxDuration}.
 */
@EnabledIfSystemProperty(named = "vigil.fuzz.fork", matches = "true")
class UdiParserFuzzTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @FuzzTest(maxDuration = "60s")
    void parser_never_throws_and_every_error_position_lies_in_the_input(byte[] data) throws IOException {
        String latin1 = new String(data, StandardCharsets.ISO_8859_1);
        check(latin1);
        check(new String(data, StandardCharsets.UTF_8));

        int half = latin1.length() / 2;
        check(Udi.parseHibcc(latin1.substring(0, half), latin1.substring(half)));

        for (Gs1Symbology symbology : new Gs1Symbology[] {Gs1Symbology.QR, Gs1Symbology.GS1_128, Gs1Symbology.UPC_E,
                Gs1Symbology.DATABAR_EXPANDED}) {
            positionsWithin(Gs1.toScanData(latin1, symbology), latin1);
        }
        positionsWithin(Gs1.toDigitalLink(latin1, "https://example.com"), latin1);
        BasicUdiDiCheck basic = BasicUdiDi.check(latin1);
        for (UdiProblem p : basic.problems()) {
            within(p, latin1);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long lines = UdiJsonLines.process(new ByteArrayInputStream(data), out);
        long newlines = out.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        if (newlines != lines) {
            throw new AssertionError("one JSON line per input line expected: " + lines + " vs " + newlines);
        }
    }

    private static void check(UdiResult result) {
        for (UdiProblem p : result.problems()) {
            within(p, result.input());
        }
        if (result.valid() != result.problems().isEmpty()) {
            throw new AssertionError("valid must mean no problems");
        }
        String json = UdiJson.toJson(result);
        for (int i = 0; i < json.length(); i++) {
            if (json.charAt(i) < 0x20) {
                throw new AssertionError("raw control character in JSON at " + i);
            }
        }
    }

    private static void check(String input) {
        UdiResult result = Udi.parse(input, CLOCK);
        if (!result.input().equals(input)) {
            throw new AssertionError("input not echoed");
        }
        check(result);
    }

    private static void positionsWithin(Conversion conversion, String input) {
        for (UdiProblem p : conversion.problems()) {
            within(p, input);
        }
    }

    private static void within(UdiProblem p, String input) {
        if (p.position() < 0 || p.position() > input.length()) {
            throw new AssertionError("position " + p.position() + " outside [0, " + input.length() + "]: "
                    + p.message());
        }
    }
}
