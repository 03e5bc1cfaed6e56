package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mir validate FILE}: exit 0 and {@code valid (CHECK)} for a valid MIR, one line per problem
 * ({@code XPATH  §N section  message}) and exit 1 for an invalid one, one message and exit 1 for a hostile or
 * unreadable file, exit 2 for a usage error (MDR Art. 87 reports checked before they are sent; 21 CFR 11.10(a),
 * operator tools behave as documented).
 */
class MirValidateCommandTests {

    private static final String CANARY_TEXT = "CANARY-cli-0815";

    @TempDir
    Path temp;

    private static CommandOutcome mir(String... arguments) {
        return CommandOutcome.of(MirValidateCommand::run, arguments);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MirValidateCommandTests.class.getResourceAsStream("/org/vigil/mir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_valid_eudamed_mir_prints_valid_with_the_check_applied_and_exits_0() throws IOException {
        var outcome = mir(file("mir.xml", resource("eudamed/mir_2-minimal.xml")).toString());
        assertThat(outcome.status()).as(outcome.toString()).isZero();
        assertThat(outcome.out()).isEqualTo("valid (EUDAMED mir_2Type, DTX 3.0.25)" + System.lineSeparator());
    }

    @Test
    void an_invalid_mir_prints_one_line_per_problem_with_xpath_section_and_message_and_exits_1() throws IOException {
        String xml = resource("eudamed/mir_2-minimal.xml")
                .replace("<vig:deviceInformationTab/>", "<vig:deviceInformationTab><vig:colour>blue</vig:colour>"
                        + "</vig:deviceInformationTab>")
                .replace(">2026-10-03<", ">yesterday<");
        var outcome = mir(file("mir.xml", xml).toString());
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.out().lines().toList()).containsExactly(
                "/vig:mir_2Element/vig:mir_2/vig:administrativeInformation/vig:dateOfIncidentSection/"
                        + "vig:mfAwarenessDate  §1 administrative information  'yesterday' is not a valid date "
                        + "(a date is written YYYY-MM-DD). (line 11)",
                "/vig:mir_2Element/vig:mir_2/vig:deviceInformationTab/vig:colour  §2 device  Element colour is not "
                        + "allowed here; the schema expects one of: mirDeviceInformation. (line 14)",
                "invalid (EUDAMED mir_2Type, DTX 3.0.25): 2 problems");
    }

    @Test
    void the_unofficial_mir_form_example_is_valid_by_the_structural_check_the_output_names() throws IOException {
        var outcome = mir(file("form.xml", resource("form/strict_002_01.xml")).toString());
        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).startsWith("valid (MIR form 7.3.1, Vigil's structural check");
    }

    @Test
    void a_file_with_an_external_entity_is_refused_with_the_doctype_message_and_exit_1() throws IOException {
        Path canary = file("canary.txt", CANARY_TEXT);
        Path hostile = file("hostile.xml", "<!DOCTYPE incident [<!ENTITY xxe SYSTEM \"" + canary.toUri() + "\">]>"
                + "<incident version=\"7.3.1\">&xxe;</incident>");
        var outcome = mir(hostile.toString());
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains("refused: The file declares a DTD (DOCTYPE); Vigil does not read DTDs, "
                + "remove it.");
        assertThat(outcome.out() + outcome.err()).doesNotContain(CANARY_TEXT);
    }

    @Test
    void deep_nesting_and_a_file_over_the_configured_size_are_refused_with_exit_1() throws IOException {
        var deep = mir(file("deep.xml", "<incident version=\"7.3.1\">"
                + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</incident>").toString());
        assertThat(deep.status()).isEqualTo(1);
        assertThat(deep.err()).contains("more than 200 levels deep");

        var large = mir(file("form.xml", resource("form/strict_002_01.xml")).toString(),
                "--vigil.xml.max-bytes=1000");
        assertThat(large.status()).isEqualTo(1);
        assertThat(large.err()).contains("The file is larger than 1000 bytes");
    }

    @Test
    void a_missing_file_is_exit_1_and_usage_errors_are_exit_2() {
        var missing = mir(temp.resolve("nothing.xml").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");

        assertThat(mir().status()).isEqualTo(2);
        assertThat(mir("a.xml", "b.xml").status()).isEqualTo(2);
        var badLimit = mir("a.xml", "--vigil.xml.max-depth=deep");
        assertThat(badLimit.status()).isEqualTo(2);
        assertThat(badLimit.err()).contains("vigil.xml.max-depth must be a whole number");
        var noFolder = mir("a.xml", "--vigil.mir.form-xsd-dir=" + temp.resolve("absent"));
        assertThat(noFolder.status()).isEqualTo(2);
        assertThat(noFolder.err()).contains("is not a folder");
    }
}
