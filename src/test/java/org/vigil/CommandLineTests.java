package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.audit.domain.AuditChain;
import org.vigil.audit.domain.ChainedEntry;
import org.vigil.shared.database.EmbeddedPostgresServer;
import org.vigil.support.FrozenServer;
import org.vigil.support.VigilProcess;

/**
 * The command line ({@code java -jar vigil.jar [COMMAND] [--setting=value ...]}): help without starting anything,
 * exit codes 0/1/2, and {@code audit verify} as the operator's independent check of the audit trail (21 CFR 11.10(e);
 * ISO 13485 §4.2.5): it must find every kind of tampering done directly in the database by someone holding the
 * PostgreSQL superuser's password, and must run without a web server on the data folder it is given.
 *
 * <p>Commands run in this JVM through {@code VigilApplication.run}, which answers the exit status that {@code main}
 * passes to {@code System.exit}; one test runs {@code main} in a JVM of its own to see the real exit codes. Every
 * command here runs on its own data folder; the tampering tests each copy a seeded database first, so they never
 * depend on each other.
 */
class CommandLineTests {

    private static final Path DATA = Path.of(System.getProperty("vigil.test.data-dir", "target/test-data"))
            .resolve("command-line").toAbsolutePath();
    private static final String SEED = "cli_seed";
    private static final Pattern LAST_ENTRY = Pattern.compile("Last entry: (\\d+):([0-9a-f]{64})");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The seeding run: {@code audit verify --demo} on a data folder that did not exist. */
    private static Outcome seeding;
    private static boolean serverRunningAfterSeeding;
    /** Held between tests so that every command joins one running server instead of starting its own. */
    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void seed_a_data_folder_with_the_demo_data() throws IOException {
        deleteRecursively(DATA);
        seeding = vigil("audit", "verify", "--demo", "--vigil.embedded-db.database=" + SEED);
        serverRunningAfterSeeding = Files.exists(DATA.resolve("postgres").resolve("postmaster.pid"));
        server = EmbeddedPostgresServer.acquire(DATA, false);
    }

    @AfterAll
    static void stop_the_database() {
        if (server != null) {
            server.release();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Help and exit codes

    /**
     * {@code --help} answers at once with the list of commands and exit status 0, without starting Spring. Source:
     * 21 CFR 11.10(a), the operator's tools behave as documented.
     */
    @Test
    void help_lists_the_commands_without_starting_spring() {
        var outcome = vigil("--help");
        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).contains("Usage: java -jar vigil.jar [COMMAND]", "audit verify",
                "admin create-platform-admin");
        assertThat(outcome.springStarted()).as("a Spring application was started").isFalse();
    }

    /**
     * {@code COMMAND --help} prints that command's usage, exit status 0, without starting Spring. Source: 21 CFR
     * 11.10(a).
     */
    @Test
    void command_help_prints_the_commands_usage_without_starting_spring() {
        var verify = vigil("audit", "verify", "--help");
        assertThat(verify.status()).isZero();
        assertThat(verify.out()).contains("Usage: java -jar vigil.jar audit verify [--expect=SEQ:HASH]",
                "Exit status: 0 intact, 1 tampering found");
        assertThat(verify.springStarted()).isFalse();

        var admin = vigil("admin", "create-platform-admin", "--help");
        assertThat(admin.status()).isZero();
        assertThat(admin.out()).contains("--email=ADDRESS");
        assertThat(admin.springStarted()).isFalse();

        var serve = vigil("serve", "--help");
        assertThat(serve.status()).isZero();
        assertThat(serve.out()).contains("Usage: java -jar vigil.jar [serve] [--demo]");
        assertThat(serve.springStarted()).isFalse();
    }

    /**
     * An unknown command is a usage error: exit status 2, the message on standard error, nothing started. Source:
     * 21 CFR 11.10(a).
     */
    @Test
    void an_unknown_command_exits_with_status_2_and_lists_the_commands() {
        var outcome = vigil("audit", "frobnicate");
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).contains("Unknown command: audit frobnicate", "Commands:");
        assertThat(outcome.springStarted()).isFalse();
    }

