package org.vigil.device.importing;

import java.io.ByteArrayInputStream;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vigil.device.ImportProblem;
import org.vigil.device.importing.read.DeviceCsvReader;
import org.vigil.device.importing.read.GudidXmlReader;
import org.vigil.device.importing.read.ReadResult;
import org.vigil.device.importing.read.UnitsPlacedCsvReader;
import org.vigil.udi.BasicUdiDi;

/**
 * Fuzz test of the import readers' contract: whatever the bytes, a reader never throws; it answers either a fatal
 * problem and no rows, or rows and per-row problems pointing at lines of the file; every row it accepts has a valid
 * Basic UDI-DI and reads back unchanged after the CSV export.
 *
 * <p>Runs only in the Surefire execution {@code fuzz} (own fork, see pom.xml). Without {@code JAZZER_FUZZ} it replays
 * the seed corpus; with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}.
 */
@EnabledIfSystemProperty(named = "vigil.fuzz.fork", matches = "true")
class DeviceImportFuzzTests {

    @FuzzTest(maxDuration = "60s")
    void readers_never_throw_and_accepted_rows_survive_the_export_round_trip(byte[] data) {
        ReadResult csv = DeviceCsvReader.read(new ByteArrayInputStream(data));
        consistent(csv, data);
        for (var row : csv.devices()) {
            if (!BasicUdiDi.check(row.udiDi() != null ? row.udiDi().basicUdiDi() : row.basicUdiDi().basicUdiDi())
                    .valid()) {
                throw new AssertionError("accepted an invalid Basic UDI-DI on row " + row.row());
            }
        }
        if (!csv.isFatal() && !csv.devices().isEmpty()) {
            ReadResult again = DeviceCsvReader.read(new ByteArrayInputStream(DeviceCsvGenerator.csv(csv.devices())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            var expected = csv.devices().stream().map(r -> new org.vigil.device.DeviceImportRow(0, r.basicUdiDi(),
                    r.udiDi())).toList();
            var actual = again.devices().stream().map(r -> new org.vigil.device.DeviceImportRow(0, r.basicUdiDi(),
                    r.udiDi())).toList();
            if (!again.problems().isEmpty() || !expected.equals(actual)) {
                throw new AssertionError("export round trip changed rows: " + again.problems());
            }
        }
        consistent(UnitsPlacedCsvReader.read(new ByteArrayInputStream(data)), data);
        consistent(GudidXmlReader.read(new ByteArrayInputStream(data)).read(), null);
    }

    private static void consistent(ReadResult result, byte[] data) {
        if (result.isFatal() && (!result.devices().isEmpty() || !result.units().isEmpty())) {
            throw new AssertionError("a fatal file must import nothing");
        }
        long lines = data == null ? Long.MAX_VALUE : new String(data, java.nio.charset.StandardCharsets.UTF_8)
                .chars().filter(c -> c == '\n' || c == '\r').count() + 1;
        for (ImportProblem problem : result.problems()) {
            if (problem.row() < 1 || problem.row() > lines || problem.message().isBlank()) {
                throw new AssertionError("problem outside the file: " + problem);
            }
        }
    }
}
