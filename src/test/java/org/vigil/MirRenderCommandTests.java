package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.mir.MirForm;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportRules;
import org.vigil.mir.MirReportType;
import org.vigil.mir.model.MirReportExamples;
import org.vigil.mir.model.Records;

/**
 * {@code mir render FILE --pdf OUT}: a MIR form 7.3.1 file (MDR Art. 87; MDCG 2023-3) becomes its PDF, always marked
 * as a draft (approval is an electronic signature in Vigil, 21 CFR 11.50); rule problems are warnings and listed in
 * the PDF; a hostile, invalid or missing file is one message and exit 1 with nothing written; usage errors exit 2
 * (21 CFR 11.10(a), operator tools behave as documented).
 */
class MirRenderCommandTests {

    private static final String CANARY_TEXT = "CANARY-render-4242";

    @TempDir
    Path temp;

    private static CommandOutcome mir(String... arguments) {
        return CommandOutcome.of(MirRenderCommand::run, arguments);
    }

    private Path form(String name, MirReport report) throws IOException {
        return Files.write(temp.resolve(name), MirForm.write(report));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void a_valid_form_is_written_as_a_pdf_marked_draft_with_exit_0_and_no_warning() throws IOException {
        Path xml = form("mir.xml", MirReportExamples.complete(MirReportType.FOLLOW_UP));
        Path pdf = temp.resolve("mir.pdf");
        var outcome = mir(xml.toString(), "--pdf", pdf.toString());
        assertThat(outcome.status()).as(outcome.toString()).isZero();
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.out()).isEqualTo("written " + pdf + " (DRAFT, not approved for submission)"
                + System.lineSeparator());
        String text = pdfText(pdf);
        assertThat(text).contains("DRAFT — not approved for submission", "Follow up",
                "1.1 Manufacturer's reference number VDM-MIR-2026-017", "page 1 of")
                .doesNotContain("to resolve before submission");
    }

    @Test
    void a_form_the_rules_find_fault_with_is_still_rendered_with_each_problem_as_warning_and_in_the_pdf()
            throws IOException {
        MirReport report = MirReportExamples.complete(MirReportType.FINAL_REPORTABLE);
        report = MirReportExamples.withInvestigation(report, Records.with(report.investigation(), "rootCause", null));
        List<MirProblem> problems = MirReportRules.check(report);
        assertThat(problems).isNotEmpty();
        Path pdf = temp.resolve("final.pdf");
        var outcome = mir(form("final.xml", report).toString(), "--pdf=" + pdf);
        assertThat(outcome.status()).as(outcome.toString()).isZero();
        assertThat(outcome.out()).contains(problems.size() + (problems.size() == 1 ? " warning)" : " warnings)"));
        for (MirProblem problem : problems) {
            assertThat(outcome.err()).contains("mir render: warning: " + problem.xpath() + "  "
                    + problem.mirSection() + "  " + problem.message());
        }
        assertThat(pdfText(pdf).replace(" ", "")).contains("toresolvebeforesubmission",
                problems.getFirst().message().replace(" ", ""));
    }

    @Test
    void an_element_vigil_does_not_know_is_a_warning_and_the_rest_is_rendered() throws IOException {
        String xml = new String(MirForm.write(MirReportExamples.complete(MirReportType.INITIAL)),
                StandardCharsets.UTF_8).replace("</device_info>", "<colour>blue</colour></device_info>");
        Path pdf = temp.resolve("out.pdf");
        var outcome = mir(file("mir.xml", xml).toString(), "--pdf", pdf.toString());
        assertThat(outcome.status()).as(outcome.toString()).isZero();
        assertThat(outcome.err()).contains("warning: /incident/device_info/colour  §2 device");
        assertThat(pdfText(pdf)).contains("InfuStar 3");
    }

    @Test
    void an_external_entity_is_refused_with_exit_1_nothing_is_written_and_the_local_file_never_appears()
            throws IOException {
        Path canary = file("canary.txt", CANARY_TEXT);
        Path hostile = file("hostile.xml", "<!DOCTYPE incident [<!ENTITY xxe SYSTEM \"" + canary.toUri() + "\">]>"
                + "<incident version=\"7.3.1\"><admin_info><ncaName>&xxe;</ncaName></admin_info></incident>");
        Path pdf = temp.resolve("hostile.pdf");
        var outcome = mir(hostile.toString(), "--pdf", pdf.toString());
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains("refused: The file declares a DTD (DOCTYPE); Vigil does not read DTDs");
        assertThat(outcome.out() + outcome.err()).doesNotContain(CANARY_TEXT);
        assertThat(pdf).doesNotExist();
    }

