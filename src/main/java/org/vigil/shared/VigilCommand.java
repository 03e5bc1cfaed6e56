package org.vigil.shared;

import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of {@code java -jar vigil.jar}, run in a Spring context without a web server. Modules contribute
 * commands as beans; the command catalogue ({@code org.vigil.CommandCatalogue}) lists them with their help text.
 */
public interface VigilCommand {

    /** The words that select the command, for example {@code audit verify}. */
    String name();

    /**
     * Runs the command.
     *
     * @param arguments the arguments after the command words, followed by every {@code --name=value} option given
     *        (commands read the options they know and ignore the server settings among them)
     * @return the process exit code: 0 success, 1 a check failed, 2 the command could not be carried out
     */
    int run(List<String> arguments, PrintStream out, PrintStream err);
}
