package org.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.VigilApplication;
import org.vigil.device.BasicUdiDiData;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.DeviceRegister;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.device.UnitsPlaced;
import org.vigil.device.UnitsPlacedRow;
import org.vigil.organisation.OrganisationDetails;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Tenancy;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.IssuingEntity;

/**
 * What a bulk import of the device register costs: one call of {@code DeviceRegister.importRows} with 10,000 new
 * UDI-DIs (2,000 Basic UDI-DIs with five UDI-DIs each, one market each), every row checked with the register's rules
 * and every new record audited, committed on the embedded PostgreSQL with fsync on; and one call of
 * {@code importUnitsPlaced} with 10,000 figures. The import engine of the register's file imports calls these per
 * chunk.
 *
 * <p>Run: {@code ./mvnw -Pbench -q compile exec:exec -Djmh.args="org.vigil.bench.DeviceImportBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class DeviceImportBenchmark {

    private ConfigurableApplicationContext context;
    private DeviceRegister register;
    private Actor actor;
    private Path data;
    private long sequence;
    private List<DeviceImportRow> rows;
    private List<UnitsPlacedRow> units;
    private byte[] csv;
    private org.vigil.device.importing.DeviceImports imports;

    @Setup(Level.Trial)
    public void start() throws Exception {
        data = Files.createTempDirectory("vigil-bench-devices");
        var application = new SpringApplication(VigilApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        context = application.run("--vigil.embedded-db.dir=" + data, "--logging.level.root=warn",
                "--spring.main.banner-mode=off");
        register = context.getBean(DeviceRegister.class);
        imports = context.getBean(org.vigil.device.importing.DeviceImports.class);
        OrganisationId manufacturer = Tenancy.callAs(Actor.platform("benchmark"), () -> context
                .getBean(OrganisationManagement.class).register(new OrganisationDetails(OrganisationKind.MANUFACTURER,
                        "Benchmark Manufacturer", "DE", "DE-MF-000000123")).id());
        actor = Actor.system(manufacturer, "benchmark import");
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        context.close();
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Fresh identifiers for every invocation, so each one imports 10,000 new UDI-DIs. */
    @Setup(Level.Invocation)
    public void prepare() {
        rows = new ArrayList<>(10_000);
        units = new ArrayList<>(10_000);
        for (int b = 0; b < 2_000; b++) {
            String basicUdiDi = BasicUdiDi.addCheckCharacters(IssuingEntity.GS1, "4009999B" + (++sequence)).value();
            var basic = new BasicUdiDiData(basicUdiDi, "Benchmark device " + b, "Benchmarking", Legislation.MDR, false,
                    RiskClass.MDR_IIA, false, false, false, false, MedicinalSubstance.NONE, false, false, "0123",
                    List.of("CERT-1"), "DE-MF-000000123", null);
            for (int u = 0; u < 5; u++) {
                String gtin = gtin(++sequence);
                rows.add(new DeviceImportRow(rows.size() + 1, basic, new UdiDiData(basicUdiDi, gtin, IssuingEntity.GS1,
                        "Trade " + b + "/" + u, "M-" + u, "REF-" + b, "Z12030301", null, null, List.of(),
                        List.of(new MarketPlacement("DE", LocalDate.of(2024, 1, 1), null)))));
                units.add(new UnitsPlacedRow(units.size() + 1, new UnitsPlaced(gtin, "DE", YearMonth.of(2025, 1), u)));
            }
        }
        var text = new java.io.StringWriter();
        var writer = new org.vigil.device.importing.write.DeviceCsvWriter(text).header();
        rows.forEach(writer::row);
        csv = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The whole file import as a manufacturer starts it from the page or {@code POST /api/v1/devices/imports}: a
     * 10,000-row device CSV (about 3 MB) read and checked, stored in chunks of 500 in one transaction with progress
     * written alongside, the per-row report and the audit entries, until the import reports COMPLETED.
     */
    @Benchmark
    public Object import_job_for_a_10000_row_device_csv_file() throws InterruptedException {
        var queued = Tenancy.callAs(actor, () -> imports.submit("devices.csv", csv,
                org.vigil.device.importing.ImportFormat.DEVICE_CSV));
        while (true) {
            var job = Tenancy.callAs(actor, () -> imports.get(queued.id()));
            if (job.status().finished()) {
                if (job.stored() != 10_000) {
                    throw new IllegalStateException("Import did not store every row: " + job);
                }
                return job;
            }
            Thread.sleep(5);
        }
    }

    @Benchmark
    public Object import_10000_udi_dis_then_10000_units_placed_figures() {
        return Tenancy.callAs(actor, () -> {
            var problems = register.importRows(rows, "benchmark");
            if (!problems.isEmpty()) {
                throw new IllegalStateException(problems.subList(0, 1).toString());
            }
            return register.importUnitsPlaced(units, "benchmark");
        });
    }

    private static String gtin(long n) {
        return org.vigil.udi.Gs1.withCheckDigit("0400" + String.format("%09d", n)).value();
    }
}
