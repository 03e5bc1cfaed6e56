package org.vigil.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
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
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 4's load goal: hospital systems submitting incident reports over the REST API, sustained, with every
 * submission durably committed, audited and its notification queued, and nothing lost.
 *
 * <p>One <em>submission</em> is what a hospital system does for one report: {@code POST /api/v1/incident-reports}
 * with the complete content and {@code "submit": true} (mode {@code one-call}, the default), or, as a person's draft
 * is submitted, that POST without {@code submit} followed by {@code POST …/{id}/submit} (mode {@code draft}). Its
 * latency runs from the moment it was <em>scheduled</em> to the last answer, so an overloaded server cannot hide
 * queueing behind slower requests (open loop, no coordinated omission): arrivals come at a fixed rate whatever the
 * answers do.
 *
 * <p>Afterwards it checks in the database that every acknowledged report is submitted, audited, has its shared case
 * and its notifications queued: the "nothing lost" half of the goal.
 *
 * <p>Submissions go out through {@link LeanHttpClient}, so that the driver takes little of the CPU it shares with Vigil.
 * <p>Arguments: {@code baseUrl dataFolder rate seconds warmupSeconds [one-call|draft]}. Run through {@code bench/run-submissions.sh},
 * which starts Vigil on a fresh data folder with its demo data.
 */
