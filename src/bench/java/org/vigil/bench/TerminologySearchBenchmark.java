package org.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.VigilApplication;
import org.vigil.shared.Actor;
import org.vigil.shared.Tenancy;
import org.vigil.terminology.ImdrfAnnex;
import org.vigil.terminology.ImdrfTerminology;

/**
 * Type-ahead latency of the IMDRF adverse-event terminology: one search as a picker sends it per keystroke, over
 * the current releases of ALL annexes A–G (the bundled Release 2022 of A–G and Release 2024 of A, about 1,800
 * codes), with a realistic mix of queries: words and word beginnings, several words, accented spellings, code
 * prefixes and whole codes. Each call goes through the facade exactly as a request does (transaction, the check that
 * no newer release was loaded, ranking, limit 20). Goal: p95 under 20 ms.
 *
 * <ul>
 *   <li>{@code search_all_annexes}: {@code ImdrfTerminology.search(null, q, 20, false)}, the in-memory index.</li>
 *   <li>{@code search_one_annex_selectable_only}: as a form's picker asks, one annex, selectable terms only.</li>
 *   <li>{@code search_in_database}: the baseline a plain SQL search would give (trigram-indexed {@code LIKE} on the
 *       current releases, ranked in SQL), kept to show why the index is in memory.</li>
 * </ul>
 *
 * <p>Run: {@code bench/run-terminology.sh} (JMH sample mode; read p0.50, p0.95 and p0.99 in the output).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class TerminologySearchBenchmark {

    /** What people type into the pickers: words, beginnings of words, several words, accents, prefixes, codes. */
    static final List<String> QUERIES = List.of("leak", "implant subs", "battery", "infection", "pain", "fractur",
            "occlusion", "valve regurg", "software", "alarm", "hématome", "overheat", "material", "fluid",
            "patient device", "bleeding", "burn", "a01", "e10", "g04", "c2", "A0101", "E0102", "G04081", "A050406",
            "D01", "F1", "biocompat", "unexpected", "noise", "connection", "electrical", "sepsis", "calibration",
            "display", "needle", "air", "insufficient information", "b", "a09");

    private ConfigurableApplicationContext context;
    private ImdrfTerminology imdrf;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private Path data;
    private final Actor actor = Actor.platform("benchmark");

    @Setup(Level.Trial)
    public void start() throws Exception {
        data = Files.createTempDirectory("vigil-bench-terminology");
        var application = new SpringApplication(VigilApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        context = application.run("--vigil.embedded-db.dir=" + data, "--logging.level.root=warn",
                "--spring.main.banner-mode=off");
        imdrf = context.getBean(ImdrfTerminology.class);
        jdbc = context.getBean(JdbcClient.class);
        transactions = context.getBean(TransactionTemplate.class);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        context.close();
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Each thread walks the query list in its own order. */
    @State(Scope.Thread)
    public static class Typing {
        int next = (int) (Thread.currentThread().threadId() * 7);

        String query() {
            return QUERIES.get(Math.floorMod(next++, QUERIES.size()));
        }
    }

    @Benchmark
    public void search_all_annexes(Typing typing, Blackhole hole) {
        String q = typing.query();
        hole.consume(Tenancy.callAs(actor, () -> imdrf.search(null, q, 20, false)));
    }

    @Benchmark
    public void search_one_annex_selectable_only(Typing typing, Blackhole hole) {
        String q = typing.query();
        ImdrfAnnex annex = ImdrfAnnex.values()[Math.floorMod(typing.next, ImdrfAnnex.values().length)];
        hole.consume(Tenancy.callAs(actor, () -> imdrf.search(annex, q, 20, true)));
    }

    @Benchmark
    public void search_in_database(Typing typing, Blackhole hole) {
        String q = typing.query().toLowerCase(Locale.ROOT);
        String like = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        hole.consume(Tenancy.callAs(actor, () -> transactions.execute(status -> jdbc.sql("""
                SELECT t.code, t.term, t.definition, t.status
                  FROM imdrf_term t
                  JOIN (SELECT DISTINCT ON (annex) id FROM imdrf_release ORDER BY annex, id DESC) current
                    ON current.id = t.release_id
                 WHERE lower(t.code) LIKE ? OR lower(t.term) LIKE ?
                 ORDER BY (lower(t.code) = ?) DESC, (lower(t.code) LIKE ?) DESC, (lower(t.term) LIKE ?) DESC,
                          t.level, t.code
                 LIMIT 20
                """).params(like + "%", "%" + like + "%", q, like + "%", like + "%").query().listOfRows())));
    }
}
