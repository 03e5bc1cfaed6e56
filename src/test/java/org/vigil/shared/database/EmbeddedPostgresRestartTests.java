package org.vigil.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restarting the embedded PostgreSQL after the process that ran it died without stopping it (SIGKILL, a crash, a
 * power cut): Vigil must start again on the same data folder without manual clean-up, and must never stop a process
 * that is not this folder's PostgreSQL. 21 CFR 11.10(a): the system recovers reliably; ISO 13485 §4.2.5: the records
 * stay retrievable after a failure.
 *
 * <p>The tests share one data folder, initialised once; each leaves its server stopped.
 */
class EmbeddedPostgresRestartTests {

    private static final Path FOLDER = Path.of(System.getProperty("vigil.test.data-dir", "target/test-data"))
            .resolve("restart").toAbsolutePath();
    private static final Path PID_FILE = FOLDER.resolve("postgres").resolve("postmaster.pid");

    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void initialise_a_data_folder() {
        EmbeddedPostgresServer.acquire(FOLDER, true).release();
    }

    @AfterEach
    void stop_what_this_test_started() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        postmaster().ifPresent(postmaster -> {
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        });
    }

    /**
     * The JVM that ran the server is killed, its PostgreSQL keeps running (pg_ctl detached it): the next start on
     * the folder stops that orphan and starts a server of its own that answers. Source: 21 CFR 11.10(a); ISO 13485
     * §4.2.5.
     */
    @Test
    void an_orphaned_postgresql_left_by_a_killed_vigil_is_stopped_and_the_folder_used_again() throws Exception {
        Process holder = java(HoldServer.class.getName(), FOLDER.toString());
        started.add(holder);
        var output = new StringBuilder();
        try (var lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("READY")) {
                output.append(line).append('\n');
            }
            assertThat(line).as("the holding JVM started its server:\n" + output).startsWith("READY");
        }
        ProcessHandle orphan = postmaster().orElseThrow();
        holder.destroyForcibly();
        holder.waitFor(30, TimeUnit.SECONDS);
        assertThat(orphan.isAlive()).as("PostgreSQL outlives the killed JVM").isTrue();

        EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(FOLDER, false);
        try {
            assertThat(orphan.isAlive()).as("the orphaned PostgreSQL was stopped").isFalse();
            assertThat(answers(server)).isTrue();
        } finally {
            server.release();
        }
    }

    /**
     * After a crash the stale {@code postmaster.pid} may name a process id that now belongs to an unrelated process
     * (ids are reused after a reboot): Vigil starts anyway, and leaves that process alone. Source: 21 CFR 11.10(a).
     */
    @Test
    void a_stale_pid_file_naming_an_unrelated_live_process_neither_blocks_the_start_nor_harms_the_process()
            throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        started.add(unrelated);
        Files.writeString(PID_FILE, unrelated.pid() + "\n" + FOLDER.resolve("postgres") + "\n");

        EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(FOLDER, false);
        try {
            assertThat(answers(server)).isTrue();
        } finally {
            server.release();
        }
        assertThat(unrelated.isAlive()).as("the unrelated process was stopped").isTrue();
    }

    /**
     * The stale {@code postmaster.pid} names a live process that is a PostgreSQL, but not this folder's (another
     * installation's server got the reused id): it is not stopped. Source: 21 CFR 11.10(a).
     */
    @Test
    void a_stale_pid_file_naming_another_folders_postgresql_does_not_stop_it() throws Exception {
        Path fake = FOLDER.resolveSibling("restart-other").resolve("bin").resolve("postgres");
        Files.createDirectories(fake.getParent());
        Files.copy(Path.of("/bin/sleep"), fake, StandardCopyOption.REPLACE_EXISTING);
        Process otherPostgres = new ProcessBuilder(fake.toString(), "600").start();
        started.add(otherPostgres);
        Files.writeString(PID_FILE, otherPostgres.pid() + "\n" + FOLDER.resolve("postgres") + "\n");

        EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(FOLDER, false);
        try {
            assertThat(answers(server)).isTrue();
        } finally {
            server.release();
        }
        assertThat(otherPostgres.isAlive()).as("another folder's PostgreSQL was stopped").isTrue();
    }

    private static boolean answers(EmbeddedPostgresServer server) throws SQLException {
        var login = server.superuserLogin();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), login.user(),
                login.password()); var rows = connection.createStatement().executeQuery("SELECT 1")) {
            return rows.next() && rows.getInt(1) == 1;
        }
    }

    private static Optional<ProcessHandle> postmaster() {
        try {
            if (!Files.exists(PID_FILE)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(PID_FILE).getFirst().strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> handle.info().commandLine()
                    .map(command -> command.contains(FOLDER.resolve("postgres").toString())).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Process java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Runs the embedded server of the folder given as argument until killed. */
    public static final class HoldServer {
        public static void main(String[] args) throws InterruptedException {
            var server = EmbeddedPostgresServer.acquire(Path.of(args[0]), false);
            System.out.println("READY " + server.port());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
