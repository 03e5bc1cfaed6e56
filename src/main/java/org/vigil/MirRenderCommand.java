package org.vigil;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vigil.mir.MirForm;
import org.vigil.mir.MirFormImport;
import org.vigil.mir.MirPdf;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReportRules;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.shared.xml.XmlRefusedException;

/**
 * {@code java -jar vigil.jar mir render FILE --pdf OUT}: the PDF of a MIR form 7.3.1 XML file (MDR Art. 87; MDCG
 * 2023-3), made without Spring or a database. The file is read through the hardened reader; a form that Vigil's
 * rules for its report type find fault with is still rendered, each problem printed as a warning and listed in the
 * PDF. The PDF is always marked "DRAFT — not approved for submission": approval is an electronic signature given in
 * Vigil (21 CFR 11.50), never on the command line. Exit 0 written, 1 the file is invalid, hostile or unreadable or the
 * PDF cannot be written (one message), 2 usage error. Settings {@code --vigil.xml.max-bytes=N} and
 * {@code --vigil.xml.max-depth=N} as for {@code mir validate}.
 */
final class MirRenderCommand {

    static final String PDF_OPTION = "--pdf";

    private MirRenderCommand() {
    }

    /** Runs the command; the signature of a standalone command of the command catalogue. */
    static int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        List<String> pdfs = new ArrayList<>();
        for (int index = 0; index < arguments.size(); index++) {
            String argument = arguments.get(index);
            if (argument.equals(PDF_OPTION)) {
                if (index + 1 >= arguments.size() || arguments.get(index + 1).startsWith("--")) {
                    err.println("mir render: --pdf needs the PDF file to write, e.g. --pdf report.pdf");
                    return 2;
                }
                pdfs.add(arguments.get(++index));
            } else if (argument.startsWith(PDF_OPTION + "=")) {
                pdfs.add(argument.substring(PDF_OPTION.length() + 1));
            } else if (!argument.startsWith("--")) {
                files.add(argument);
            }
        }
        if (files.size() != 1 || pdfs.size() != 1 || pdfs.getFirst().isBlank()) {
            err.println("mir render: give exactly one FILE and --pdf OUT (see java -jar vigil.jar mir render --help)");
            return 2;
        }
        HardenedXml.Limits limits;
        try {
            limits = limits(arguments);
        } catch (IllegalArgumentException e) {
            err.println("mir render: " + e.getMessage());
            return 2;
        }
        Path file = Path.of(files.getFirst());
        Path pdf = Path.of(pdfs.getFirst());
        Optional<String> unsafeTarget = unsafeTarget(file, pdf);
        if (unsafeTarget.isPresent()) {
            err.println("mir render: " + unsafeTarget.get());
            return 2;
        }
        MirFormImport form;
        try (InputStream xml = Files.newInputStream(file)) {
            form = MirForm.read(xml, limits);
        } catch (NoSuchFileException e) {
            err.println("mir render: no such file: " + file);
            return 1;
        } catch (XmlRefusedException e) {
            err.println("mir render: " + file + " refused: " + e.plainMessage());
            return 1;
        } catch (InvalidInputException e) {
            err.println("mir render: " + file + ": " + e.errors().getFirst().message());
            return 1;
        } catch (IOException e) {
            err.println("mir render: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        List<MirProblem> problems = new ArrayList<>(form.problems());
        problems.addAll(MirReportRules.check(form.report()));
        for (MirProblem problem : problems) {
            err.println("mir render: warning: " + problem.xpath() + "  "
                    + (problem.mirSection().isEmpty() ? "document" : problem.mirSection()) + "  " + problem.message()
                    + (problem.line() > 0 ? " (line " + problem.line() + ")" : ""));
        }
        byte[] content = MirPdf.render(form.report(), Optional.empty());
        try {
            write(pdf, content);
        } catch (IOException e) {
            err.println("mir render: cannot write " + pdf + ": " + e.getMessage());
            return 1;
        }
        out.println("written " + pdf + " (DRAFT, not approved for submission"
                + (problems.isEmpty() ? "" : "; " + problems.size() + (problems.size() == 1 ? " warning" : " warnings"))
                + ")");
        return 0;
    }

    /**
     * Why writing {@code pdf} could destroy something: it is the form itself, a folder, or an existing file that is
     * not a PDF (a mistyped command must not overwrite the XML it was meant to read).
     */
    private static Optional<String> unsafeTarget(Path file, Path pdf) {
        try {
            if (Files.isDirectory(pdf)) {
                return Optional.of(pdf + " is a folder; give the PDF file to write");
            }
            if (Files.exists(pdf) && Files.exists(file) && Files.isSameFile(file, pdf)) {
                return Optional.of("the PDF would overwrite the form " + file);
            }
            if (Files.isRegularFile(pdf) && Files.size(pdf) > 0) {
                byte[] start;
                try (InputStream existing = Files.newInputStream(pdf)) {
                    start = existing.readNBytes(5);
                }
                if (!new String(start, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
                    return Optional.of(pdf + " exists and is not a PDF; Vigil does not overwrite it");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot check " + pdf + ": " + e.getMessage());
        }
    }

    /** Writes next to {@code pdf} and moves into place, so that a failure never leaves half a PDF behind. */
    private static void write(Path pdf, byte[] content) throws IOException {
        Path folder = pdf.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(folder, ".vigil-mir-", ".pdf.part");
        try {
            Files.write(partial, content);
            Files.move(partial, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static HardenedXml.Limits limits(List<String> arguments) {
        long maxBytes = MirValidateCommand.number(arguments, MirValidateCommand.MAX_BYTES,
                HardenedXml.DEFAULT_MAX_BYTES);
        long maxDepth = MirValidateCommand.number(arguments, MirValidateCommand.MAX_DEPTH,
                HardenedXml.DEFAULT_MAX_DEPTH);
        if (maxBytes < 1 || maxDepth < 1 || maxDepth > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(MirValidateCommand.MAX_BYTES + " and " + MirValidateCommand.MAX_DEPTH
                    + " must be positive whole numbers");
        }
        return new HardenedXml.Limits(maxBytes, (int) maxDepth);
    }
}
