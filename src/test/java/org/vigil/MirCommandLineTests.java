package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar vigil.jar mir validate} is a command of the catalogue: listed in the help, with its own usage, and
 * run without Spring or a database (21 CFR 11.10(a), operator tools behave as documented).
 */
class MirCommandLineTests {

    @TempDir
    Path temp;

    record Outcome(int status, String out, String err) {
    }

    private static synchronized Outcome vigil(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = VigilApplication.run(args);
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void the_help_lists_mir_validate_and_its_usage_explains_the_exit_status() {
        assertThat(vigil("--help").out()).contains("mir validate");
        var usage = vigil("mir", "validate", "--help");
        assertThat(usage.status()).isZero();
        assertThat(usage.out()).contains("Usage: java -jar vigil.jar mir validate FILE",
                "Exit status: 0 valid, 1 invalid, refused or unreadable, 2 usage error.");
    }

    @Test
    void mir_validate_runs_through_the_command_line_and_answers_its_exit_status() throws IOException {
        Path mir = temp.resolve("mir.xml");
        try (InputStream in = getClass().getResourceAsStream("/org/vigil/mir/eudamed/mir_2-minimal.xml")) {
            Files.copy(in, mir);
        }
        var valid = vigil("mir", "validate", mir.toString());
        assertThat(valid.status()).as(valid.toString()).isZero();
        assertThat(valid.out()).contains("valid (EUDAMED mir_2Type, DTX 3.0.25)");

        Files.writeString(mir, "<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>");
        var refused = vigil("mir", "validate", mir.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("Vigil does not read DTDs");

        assertThat(vigil("mir", "validate").status()).isEqualTo(2);
    }
}