public final class SubmissionLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("id=\"new-token\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern REPORT_ID = Pattern.compile("\"report\":\\{\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final int MAX_OUTSTANDING = 4_000;

    private final URI base;
    private final LeanHttpClient api;
    private final List<String> tokens = new ArrayList<>();
    private final boolean oneCall;

    private SubmissionLoad(URI base, boolean oneCall) {
        this.base = base;
        this.oneCall = oneCall;
        this.api = new LeanHttpClient(base);
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        Path data = Path.of(args[1]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        boolean oneCall = args.length < 6 || !"draft".equals(args[5]);
        var load = new SubmissionLoad(base, oneCall);
        // Three hospital users of two hospitals, as several hospital systems would be.
        for (String person : List.of("reporter@hospital-a.demo", "safety@hospital-a.demo", "reporter@hospital-b.demo")) {
            load.tokens.add(load.issueToken(person, "Vigil-demo-2026"));
        }
        System.out.printf("warm-up: %d s at %d/s%n", warmup, rate);
        load.run(rate, warmup, null);
        System.out.printf("measuring: %d s at %d/s%n", seconds, rate);
        var measured = new Run();
        load.run(rate, seconds, measured);
        measured.print(rate, seconds);
        System.out.println("waiting for cases and notifications to catch up, then checking nothing was lost …");
        new LossCheck(data).check(measured.acknowledged);
    }

    /** Signs in through the sign-in page and issues a personal API token on the tokens page, as a person does. */
    private String issueToken(String email, String password) throws IOException, InterruptedException {
        // The session cookie is Secure; browsers send it to http://localhost (a secure context), Java's cookie
        // manager only over https, so the driver looks it up as for https.
        var cookies = new CookieManager() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                return super.get(URI.create(uri.toString().replaceFirst("^http:", "https:")), headers);
            }
        };
        var browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String loginPage = browser.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var signedIn = browser.send(form("/login", Map.of("email", email, "password", password,
                "_csrf", find(CSRF, loginPage))), HttpResponse.BodyHandlers.ofString());
        if (signedIn.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("Could not sign in as " + email);
        }
        String tokensPage = browser.send(HttpRequest.newBuilder(base.resolve("/account/tokens")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String issued = browser.send(form("/account/tokens", Map.of("name", "submission load " + UUID.randomUUID(),
                "validDays", "1", "_csrf", find(CSRF, tokensPage))), HttpResponse.BodyHandlers.ofString()).body();
        return find(TOKEN, issued);
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        var body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private void run(int rate, int seconds, Run measured) throws InterruptedException {
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = (long) rate * seconds;
        var outstanding = new Semaphore(MAX_OUTSTANDING);
        var workers = Executors.newVirtualThreadPerTaskExecutor();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * period;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!outstanding.tryAcquire()) {
                // The server has fallen so far behind that waiting for it would stop the arrivals: that is a failure.
                if (measured != null) {
                    measured.notSent.incrementAndGet();
                }
                continue;
            }
            String token = tokens.get((int) (i % tokens.size()));
            long sequence = i;
            workers.execute(() -> {
                try {
                    submitOne(token, sequence, scheduled, measured);
                } finally {
                    outstanding.release();
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.MINUTES);
        if (measured != null) {
            measured.elapsedNanos = System.nanoTime() - start;
        }
    }

    private void submitOne(String token, long sequence, long scheduled, Run measured) {
        try {
            var created = post(token, "/api/v1/incident-reports", newReport(sequence, oneCall));
            if (created.status() != 201) {
                fail(measured, "create " + created.status() + " " + created.body());
                return;
            }
            String id = find(REPORT_ID, created.body());
            if (oneCall) {
                long done = System.nanoTime();
                if (!created.body().contains("\"status\":\"SUBMITTED\"")) {
                    fail(measured, "not submitted: " + created.body());
                } else if (measured != null) {
                    measured.latencies.add(done - scheduled);
                    measured.acknowledged.add(UUID.fromString(id));
                }
                return;
            }
            String version = find(VERSION, created.body());
            var submitted = post(token, "/api/v1/incident-reports/" + id + "/submit",
                    "{\"version\":" + version + "}");
            long done = System.nanoTime();
            if (submitted.status() != 200) {
                fail(measured, "submit " + submitted.status() + " " + submitted.body());
                return;
            }
            if (measured != null) {
                measured.latencies.add(done - scheduled);
                measured.acknowledged.add(UUID.fromString(id));
            }
        } catch (IOException | RuntimeException e) {
            fail(measured, e.toString());
        }
    }

    private static void fail(Run measured, String why) {
        if (measured != null && measured.failures.incrementAndGet() <= 5) {
            System.out.println("failed: " + why);
        }
    }

    private LeanHttpClient.Response post(String token, String path, String json) throws IOException {
        return api.post(path, Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                "Idempotency-Key", UUID.randomUUID().toString()), json);
    }

    /** A complete report about a registered demo device, each with its own text and patient. */
    private static String newReport(long sequence, boolean submit) {
        String yesterday = LocalDate.now().minusDays(1).toString();
        return """
                {"content":{"kind":"INCIDENT","device":{"scan":"(01)04069999000015(17)271231(10)LOT42(21)SN%d"},
                 "occurredOn":"%s","department":"ICU","description":"Load test report %d: the stem loosened.",
                 "deviceProblemCodes":["A0401"],"personInvolved":"PATIENT","healthImpactCodes":["F26"],
                 "age":64,"ageUnit":"YEARS","sex":"FEMALE","deviceAvailability":"AVAILABLE",
                 "deviceLocation":"Safety office"},"patientIdentifier":"MRN-%d","submit":%b}
                """.formatted(sequence, yesterday, sequence, sequence, submit);
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("Expected " + pattern + " in: "
                    + text.substring(0, Math.min(text.length(), 500)));
        }
        return matcher.group(1);
    }

    /** What one measured run saw. */
    private static final class Run {
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<UUID> acknowledged = new ConcurrentLinkedQueue<>();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong notSent = new AtomicLong();
        long elapsedNanos;

        void print(int rate, int seconds) {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            double elapsed = elapsedNanos / 1e9;
            System.out.printf("offered %d/s for %d s: %d acknowledged in %.1f s = %.0f/s; %d failed, %d not sent%n",
                    rate, seconds, sorted.length, elapsed, sorted.length / elapsed, failures.get(), notSent.get());
            if (sorted.length > 0) {
                System.out.printf("submission latency (from the scheduled start to the last answer): p50 %.1f ms, "
                        + "p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n", ms(sorted, 0.50),
                        ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
            }
        }

        private static double ms(long[] sorted, double quantile) {
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }
    }

    /** Looks in Vigil's embedded database (as its superuser) for everything each acknowledged submission promised. */
    private record LossCheck(Path data) {

        void check(ConcurrentLinkedQueue<UUID> acknowledged) throws Exception {
            UUID[] ids = acknowledged.toArray(UUID[]::new);
            try (Connection db = connect()) {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                long[] counts;
                do {
                    counts = counts(db, ids);
                    if (counts[2] == ids.length && counts[4] == 0) {
                        break;
                    }
                    Thread.sleep(1_000);
                } while (System.nanoTime() < deadline);
                System.out.printf("acknowledged %d; in the database: submitted %d, with a submission audit entry %d, "
                        + "with a case %d, event publications incomplete %d, case notifications queued %d, "
                        + "Idempotency-Keys without their stored answer %d%n",
                        ids.length, counts[0], counts[1], counts[2], counts[4], counts[3], counts[5]);
                // A key without its answer would make a hospital system's retry submit the report a second time.
                boolean lost = counts[0] != ids.length || counts[1] != ids.length || counts[2] != ids.length
                        || counts[3] < ids.length || counts[4] != 0 || counts[5] != 0;
                System.out.println(lost ? "LOST: some acknowledged submissions are incomplete" : "nothing lost");
            }
        }

        private long[] counts(Connection db, UUID[] ids) throws SQLException {
            try (var statement = db.prepareStatement("""
                    WITH acked(id) AS (SELECT unnest(?::uuid[]))
                    SELECT (SELECT count(*) FROM incident_report r JOIN acked a ON a.id = r.id
                             WHERE r.status = 'SUBMITTED'),
                           (SELECT count(DISTINCT e.record_id) FROM audit_entry e JOIN acked a ON a.id = e.record_id
                             WHERE e.action = 'incident-report.submitted'),
                           (SELECT count(*) FROM vigil_case c JOIN acked a ON a.id = c.report_id),
                           (SELECT count(DISTINCT c.id) FROM vigil_case c JOIN acked a ON a.id = c.report_id
                             WHERE EXISTS (SELECT 1 FROM notice n WHERE n.link = '/cases/' || c.id)),
                           (SELECT count(*) FROM event_publication WHERE completion_date IS NULL),
                           (SELECT count(*) FROM idempotent_request WHERE response_status = 0)
                    """)) {
                statement.setArray(1, db.createArrayOf("uuid", ids));
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return new long[] { rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                        rows.getLong(5), rows.getLong(6) };
                }
            }
        }

        private Connection connect() throws IOException, SQLException {
            var secrets = new Properties();
            try (InputStream in = Files.newInputStream(data.resolve("db-secrets.properties"))) {
                secrets.load(in);
            }
            String port = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).trim();
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/vigil?currentSchema=vigil", "postgres",
                    secrets.getProperty("postgres"));
        }
    }
}
