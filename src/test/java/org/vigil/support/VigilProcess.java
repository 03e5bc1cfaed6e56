package org.vigil.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Vigil in a JVM of its own, started from the test classpath with {@code java org.vigil.VigilApplication ARGS}, its
 * output going to a log file. For tests that must kill the whole process or observe real exit codes.
 *
 * <p>The test classpath carries {@code config/application.yml} (test settings, including
 * {@code vigil.embedded-db.clean-on-start=true}); callers that reuse a data folder across starts must pass
 * {@code --vigil.embedded-db.clean-on-start=false}.
 */
public final class VigilProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final List<String> command;

    private VigilProcess(Process process, Path log, List<String> command) {
        this.process = process;
        this.log = log;
        this.command = command;
    }

    /** Starts {@code java org.vigil.VigilApplication args} with its output appended to {@code log}. */
    public static VigilProcess start(Path log, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Quick start on a small machine; these tests do not measure throughput.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.vigil.VigilApplication");
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "$ vigil " + String.join(" ", args) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return new VigilProcess(process, log, command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command to its end (bounded by {@code limit} as a hang guard) and answers its exit status. */
    public static int runToEnd(Path log, List<String> args, Duration limit) throws InterruptedException {
        try (VigilProcess vigil = start(log, args)) {
            if (!vigil.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("vigil " + String.join(" ", args) + " did not finish within " + limit
                        + ":\n" + vigil.logTail(60));
            }
            return vigil.process.exitValue();
        }
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /**
     * Waits until {@code http://localhost:PORT/login} answers 200. Fails at once when the process exits, and after
     * {@code limit} (a hang guard, not a performance requirement).
     */
    public void awaitHttp(int port, Duration limit) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Vigil exited with status " + process.exitValue() + " before serving:\n"
                        + logTail(80));
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Vigil did not serve /login within " + limit + ":\n" + logTail(80));
    }

    /** The last {@code lines} lines of the process's output, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL on Linux: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** Stops the process and everything it started; used for clean-up, safe to call more than once. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "VigilProcess[pid " + process.pid() + ", " + String.join(" ", command) + "]";
    }

    /** A TCP port on the loopback interface that nothing listens on at the moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
