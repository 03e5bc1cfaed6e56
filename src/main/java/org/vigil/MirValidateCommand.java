package org.vigil;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.vigil.mir.MirProblem;
import org.vigil.mir.MirValidation;
import org.vigil.mir.MirValidationReport;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.shared.xml.XmlRefusedException;

/**
 * {@code java -jar vigil.jar mir validate FILE}: checks a manufacturer incident report file without starting Spring
 * or a database. Prints {@code valid (CHECK)} and exits 0, or one line per problem ({@code XPATH  §N section
 * message}) and exits 1; a hostile or unreadable file is one message and exit 1; a usage error exits 2.
 * Settings: {@code --vigil.mir.form-xsd-dir=DIR} (or {@code VIGIL_MIR_FORM_XSD_DIR}) for the EC's MIR 7.3.1 XSDs,
 * {@code --vigil.xml.max-bytes=N} and {@code --vigil.xml.max-depth=N} for the limits.
 */
final class MirValidateCommand {

    static final String MAX_BYTES = "vigil.xml.max-bytes";
    static final String MAX_DEPTH = "vigil.xml.max-depth";

    private MirValidateCommand() {
    }

    /** Runs the command; the signature of a standalone command of the command catalogue. */
    static int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) {
        List<String> files = arguments.stream().filter(argument -> !argument.startsWith("--")).toList();
        if (files.size() != 1) {
            err.println("mir validate: give exactly one FILE (see java -jar vigil.jar mir validate --help)");
            return 2;
        }
        MirValidation validation;
        try {
            validation = validation(arguments);
        } catch (IllegalArgumentException e) {
            err.println("mir validate: " + e.getMessage());
            return 2;
        }
        Path file = Path.of(files.getFirst());
        MirValidationReport report;
        try {
            report = validation.validate(file);
        } catch (NoSuchFileException e) {
            err.println("mir validate: no such file: " + file);
            return 1;
        } catch (XmlRefusedException e) {
            err.println("mir validate: " + file + " refused: " + e.plainMessage());
            return 1;
        } catch (IOException e) {
            err.println("mir validate: cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            // an EC XSD in the configured folder that does not compile
            err.println("mir validate: " + e.getMessage());
            return 2;
        }
        if (report.valid()) {
            out.println("valid (" + report.check() + ")");
            return 0;
        }
        for (MirProblem problem : report.problems()) {
            out.println(problem.xpath() + "  " + (problem.mirSection().isEmpty() ? "document" : problem.mirSection())
                    + "  " + problem.message() + (problem.line() > 0 ? " (line " + problem.line() + ")" : ""));
        }
        out.println("invalid (" + report.check() + "): " + report.problems().size()
                + (report.problems().size() == 1 ? " problem" : " problems"));
        return 1;
    }

    private static MirValidation validation(List<String> arguments) {
        Optional<String> dir = option(arguments, MirValidation.FORM_XSD_DIR_SETTING)
                .or(() -> Optional.ofNullable(System.getenv("VIGIL_MIR_FORM_XSD_DIR")).filter(s -> !s.isBlank()));
        Optional<Path> folder = dir.map(Path::of);
        if (folder.isPresent() && !Files.isDirectory(folder.get())) {
            throw new IllegalArgumentException(MirValidation.FORM_XSD_DIR_SETTING + " is not a folder: " + dir.get());
        }
        long maxBytes = number(arguments, MAX_BYTES, HardenedXml.DEFAULT_MAX_BYTES);
        long maxDepth = number(arguments, MAX_DEPTH, HardenedXml.DEFAULT_MAX_DEPTH);
        if (maxBytes < 1 || maxDepth < 1 || maxDepth > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(MAX_BYTES + " and " + MAX_DEPTH + " must be positive whole numbers");
        }
        return new MirValidation(folder, new HardenedXml.Limits(maxBytes, (int) maxDepth));
    }

    static Optional<String> option(List<String> arguments, String name) {
        String prefix = "--" + name + "=";
        return arguments.stream().filter(argument -> argument.startsWith(prefix))
                .map(argument -> argument.substring(prefix.length())).reduce((first, last) -> last);
    }

    static long number(List<String> arguments, String name, long fallback) {
        Optional<String> value = option(arguments, name);
        try {
            return value.map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value.get());
        }
    }
}
