package org.vigil;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.vigil.shared.VigilCommand;

/**
 * Vigil's entry point: {@code java -jar vigil.jar} serves; {@code java -jar vigil.jar COMMAND} runs a subcommand
 * without a web server. Every form takes the same settings.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VigilApplication {

    /** What {@link #run} answers when it started the server, which keeps running. */
    static final int SERVING = -1;

    public static void main(String[] args) {
        int status = run(args);
        if (status != SERVING) {
            System.exit(status);
        }
    }

    /** Runs the command line and returns the exit status, or {@link #SERVING}. */
    static int run(String[] args) {
        List<String> positional = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        // as given, for standalone commands whose options take a value (mir render FILE --pdf OUT)
        List<String> ordered = new ArrayList<>();
        boolean help = false;
        boolean demo = false;
        for (String arg : args) {
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--demo" -> demo = true;
                default -> {
                    (arg.startsWith("--") ? settings : positional).add(arg);
                    ordered.add(arg);
                }
            }
        }
        if (positional.equals(List.of("help"))) {
            System.out.print(CommandCatalogue.overview());
            return 0;
        }
        if (positional.isEmpty() || positional.equals(List.of("serve"))) {
            if (help) {
                System.out.print(positional.isEmpty() ? CommandCatalogue.overview() : CommandCatalogue.SERVE.usage());
                return 0;
            }
            serve(settings.toArray(String[]::new), demo);
            return SERVING;
        }
        var entry = CommandCatalogue.find(positional);
        if (entry.isEmpty() || entry.get() == CommandCatalogue.SERVE) {
            System.err.println("Unknown command: " + String.join(" ", positional));
            System.err.print(CommandCatalogue.overview());
            return 2;
        }
        if (help) {
            System.out.print(entry.get().usage());
            return 0;
        }
        List<String> arguments = new ArrayList<>(positional.subList(entry.get().words().size(), positional.size()));
        arguments.addAll(settings);
        if (entry.get().standalone() != null) {
            return entry.get().standalone().run(withoutCommandWords(ordered, entry.get().words().size()), System.in,
                    System.out, System.err);
        }
        return runCommand(entry.get().name(), arguments, settings.toArray(String[]::new), demo);
    }

    /** {@code arguments} in their order without the first {@code words} positional ones, which name the command. */
    private static List<String> withoutCommandWords(List<String> arguments, int words) {
        List<String> rest = new ArrayList<>();
        int skipped = 0;
        for (String argument : arguments) {
            if (skipped < words && !argument.startsWith("--")) {
                skipped++;
            } else {
                rest.add(argument);
            }
        }
        return rest;
    }

    static ConfigurableApplicationContext serve(String[] settings, boolean demo) {
        var application = new SpringApplication(VigilApplication.class);
        if (demo) {
            application.setAdditionalProfiles("demo");
        }
        return application.run(settings);
    }

    private static int runCommand(String name, List<String> arguments, String[] settings, boolean demo) {
        var application = new SpringApplication(VigilApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles(demo ? new String[] { "command", "demo" } : new String[] { "command" });
        try (ConfigurableApplicationContext context = application.run(settings)) {
            VigilCommand command = context.getBeansOfType(VigilCommand.class).values().stream()
                    .filter(candidate -> candidate.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No implementation of command " + name));
            return command.run(arguments, System.out, System.err);
        } catch (RuntimeException e) {
            System.err.println("vigil " + name + ": " + reason(e));
            return 2;
        }
    }

    /**
     * Why a command could not run, in one line: the first cause that is not Spring's chain of beans that could not be
     * created, which says nothing an operator can act on.
     */
    static String reason(Throwable failure) {
        Throwable reason = failure;
        while (reason instanceof org.springframework.beans.BeansException && reason.getCause() != null
                && reason.getCause() != reason) {
            reason = reason.getCause();
        }
        return reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
    }
}
