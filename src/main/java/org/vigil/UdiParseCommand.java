package org.vigil;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.vigil.udi.UdiJsonLines;

/**
 * {@code java -jar vigil.jar udi parse [FILE]}: UDI scans in, JSON lines out, without starting Spring or a
 * database, so a scanner log of a million lines is parsed in seconds.
 */
final class UdiParseCommand {

    private UdiParseCommand() {
    }

    static int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) {
        List<String> files = arguments.stream().filter(argument -> !argument.startsWith("--")).toList();
        if (files.size() > 1) {
            err.println("udi parse: give at most one FILE (or none to read standard input)");
            return 2;
        }
        var buffered = new BufferedOutputStream(out, 1 << 16);
        try {
            if (files.isEmpty()) {
                UdiJsonLines.process(in, buffered);
            } else {
                try (InputStream file = Files.newInputStream(Path.of(files.getFirst()))) {
                    UdiJsonLines.process(file, buffered);
                }
            }
            buffered.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("udi parse: no such file: " + files.getFirst());
            return 2;
        } catch (IOException e) {
            err.println("udi parse: cannot read the input: " + e.getMessage());
            return 2;
        }
    }
}