    /**
     * The real program ({@code main}, which calls {@code System.exit}) gives the operating system the same codes, so
     * scripts and schedulers can act on them. Source: 21 CFR 11.10(a).
     */
    @Test
    void the_program_itself_exits_with_0_for_help_and_2_for_an_unknown_command() throws InterruptedException {
        Path log = DATA.resolveSibling("command-line-logs").resolve("main-" + UUID.randomUUID() + ".log");
        assertThat(VigilProcess.runToEnd(log, List.of("--help"), Duration.ofMinutes(2))).isZero();
        assertThat(VigilProcess.runToEnd(log, List.of("frobnicate"), Duration.ofMinutes(2))).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // audit verify on an intact trail

    /**
     * {@code audit verify} uses the data folder named by {@code --vigil.embedded-db.dir}: it created the embedded
     * database there (the layout of the README), verified it, and stopped its PostgreSQL when it finished.
     */
    @Test
    void audit_verify_runs_on_the_data_folder_it_is_given_and_stops_its_database_when_done() {
        assertThat(seeding.status()).as(seeding.toString()).isZero();
        assertThat(seeding.out()).contains("Audit trail intact:");
        assertThat(DATA.resolve("postgres").resolve("PG_VERSION")).exists();
        assertThat(DATA.resolve("db-secrets.properties")).exists();
        assertThat(DATA.resolve("vigil.lock")).exists();
        assertThat(serverRunningAfterSeeding).as("PostgreSQL left running after the command").isFalse();
    }

    /**
     * Neither the command's Spring context nor anything else serves HTTP while {@code audit verify} runs: a check
     * of the records opens no door to them. Source: 21 CFR 11.10(d) (access limited to authorised people).
     */
    @Test
    void audit_verify_starts_no_web_server() {
        int port = VigilProcess.freePort();
        var outcome = vigil("audit", "verify", "--vigil.embedded-db.database=" + copyOfSeed(), "--server.port="
                + port);
        assertThat(outcome.status()).as(outcome.toString()).isZero();
        assertThat(outcome.springStarted()).isTrue();
        assertThat(outcome.webServerContext()).as("the command ran in a web server application context").isFalse();
        assertThat(outcome.portListening()).as("something listened on server.port during the command").isFalse();
    }

    /**
     * On an intact trail {@code audit verify} prints how many entries it checked and the chain's end, exit 0.
     * Source: 21 CFR 11.10(e); ISO 13485 §4.2.5.
     */
    @Test
    void audit_verify_on_an_intact_trail_prints_the_chain_end_and_exits_0() {
        String database = copyOfSeed();
        var outcome = verify(database);
        assertThat(outcome.status()).as(outcome.toString()).isZero();
        long entries = count(database);
        assertThat(entries).isGreaterThan(10);
        assertThat(outcome.out()).contains("Audit trail intact: " + entries + " entries checked");
        Matcher last = LAST_ENTRY.matcher(outcome.out());
        assertThat(last.find()).as(outcome.out()).isTrue();
        assertThat(Long.parseLong(last.group(1))).isEqualTo(entries);
        assertThat(last.group(2)).isEqualTo(AuditChain.hex(entries(database).getLast().hash()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // audit verify after tampering as the PostgreSQL superuser

    /**
     * An entry's content changed behind Vigil's back (append-only triggers switched off) is named: exit 1. Source:
     * 21 CFR 11.10(e), changes must not obscure previously recorded information.
     */
    @Test
    void audit_verify_names_an_edited_entry_and_exits_1() {
        String database = copyOfSeed();
        tamper(database, statement -> statement.executeUpdate(
                "UPDATE audit_entry SET reason = 'Nothing to see here' WHERE seq = 5"));
        var outcome = verify(database);
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.out()).contains("AUDIT TRAIL TAMPERED: entry 5 edited.");
    }

    /** A deleted entry is named by its sequence number: exit 1. Source: 21 CFR 11.10(e); ISO 13485 §4.2.5. */
    @Test
    void audit_verify_names_a_deleted_entry_and_exits_1() {
        String database = copyOfSeed();
        tamper(database, statement -> statement.executeUpdate("DELETE FROM audit_entry WHERE seq = 5"));
        var outcome = verify(database);
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.out()).contains("AUDIT TRAIL TAMPERED: entry 5 deleted.");
    }

    /**
     * Two entries whose sequence numbers were swapped: the first out of place is named, exit 1. Source: 21 CFR
     * 11.10(e), the trail records the sequence of events.
     */
    @Test
    void audit_verify_names_reordered_entries_and_exits_1() {
        String database = copyOfSeed();
        tamper(database, statement -> {
            statement.executeUpdate("UPDATE audit_entry SET seq = 999999 WHERE seq = 5");
            statement.executeUpdate("UPDATE audit_entry SET seq = 5 WHERE seq = 6");
            statement.executeUpdate("UPDATE audit_entry SET seq = 6 WHERE seq = 999999");
        });
        var outcome = verify(database);
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.out()).contains("AUDIT TRAIL TAMPERED: entry 5 reordered.");
    }

    /**
     * A forged entry slipped in after entry 5, with a correctly computed hash that links to entry 5, the later
     * entries renumbered and the recorded chain end moved on: still named as inserted, exit 1. Source: 21 CFR
     * 11.10(e).
     */
    @Test
    void audit_verify_names_an_inserted_entry_even_with_a_correct_hash_and_exits_1() {
        String database = copyOfSeed();
        ChainedEntry fifth = entries(database).get(4);
        ChainedEntry forged = forged(6, fifth);
        tamper(database, statement -> {
            statement.executeUpdate("UPDATE audit_entry SET seq = seq + 1000000 WHERE seq > 5");
            statement.executeUpdate("UPDATE audit_entry SET seq = seq - 999999 WHERE seq > 1000000");
            insert(statement.getConnection(), forged);
            statement.executeUpdate("UPDATE audit_chain_head SET last_seq = last_seq + 1");
        });
        assertThat(entries(database).get(5).hash()).isEqualTo(forged.hash());
        var outcome = verify(database);
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.out()).contains("AUDIT TRAIL TAMPERED: entry 6 inserted.");
    }