    @Test
    void a_billion_laughs_deep_nesting_and_a_file_over_the_size_limit_are_refused_with_exit_1() throws IOException {
        Path pdf = temp.resolve("out.pdf");
        var bomb = mir(file("bomb.xml", "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<incident version=\"7.3.1\">&lol2;</incident>").toString(), "--pdf", pdf.toString());
        assertThat(bomb.status()).isEqualTo(1);
        assertThat(bomb.err()).contains("DTD");

        var deep = mir(file("deep.xml", "<incident version=\"7.3.1\">" + "<a>".repeat(10_000)
                + "</a>".repeat(10_000) + "</incident>").toString(), "--pdf", pdf.toString());
        assertThat(deep.status()).isEqualTo(1);
        assertThat(deep.err()).contains("more than 200 levels deep");

        var large = mir(form("large.xml", MirReportExamples.complete(MirReportType.INITIAL)).toString(),
                "--pdf", pdf.toString(), "--vigil.xml.max-bytes=1000");
        assertThat(large.status()).isEqualTo(1);
        assertThat(large.err()).contains("The file is larger than 1000 bytes");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void a_file_that_is_not_a_mir_form_or_is_missing_is_exit_1_with_one_message() throws IOException {
        Path pdf = temp.resolve("out.pdf");
        var other = mir(file("other.xml", "<mir_2Element/>").toString(), "--pdf", pdf.toString());
        assertThat(other.status()).isEqualTo(1);
        assertThat(other.err()).contains("This is not a MIR 7.3.1 form: the root element is mir_2Element");

        var broken = mir(file("broken.xml", "<incident version=\"7.3.1\"><admin_info>").toString(),
                "--pdf", pdf.toString());
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).contains("not well-formed");

        var missing = mir(temp.resolve("nothing.xml").toString(), "--pdf", pdf.toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void usage_errors_are_exit_2_and_an_existing_file_that_is_not_a_pdf_is_never_overwritten() throws IOException {
        Path xml = form("mir.xml", MirReportExamples.complete(MirReportType.INITIAL));
        String original = Files.readString(xml);
        assertThat(mir().status()).isEqualTo(2);
        assertThat(mir(xml.toString()).status()).as("no --pdf").isEqualTo(2);
        assertThat(mir(xml.toString(), "--pdf").err()).contains("--pdf needs the PDF file to write");
        assertThat(mir(xml.toString(), "other.xml", "--pdf", "out.pdf").status()).isEqualTo(2);
        var badLimit = mir(xml.toString(), "--pdf", temp.resolve("a.pdf").toString(), "--vigil.xml.max-depth=deep");
        assertThat(badLimit.status()).isEqualTo(2);
        assertThat(badLimit.err()).contains("vigil.xml.max-depth must be a whole number");

        var ontoItself = mir(xml.toString(), "--pdf", xml.toString());
        assertThat(ontoItself.status()).isEqualTo(2);
        assertThat(ontoItself.err()).contains("would overwrite the form");
        Path notes = file("notes.txt", "keep me");
        var ontoText = mir(xml.toString(), "--pdf", notes.toString());
        assertThat(ontoText.status()).isEqualTo(2);
        assertThat(ontoText.err()).contains("exists and is not a PDF");
        assertThat(mir(xml.toString(), "--pdf", temp.toString()).err()).contains("is a folder");
        assertThat(Files.readString(xml)).isEqualTo(original);
        assertThat(Files.readString(notes)).isEqualTo("keep me");
    }

    @Test
    void an_earlier_pdf_is_replaced_by_the_new_one() throws IOException {
        Path pdf = temp.resolve("mir.pdf");
        assertThat(mir(form("a.xml", MirReportExamples.complete(MirReportType.INITIAL)).toString(), "--pdf",
                pdf.toString()).status()).isZero();
        assertThat(pdfText(pdf)).contains("· Initial ·");
        assertThat(mir(form("b.xml", MirReportExamples.complete(MirReportType.FOLLOW_UP)).toString(), "--pdf",
                pdf.toString()).status()).isZero();
        assertThat(pdfText(pdf)).contains("· Follow up ·");
        try (var files = Files.list(temp)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
    }
}
