package org.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.VigilApplication;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.organisation.NewUser;
import org.vigil.organisation.OrganisationDetails;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserStatus;
import org.vigil.shared.SecretToken;
import org.vigil.organisation.persistence.CredentialStore;
import org.vigil.organisation.persistence.LinkAndTokenRecords;
import org.vigil.organisation.persistence.UserRecords;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;

/**
 * What the audit trail costs: the same durable writes (committed transactions on the embedded PostgreSQL with fsync
 * on) with and without their audit entries, in one JMH run. With the trail, each transaction also locks the chain
 * head, computes the SHA-256 links and inserts the entries before commit.
 *
 * <ul>
 *   <li>{@code rename}: the smallest write there is, one row updated; the worst case for the trail's share.</li>
 *   <li>{@code invite}: a typical administrative write, inviting a person (account, credential, role, one-time
 *       link: four rows), audited with two entries as {@code UserManagement.invite} does.</li>
 * </ul>
 *
 * <p>Run: {@code ./mvnw -Pbench -q compile exec:exec -Djmh.args="org.vigil.bench.AuditOverheadBenchmark -t 1"}
 * (and {@code -t 4} for concurrent writers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class AuditOverheadBenchmark {

    private ConfigurableApplicationContext context;
    private TransactionTemplate transactions;
    private UserRecords users;
    private AuditTrail audit;
    private UserManagement userManagement;
    private CredentialStore credentials;
    private LinkAndTokenRecords links;
    private OrganisationId organisation;
    private Path data;

    @Setup(Level.Trial)
    public void start() throws Exception {
        data = Files.createTempDirectory("vigil-bench-audit");
        var application = new SpringApplication(VigilApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        context = application.run("--vigil.embedded-db.dir=" + data, "--logging.level.root=warn",
                "--spring.main.banner-mode=off");
        transactions = context.getBean(TransactionTemplate.class);
        users = context.getBean(UserRecords.class);
        audit = context.getBean(AuditTrail.class);
        userManagement = context.getBean(UserManagement.class);
        credentials = context.getBean(CredentialStore.class);
        links = context.getBean(LinkAndTokenRecords.class);
        organisation = Tenancy.callAs(Actor.platform("benchmark"), () -> context.getBean(OrganisationManagement.class)
                .register(new OrganisationDetails(OrganisationKind.HEALTHCARE_ORGANISATION, "Benchmark Hospital",
                        "FI", null)).id());
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        context.close();
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** One person per benchmark thread, so the only thing threads share is the audit chain. */
    @State(Scope.Thread)
    public static class Writer {

        private static final AtomicLong THREADS = new AtomicLong();
        UserId person;
        Actor actor;
        long n;

        @Setup(Level.Trial)
        public void create(AuditOverheadBenchmark benchmark) {
            long thread = THREADS.incrementAndGet();
            actor = Actor.system(benchmark.organisation, "benchmark writer " + thread);
            person = Tenancy.callAs(actor, () -> benchmark.userManagement.invite(benchmark.organisation,
                    new NewUser("writer" + thread + "." + System.nanoTime() + "@bench.example", "Writer " + thread,
                            Set.of(Role.REPORTER))).user().id());
        }
    }

    @Benchmark
    public void invite_without_audit_trail(Writer writer) {
        long n = ++writer.n;
        Tenancy.runAs(writer.actor, () -> transactions.executeWithoutResult(status -> invite(writer, n)));
    }

    @Benchmark
    public void invite_with_audit_trail(Writer writer) {
        long n = ++writer.n;
        Tenancy.runAs(writer.actor, () -> transactions.executeWithoutResult(status -> {
            UserId invited = invite(writer, n);
            var record = RecordRef.of("user", invited.value());
            audit.record(AuditedChange.created("user.invited", record, Map.of("email", email(writer, n),
                    "displayName", "Invited " + n, "roles", List.of("REPORTER"), "status", "INVITED")));
            audit.record(AuditedChange.event("user.invitation-issued", record, Map.of("expiresAt",
                    "2026-12-01T00:00:00Z")));
        }));
    }

    private UserId invite(Writer writer, long n) {
        var invited = UserId.random();
        users.insert(invited, organisation, email(writer, n), "Invited " + n, UserStatus.INVITED);
        credentials.createEmptyCredential(invited);
        users.grantRole(invited, organisation, Role.REPORTER, null);
        links.insertLink(UUID.randomUUID(), invited, organisation, false,
                SecretToken.generate("").hash(),
                Instant.now().plus(Duration.ofDays(7)), null);
        return invited;
    }

    private static String email(Writer writer, long n) {
        return "invited" + n + "." + writer.person.value() + "@bench.example";
    }

    @Benchmark
    public void rename_without_audit_trail(Writer writer) {
        long n = ++writer.n;
        Tenancy.runAs(writer.actor, () -> transactions.executeWithoutResult(status ->
                users.rename(writer.person, "Writer renamed " + n)));
    }

    @Benchmark
    public void rename_with_audit_trail(Writer writer) {
        long n = ++writer.n;
        Tenancy.runAs(writer.actor, () -> transactions.executeWithoutResult(status -> {
            users.rename(writer.person, "Writer renamed " + n);
            audit.record(AuditedChange.changed("user.renamed", RecordRef.of("user", writer.person.value()),
                    Map.of("displayName", "Writer renamed " + (n - 1)), Map.of("displayName", "Writer renamed " + n)));
        }));
    }
}
