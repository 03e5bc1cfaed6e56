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
import org.vigil.mir.MirForm;
import org.vigil.mir.MirReportType;
import org.vigil.mir.model.MirReportExamples;

/**
 * {@code java -jar vigil.jar mir validate} and {@code mir render} are commands of the catalogue: listed in the help,
 * with their own usage, and run without Spring or a database (21 CFR 11.10(a), operator tools behave as documented).
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

    @Test
    void the_help_lists_mir_render_and_its_usage_explains_the_draft_and_the_exit_status() {
        assertThat(vigil("--help").out()).contains("mir render");
        var usage = vigil("mir", "render", "--help");
        assertThat(usage.status()).isZero();
        assertThat(usage.out()).contains("Usage: java -jar vigil.jar mir render FILE --pdf OUT",
                "DRAFT — not approved for submission",
                "Exit status: 0 written, 1 file invalid, refused or unreadable");
    }

    @Test
    void mir_render_takes_the_pdf_after_the_option_wherever_the_option_stands() throws IOException {
        Path form = Files.write(temp.resolve("form.xml"),
                MirForm.write(MirReportExamples.complete(MirReportType.INITIAL)));
        Path first = temp.resolve("first.pdf");
        var written = vigil("mir", "render", form.toString(), "--pdf", first.toString());
        assertThat(written.status()).as(written.toString()).isZero();
        assertThat(Files.readAllBytes(first)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));

        Path second = temp.resolve("second.pdf");
        var optionFirst = vigil("mir", "render", "--pdf", second.toString(), form.toString());
        assertThat(optionFirst.status()).as(optionFirst.toString()).isZero();
        assertThat(second).exists();
        assertThat(Files.readAllBytes(form)).isEqualTo(MirForm.write(MirReportExamples.complete(MirReportType.INITIAL)));

        assertThat(vigil("mir", "render", form.toString()).status()).isEqualTo(2);
    }
}
