package org.vigil.terminology.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.vigil.shared.Actor;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilCommand;
import org.vigil.terminology.Emdn;
import org.vigil.terminology.ImdrfAnnex;
import org.vigil.terminology.ImdrfTerminology;

/**
 * {@code java -jar vigil.jar terminology load-imdrf | load-emdn | load-crosswalk}: the operator loads a new release
 * from a file, as the platform (audited like a load through the pages). Exit status 0 loaded, 1 the file was refused
 * (every problem printed, nothing loaded), 2 the command could not be carried out (usage, unreadable file).
 */
final class TerminologyCommands {

    private TerminologyCommands() {
    }

    /** The one file argument, or a usage error. */
    static Optional<Path> file(List<String> arguments, PrintStream err) {
        var files = new ArrayList<String>();
        for (String argument : arguments) {
            if (!argument.startsWith("--")) {
                files.add(argument);
            }
        }
        if (files.size() != 1) {
            err.println(files.isEmpty() ? "Name the file to load." : "Name exactly one file to load, not "
                    + files.size() + ".");
            return Optional.empty();
        }
        return Optional.of(Path.of(files.getFirst()));
    }

    static Optional<String> option(List<String> arguments, String name) {
        return arguments.stream().filter(argument -> argument.startsWith("--" + name + "="))
                .map(argument -> argument.substring(name.length() + 3)).findFirst();
    }

    @FunctionalInterface
    interface Load {
        String from(Reader reader, String source) throws IOException;
    }

    /** Reads {@code path} and loads it as the platform, turning refusals and I/O errors into exit codes. */
    static int load(String command, Path path, Load load, PrintStream out, PrintStream err) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String loaded = Tenancy.callAs(Actor.platform(command), () -> load.from(reader,
                    path.getFileName().toString()));
            out.println(loaded);
            return 0;
        } catch (InvalidInputException e) {
            err.println("Nothing was loaded: " + path + " was refused.");
            e.errors().forEach(error -> err.println("  " + error.field() + ": " + error.message()));
            return 1;
        } catch (NoSuchFileException e) {
            err.println("No such file: " + path);
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("Cannot read " + path + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                err.println("Cannot read " + path + ": " + io.getMessage());
                return 2;
            }
            throw e;
        }
    }

    @Component
    static class LoadImdrf implements VigilCommand {

        private final ImdrfTerminology imdrf;

        LoadImdrf(ImdrfTerminology imdrf) {
            this.imdrf = imdrf;
        }

        @Override
        public String name() {
            return "terminology load-imdrf";
        }

        @Override
        public int run(List<String> arguments, PrintStream out, PrintStream err) {
            var annex = option(arguments, "annex").flatMap(ImdrfAnnex::of);
            if (annex.isEmpty()) {
                err.println("--annex: give the annex letter, A to G.");
                return 2;
            }
            var version = option(arguments, "version");
            if (version.isEmpty()) {
                err.println("--version: give the release label, for example --version=2025.");
                return 2;
            }
            var file = file(arguments, err);
            if (file.isEmpty()) {
                return 2;
            }
            return load(name(), file.get(), (reader, source) -> {
                var release = imdrf.load(annex.get(), version.get(), reader, source);
                return "Loaded IMDRF Annex " + release.annex() + " release " + release.version() + ": "
                        + release.termCount() + " terms; it is now the annex's current release.";
            }, out, err);
        }
    }

    @Component
    static class LoadEmdn implements VigilCommand {

        private final Emdn emdn;

        LoadEmdn(Emdn emdn) {
            this.emdn = emdn;
        }

        @Override
        public String name() {
            return "terminology load-emdn";
        }

        @Override
        public int run(List<String> arguments, PrintStream out, PrintStream err) {
            var file = file(arguments, err);
            if (file.isEmpty()) {
                return 2;
            }
            return load(name(), file.get(), (reader, source) -> {
                var release = emdn.load(reader, source);
                return "Loaded " + release.version() + ": " + release.terms().size() + " terms.";
            }, out, err);
        }
    }

    @Component
    static class LoadCrosswalk implements VigilCommand {

        private final ImdrfTerminology imdrf;

        LoadCrosswalk(ImdrfTerminology imdrf) {
            this.imdrf = imdrf;
        }

        @Override
        public String name() {
            return "terminology load-crosswalk";
        }

        @Override
        public int run(List<String> arguments, PrintStream out, PrintStream err) {
            var file = file(arguments, err);
            if (file.isEmpty()) {
                return 2;
            }
            return load(name(), file.get(), (reader, source) -> "Loaded the FDA CDRH to IMDRF crosswalk: "
                    + imdrf.loadCrosswalk(reader, source) + " pairs.", out, err);
        }
    }
}