    /**
     * Someone who can recompute every hash can rewrite the whole chain consistently; the chain alone then looks
     * intact. The chain end recorded outside Vigil ({@code --expect=SEQ:HASH}, printed by an earlier run) exposes
     * the rewrite: exit 1 naming that entry. Source: 21 CFR 11.10(e); ISO 13485 §4.2.5 (records protected
     * against unauthorised change).
     */
    @Test
    void audit_verify_with_the_recorded_chain_end_detects_a_wholesale_rewrite() {
        String database = copyOfSeed();
        Matcher recorded = LAST_ENTRY.matcher(verify(database).out());
        assertThat(recorded.find()).isTrue();
        String anchor = recorded.group(1) + ":" + recorded.group(2);

        List<ChainedEntry> original = entries(database);
        tamper(database, statement -> {
            byte[] previous = AuditChain.GENESIS;
            try (PreparedStatement update = statement.getConnection().prepareStatement(
                    "UPDATE audit_entry SET reason = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
                for (ChainedEntry entry : original) {
                    String reason = entry.seq() == 3 ? "Rewritten history" : entry.reason();
                    ChainedEntry rewritten = withLink(entry, reason, previous);
                    update.setString(1, reason);
                    update.setBytes(2, previous);
                    update.setBytes(3, rewritten.hash());
                    update.setLong(4, entry.seq());
                    update.executeUpdate();
                    previous = rewritten.hash();
                }
            }
            try (PreparedStatement head = statement.getConnection().prepareStatement(
                    "UPDATE audit_chain_head SET last_hash = ?")) {
                head.setBytes(1, previous);
                head.executeUpdate();
            }
        });

        var withoutAnchor = verify(database);
        assertThat(withoutAnchor.status()).as("a consistent rewrite cannot be seen without the recorded end: "
                + withoutAnchor).isZero();
        assertThat(withoutAnchor.out()).doesNotContain(anchor);

        var withAnchor = verify(database, "--expect=" + anchor);
        assertThat(withAnchor.status()).as(withAnchor.toString()).isEqualTo(1);
        assertThat(withAnchor.out()).contains("AUDIT TRAIL TAMPERED: entry " + recorded.group(1) + " edited.",
                "recorded for it outside Vigil");
    }

    /**
     * A malformed {@code --expect} is a usage error (exit 2) with an explanation, not a verdict on the trail.
     * Source: 21 CFR 11.10(a).
     */
    @Test
    void audit_verify_rejects_a_malformed_expected_chain_end_with_status_2() {
        var outcome = verify(copyOfSeed(), "--expect=12");
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).contains("--expect: Expected SEQ:HASH");
    }

