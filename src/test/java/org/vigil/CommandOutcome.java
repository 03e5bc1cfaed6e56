package org.vigil;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a command-line tool answered when its own {@code run} method was called: exit status and both streams. */
record CommandOutcome(int status, String out, String err) {

    /** A command's {@code run(arguments, in, out, err)}. */
    interface Command {
        int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err);
    }

    /** Runs {@code command} with {@code arguments}, nothing on standard input. */
    static CommandOutcome of(Command command, String... arguments) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = command.run(new ArrayList<>(List.of(arguments)), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandOutcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
