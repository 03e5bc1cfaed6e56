package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.support.VigilProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A crash of the whole machine in the middle of a burst of writes: Vigil's JVM and its embedded PostgreSQL (the
 * postmaster and every backend) are killed with SIGKILL while several clients are creating records, then Vigil is
 * started again on the same data folder. Every write that Vigil had acknowledged (HTTP 201) must be there with its
 * audit entry, and the audit trail's hash chain must still verify: 21 CFR 11.10(a) (reliable, validated system),
 * 21 CFR 11.10(e) (the audit trail is complete) and ISO 13485 §4.2.5 (records remain legible and retrievable).
 *
 * <p>SIGKILL leaves the operating system's page cache intact, so it shows crash recovery (WAL replay, stale
 * {@code postmaster.pid}, orphaned processes) rather than survival of a power cut; for that the test also checks
 * that the embedded server runs with {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, so an
 * acknowledged commit has reached the disk.
 */
class CrashDurabilityTests {

    private static final String ADMIN = "admin@vigil.demo";
    private static final String DEMO_PASSWORD = "Vigil-demo-2026";
    private static final int WRITERS = 6;
    private static final int ACKNOWLEDGED_BEFORE_CRASH = 120;
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\"[^>]*\\bvalue=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path data = Path.of(System.getProperty("vigil.test.data-dir", "target/test-data"))
            .resolve("crash-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    private final List<VigilProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private boolean passed;

    @AfterEach
    void stop_every_process_this_test_started() throws IOException {
        processes.forEach(VigilProcess::close);
        killPostgres();
        http.close();
        if (passed) {
            deleteRecursively(data); // kept, with its logs, when the test failed
        }
    }

    /**
     * Kills Vigil and its PostgreSQL with SIGKILL during a burst of acknowledged audited writes from several
     * clients; after a restart on the same folder every acknowledged record and its audit entry is present, the
     * chain verifies (over REST and with {@code audit verify}), and the personal API token issued before the crash
     * still works. Source: 21 CFR 11.10(a), 11.10(e); ISO 13485 §4.2.5.
     */
    @Test
    void every_acknowledged_write_survives_a_crash_of_vigil_and_its_database() throws Exception {
        int port = VigilProcess.freePort();
        VigilProcess first = start("vigil-before-crash.log", "--demo", "--server.port=" + port);
        first.awaitHttp(port, START_LIMIT);
        String token = createApiToken(port);

        // The burst: several clients register organisations; a 201 is an acknowledged write.
        Map<UUID, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger attempted = new AtomicInteger();
        AtomicBoolean crashed = new AtomicBoolean();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int n = 0; !crashed.get(); n++) {
                    String name = "Crash " + run + " hospital " + writer + "-" + n;
                    attempted.incrementAndGet();
                    try {
                        var response = api(port, token, "POST", "/api/v1/organisations", """
                                {"kind": "HEALTHCARE_ORGANISATION", "name": "%s", "country": "DE"}""".formatted(name));
                        if (response.statusCode() == 201) {
                            String location = response.headers().firstValue("Location").orElseThrow();
                            acknowledged.put(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), name);
                        }
                    } catch (IOException e) {
                        // no answer: not acknowledged, so it may or may not have been stored
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_CRASH && System.nanoTime() < deadline
                && first.process().isAlive()) {
            Thread.sleep(10);
        }
        assertThat(acknowledged).as("writes acknowledged before the crash; Vigil's log:\n" + first.logTail(40))
                .hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_CRASH);

        // The crash: the JVM, the postmaster and every PostgreSQL backend, all with SIGKILL, while writes are running.
        ProcessHandle postmaster = postmaster().orElseThrow(() -> new AssertionError("no postmaster.pid in " + data));
        List<ProcessHandle> backends = postmaster.descendants().toList();
        first.process().destroyForcibly();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        crashed.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(2, TimeUnit.MINUTES)).as("the writers stopped").isTrue();
        // Every 201 was sent before the crash, even one a writer read just after the kill.
        Map<UUID, String> acknowledgedBeforeCrash = Map.copyOf(acknowledged);
        assertThat(first.process().waitFor(1, TimeUnit.MINUTES)).isTrue();
        awaitExit(postmaster);
        backends.forEach(CrashDurabilityTests::awaitExit);
        assertThat(data.resolve("postgres").resolve("postmaster.pid")).as("the crash leaves a stale pid file")
                .exists();

        // The restart on the same data folder, without --demo.
        int secondPort = VigilProcess.freePort();
        VigilProcess second = start("vigil-after-crash.log", "--server.port=" + secondPort);
        second.awaitHttp(secondPort, START_LIMIT);
        assertThat(api(secondPort, token, "GET", "/api/v1/organisations", null).statusCode())
                .as("the personal API token created before the crash still works (it was acknowledged too)")
                .isEqualTo(200);

        List<UUID> missing = new ArrayList<>();
        List<UUID> withoutAuditEntry = new ArrayList<>();
        for (var write : acknowledgedBeforeCrash.entrySet()) {
            var record = api(secondPort, token, "GET", "/api/v1/organisations/" + write.getKey(), null);
            if (record.statusCode() != 200 || !JSON.readTree(record.body()).path("name").asString()
                    .equals(write.getValue())) {
                missing.add(write.getKey());
            }
            var history = api(secondPort, token, "GET", "/api/v1/audit/records/organisation/" + write.getKey(), null);
            if (history.statusCode() != 200 || !history.body().contains("organisation.registered")) {
                withoutAuditEntry.add(write.getKey());
            }
        }
        long present = directoryNames(secondPort, token).stream().filter(name -> name.startsWith("Crash " + run))
                .count();
        var verification = api(secondPort, token, "POST", "/api/v1/audit/verifications", "{}");
        JsonNode chain = JSON.readTree(verification.body());
        Map<String, String> durability = durabilitySettings();

        System.out.printf("Crash durability: %d writes acknowledged before the crash (%d requests sent, %d without "
                + "an answer); after the restart %d of this run's organisations are present, %d acknowledged ones "
                + "missing; audit chain intact: %s (%s entries)%n", acknowledgedBeforeCrash.size(), attempted.get(),
                attempted.get() - acknowledgedBeforeCrash.size(), present, missing.size(), chain.path("intact"),
                chain.path("entriesChecked"));

        assertThat(missing).as("acknowledged writes lost in the crash").isEmpty();
        assertThat(withoutAuditEntry).as("acknowledged writes whose audit entry was lost").isEmpty();
        assertThat(present).isGreaterThanOrEqualTo(acknowledgedBeforeCrash.size());
        assertThat(verification.statusCode()).as(verification.body()).isEqualTo(200);
        assertThat(chain.path("intact").asBoolean()).as(verification.body()).isTrue();
        assertThat(chain.path("entriesChecked").asLong()).isGreaterThan(acknowledgedBeforeCrash.size());
        assertThat(durability).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on")
                .containsEntry("full_page_writes", "on");

        // A clean stop leaves no PostgreSQL behind, and the command-line check agrees with the server's.
        second.process().destroy();
        assertThat(second.process().waitFor(2, TimeUnit.MINUTES)).as("Vigil stopped on SIGTERM").isTrue();
        assertThat(postmaster()).as("PostgreSQL still running after a clean stop").isEmpty();
        Path verifyLog = data.resolveSibling(data.getFileName() + "-logs").resolve("audit-verify.log");
        int verifyStatus = VigilProcess.runToEnd(verifyLog, List.of("audit", "verify",
                "--vigil.embedded-db.dir=" + data, "--vigil.embedded-db.clean-on-start=false"), START_LIMIT);
        assertThat(verifyStatus).as(Files.readString(verifyLog)).isZero();
        assertThat(Files.readString(verifyLog)).contains("Audit trail intact");
        passed = true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Processes

    private VigilProcess start(String logName, String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--vigil.embedded-db.dir=" + data);
        arguments.add("--vigil.embedded-db.clean-on-start=false");
        VigilProcess process = VigilProcess.start(data.resolveSibling(data.getFileName() + "-logs").resolve(logName),
                arguments);
        processes.add(process);
        return process;
    }

    /** The running postmaster of the data folder, from the first line of {@code postgres/postmaster.pid}. */
    private Optional<ProcessHandle> postmaster() {
        Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.getFirst().strip())).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(command -> command.contains("postgres"))
                            .orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Clean-up: SIGKILL whatever PostgreSQL still runs on this test's data folder. */
    private void killPostgres() {
        postmaster().ifPresent(postmaster -> {
            List<ProcessHandle> backends = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            awaitExit(postmaster);
        });
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError("process " + process.pid() + " did not exit", e);
        }
    }

    /** The embedded server's durability settings, read as its superuser (password from the data folder). */
    private Map<String, String> durabilitySettings() throws IOException, SQLException {
        List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
        var secrets = new Properties();
        try (InputStream in = Files.newInputStream(data.resolve("db-secrets.properties"))) {
            secrets.load(in);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip()
                + "/postgres", "postgres", secrets.getProperty("postgres"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name, setting FROM pg_settings "
                        + "WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')")) {
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
        }
        return settings;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTTP, as a browser and as an API client

    /**
     * Signs in as the demo platform administrator through the sign-in page and creates a personal API token on the
     * tokens page, as a person would. The session cookie is {@code Secure}, which {@code java.net.CookieManager}
     * withholds over plain HTTP, so the cookies are kept here.
     */
    private String createApiToken(int port) throws IOException, InterruptedException {
        Map<String, String> cookies = new LinkedHashMap<>();
        var login = page(port, cookies, "GET", "/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        var signIn = page(port, cookies, "POST", "/login", Map.of("email", ADMIN, "password", DEMO_PASSWORD,
                "_csrf", csrf(login.body())));
        assertThat(signIn.statusCode()).as("sign-in redirects").isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        var tokens = page(port, cookies, "GET", "/account/tokens", null);
        assertThat(tokens.statusCode()).isEqualTo(200);
        var issued = page(port, cookies, "POST", "/account/tokens", Map.of("name", "crash test", "validDays", "1",
                "_csrf", csrf(tokens.body())));
        assertThat(issued.statusCode()).isEqualTo(200);
        Matcher token = NEW_TOKEN.matcher(issued.body());
        assertThat(token.find()).as("the page shows the new token:\n" + issued.body()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> page(int port, Map<String, String> cookies, String method, String path,
            Map<String, String> form) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded");
            request.method(method, HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                    .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"))));
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return response;
    }

    private static String csrf(String html) {
        Matcher csrf = CSRF.matcher(html);
        assertThat(csrf.find()).as("the page has a CSRF field:\n" + html).isTrue();
        return csrf.group(1);
    }

    private HttpResponse<String> api(int port, String token, String method, String path, String json)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> directoryNames(int port, String token) throws IOException, InterruptedException {
        var response = api(port, token, "GET", "/api/v1/organisations?kind=HEALTHCARE_ORGANISATION", null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        JSON.readTree(response.body()).forEach(organisation -> names.add(organisation.path("name").asString()));
        return names;
    }
}