    /**
     * A production database that accepts connections but never answers (frozen) makes a command fail with exit
     * status 2 and a message that says what went wrong, after the connect timeout rather than never (21 CFR
     * 11.10(a): the system's failures are detectable).
     */
    @Test
    void a_command_against_a_database_that_never_answers_fails_with_status_2_and_a_clear_message() throws Exception {
        try (FrozenServer frozen = FrozenServer.start()) {
            long start = System.nanoTime();
            var outcome = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMinutes(2),
                    () -> vigil("audit", "verify", "--vigil.db.url=" + frozen.jdbcUrl("vigil"),
                            "--vigil.db.user=vigil_owner", "--vigil.db.password=secret",
                            "--vigil.db.connect-timeout=2s", "--vigil.db.socket-timeout=2s"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("Frozen production database: audit verify gave up after %d ms: %s", took.toMillis(),
                    outcome.err());
            assertThat(frozen.connectionsAccepted()).isPositive();
            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(2);
            assertThat(outcome.err().strip()).as(outcome.toString())
                    .startsWith("vigil audit verify: Could not connect to the database " + frozen.jdbcUrl("vigil"))
                    .containsIgnoringCase("timed out")
                    .doesNotContain("Error creating bean")
                    .hasLineCount(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // terminology load-imdrf, load-emdn, load-crosswalk

    /**
     * {@code terminology load-imdrf} loads IMDRF's JSON download of an annex as a new release, which becomes the
     * annex's current one (IMDRF/AE WG N43 releases), and says so; exit 0.
     */
    @Test
    void terminology_load_imdrf_loads_a_new_release_of_an_annex_and_exits_0() throws IOException {
        Path file = terminologyFile("annexf.json", new String(CommandLineTests.class.getResourceAsStream(
                "/org/vigil/terminology/imdrf/release-2022/annexf_1.json").readAllBytes(), StandardCharsets.UTF_8));
        var outcome = vigil("terminology", "load-imdrf", "--annex=F", "--version=2099", file.toString(),
                "--vigil.embedded-db.database=" + copyOfSeed());
        assertThat(outcome.status()).as(outcome.toString()).isZero();
        assertThat(outcome.out()).contains("Loaded IMDRF Annex F release 2099: 66 terms");
    }

    /**
     * A broken file is refused whole: exit 1, every problem printed with its line, nothing loaded. A missing file or
     * a missing --annex is a usage error, exit 2.
     */
    @Test
    void terminology_load_imdrf_refuses_a_broken_file_with_its_problems_and_exit_1_and_a_missing_one_with_2()
            throws IOException {
        Path broken = terminologyFile("broken.json", """
                [
                  {"code": "D90", "term": "Top", "definition": "d", "CodeHierarchy": "D90"},
                  {"code": "D9101", "term": "Orphan", "definition": "d", "CodeHierarchy": "D91|D9101"}
                ]
                """);
        String database = copyOfSeed();
        var refused = vigil("terminology", "load-imdrf", "--annex=D", "--version=2099", broken.toString(),
                "--vigil.embedded-db.database=" + database);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("Nothing was loaded", "line 3", "parent D91");

        var missing = vigil("terminology", "load-imdrf", "--annex=D", "--version=2099",
                broken.resolveSibling("no-such-file.json").toString(), "--vigil.embedded-db.database=" + database);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("No such file");

        var noAnnex = vigil("terminology", "load-imdrf", "--version=2099", broken.toString(),
                "--vigil.embedded-db.database=" + database);
        assertThat(noAnnex.status()).isEqualTo(2);
        assertThat(noAnnex.err()).contains("--annex");
    }

    /** The terminology commands are listed and explained by --help without starting Spring. */
    @Test
    void the_terminology_commands_are_listed_and_explained_without_starting_spring() {
        var overview = vigil("--help");
        assertThat(overview.out()).contains("terminology load-imdrf", "terminology load-emdn",
                "terminology load-crosswalk");
        var help = vigil("terminology", "load-imdrf", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--annex=A --version=2025 FILE", "Exit status: 0 loaded, 1 the file was "
                + "refused");
        assertThat(help.springStarted()).isFalse();
    }

    private static Path terminologyFile(String name, String content) throws IOException {
        Path folder = DATA.resolveSibling("terminology-files");
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(UUID.randomUUID() + "-" + name), content);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Running the commands

    /** What one run of the command line did. */
    record Outcome(int status, String out, String err, boolean springStarted, boolean webServerContext,
            boolean portListening) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    /**
     * Runs {@code VigilApplication.run(args)} in this JVM on {@link #DATA}, capturing standard output and error, and
     * observes through a Spring application hook whether a Spring application started, whether its context was a
     * web server context, and whether anything listened on {@code --server.port} once it had started.
     */
    private static synchronized Outcome vigil(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--vigil.embedded-db.dir=" + DATA);
        arguments.add("--vigil.embedded-db.clean-on-start=false");
        int port = arguments.stream().filter(argument -> argument.startsWith("--server.port="))
                .mapToInt(argument -> Integer.parseInt(argument.substring("--server.port=".length())))
                .findFirst().orElse(-1);
        var started = new AtomicBoolean();
        var webContext = new AtomicBoolean();
        var listening = new AtomicBoolean();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = SpringApplication.withHook(application -> new SpringApplicationRunListener() {
                @Override
                public void started(ConfigurableApplicationContext context, Duration timeTaken) {
                    started.set(true);
                    webContext.set(context instanceof WebServerApplicationContext);
                    listening.set(port > 0 && listening(port));
                }
            }, () -> VigilApplication.run(arguments.toArray(String[]::new)));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                started.get(), webContext.get(), listening.get());
    }

    private static Outcome verify(String database, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "verify", "--vigil.embedded-db.database=" + database));
        args.addAll(List.of(more));
        return vigil(args.toArray(String[]::new));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The database, as its superuser

    /** A new database copied from the seeded one, so that each test tampers with its own trail. */
    private static String copyOfSeed() {
        String database = "cli_" + DATABASES.incrementAndGet();
        asSuperuser("postgres", statement -> statement.execute("CREATE DATABASE " + database + " TEMPLATE " + SEED
                + " OWNER vigil_owner"));
        return database;
    }

    @FunctionalInterface
    private interface Sql {
        void run(Statement statement) throws SQLException;
    }

    /**
     * Changes the audit trail the way only the PostgreSQL superuser can: with the append-only triggers switched off
     * for the session ({@code session_replication_role = replica}) and row-level security not applying.
     */
    private static void tamper(String database, Sql change) {
        asSuperuser(database, statement -> {
            statement.execute("SET search_path = vigil");
            statement.execute("SET session_replication_role = replica");
            statement.getConnection().setAutoCommit(false);
            change.run(statement);
            statement.getConnection().commit();
        });
    }

    private static void asSuperuser(String database, Sql work) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), "postgres",
                superuserPassword()); Statement statement = connection.createStatement()) {
            work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The superuser's password, read the way an operator would: from the data folder's secrets file. */
    private static String superuserPassword() {
        var secrets = new Properties();
        try (InputStream in = Files.newInputStream(DATA.resolve("db-secrets.properties"))) {
            secrets.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return secrets.getProperty("postgres");
    }

    private static long count(String database) {
        return entries(database).size();
    }

    private static List<ChainedEntry> entries(String database) {
        List<ChainedEntry> entries = new ArrayList<>();
        asSuperuser(database, statement -> {
            try (ResultSet rs = statement.executeQuery("SELECT seq, recorded_at, actor_user_id, actor_name, org_id, "
                    + "action, record_type, record_id, old_value, new_value, reason, prev_hash, hash "
                    + "FROM vigil.audit_entry ORDER BY seq")) {
                while (rs.next()) {
                    entries.add(new ChainedEntry(rs.getLong(1),
                            AuditChain.databasePrecision(rs.getObject(2, OffsetDateTime.class).toInstant()),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class),
                            rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getBytes(12), rs.getBytes(13)));
                }
            }
        });
        return entries;
    }

    /** A plausible forged entry placed at {@code seq}, chained after {@code previous} with a correct hash. */
    private static ChainedEntry forged(long seq, ChainedEntry previous) {
        Instant at = previous.recordedAt().plusNanos(1_000);
        var unhashed = new ChainedEntry(seq, at, null, "Backdated approval", previous.organisationId(),
                "organisation.updated", previous.recordType(), previous.recordId(), null,
                "{\"name\":\"Forged\"}", "Approved at the time", previous.hash(), null);
        return new ChainedEntry(seq, at, null, unhashed.actorName(), unhashed.organisationId(), unhashed.action(),
                unhashed.recordType(), unhashed.recordId(), null, unhashed.after(), unhashed.reason(),
                previous.hash(), AuditChain.link(previous.hash(), unhashed));
    }

    /** {@code entry} with another reason, chained after {@code previousHash}, with its hash recomputed. */
    private static ChainedEntry withLink(ChainedEntry entry, String reason, byte[] previousHash) {
        var relinked = new ChainedEntry(entry.seq(), entry.recordedAt(), entry.actorUserId(), entry.actorName(),
                entry.organisationId(), entry.action(), entry.recordType(), entry.recordId(), entry.before(),
                entry.after(), reason, previousHash, null);
        return new ChainedEntry(entry.seq(), entry.recordedAt(), entry.actorUserId(), entry.actorName(),
                entry.organisationId(), entry.action(), entry.recordType(), entry.recordId(), entry.before(),
                entry.after(), reason, previousHash, AuditChain.link(previousHash, relinked));
    }

    private static void insert(Connection connection, ChainedEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (seq, recorded_at, "
                + "actor_user_id, actor_name, org_id, action, record_type, record_id, old_value, new_value, reason, "
                + "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.seq());
            insert.setObject(2, OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC));
            insert.setObject(3, entry.actorUserId());
            insert.setString(4, entry.actorName());
            insert.setObject(5, entry.organisationId());
            insert.setString(6, entry.action());
            insert.setString(7, entry.recordType());
            insert.setObject(8, entry.recordId());
            insert.setString(9, entry.before());
            insert.setString(10, entry.after());
            insert.setString(11, entry.reason());
            insert.setBytes(12, entry.previousHash());
            insert.setBytes(13, entry.hash());
            insert.executeUpdate();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
