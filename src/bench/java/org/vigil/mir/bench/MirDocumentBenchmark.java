package org.vigil.mir.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vigil.deadline.Classification;
import org.vigil.mir.AdministrativeInformation;
import org.vigil.mir.Comments;
import org.vigil.mir.DeviceInformation;
import org.vigil.mir.IncidentInformation;
import org.vigil.mir.InitialReporter;
import org.vigil.mir.ManufacturerInvestigation;
import org.vigil.mir.MarketDistribution;
import org.vigil.mir.MirDocumentKind;
import org.vigil.mir.MirEudamed;
import org.vigil.mir.MirForm;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.MirValidation;
import org.vigil.mir.MirValidationReport;
import org.vigil.mir.Party;
import org.vigil.mir.PatientInformation;
import org.vigil.mir.ReportReference;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.SimilarIncidents;
import org.vigil.mir.Submitter;
import org.vigil.mir.SubmitterRole;

/**
 * Manufacturer incident report documents generated and validated per second on one thread (run with {@code -t 1},
 * i.e. per core); issue 6 asks for at least 2,000 per second.
 *
 * <ul>
 * <li>{@code formWriteAndCheck}: MIR form 7.3.1 XML written by {@link MirForm#write} and read back by
 * {@link MirValidation}'s structural check (no EC XSDs configured).</li>
 * <li>{@code eudamedWriteAndValidate}: the EUDAMED DTX 3.0.25 message written by {@link MirEudamed#write} and
 * validated against the vendored DTX schemas ({@code service/Message.xsd} with the vigilance elements).</li>
 * </ul>
 * Both on a complete combined initial-and-final report with every section filled (free texts, IMDRF codes of all
 * annexes, two similar-incident periods, three parties); each invocation writes and checks one document afresh, the
 * report number varying so no output can be cached.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MirDocumentBenchmark {

    private final MirValidation validation = MirValidation.withDefaults();
    private MirReport[] reports;
    private int next;

    @Setup
    public void setUp() throws IOException {
        reports = new MirReport[64];
        for (int i = 0; i < reports.length; i++) {
            reports[i] = report("VDM-MIR-2026-" + (100 + i));
        }
        for (MirReport report : reports) {
            require(validation.validate(new ByteArrayInputStream(MirForm.write(report))), MirDocumentKind.MIR_FORM);
            require(validation.validate(new ByteArrayInputStream(MirEudamed.write(report))),
                    MirDocumentKind.EUDAMED_MIR);
            require(validation.validateGeneratedEudamed(MirEudamed.write(report)), MirDocumentKind.EUDAMED_MIR);
        }
    }

    private static void require(MirValidationReport result, MirDocumentKind kind) {
        if (!result.valid() || result.kind() != kind) {
            throw new IllegalStateException("benchmark documents must be valid " + kind + ": " + result.problems());
        }
    }

    @Benchmark
    public MirValidationReport formWriteAndCheck() throws IOException {
        MirReport report = reports[next++ & (reports.length - 1)];
        return validation.validate(new ByteArrayInputStream(MirForm.write(report)));
    }

    @Benchmark
    public MirValidationReport eudamedWriteAndValidate() throws IOException {
        MirReport report = reports[next++ & (reports.length - 1)];
        return validation.validate(new ByteArrayInputStream(MirEudamed.write(report)));
    }

    /** What Vigil does before handing out an EUDAMED document it wrote: the fast schema check for its own documents. */
    @Benchmark
    public MirValidationReport eudamedWriteAndValidateAsGenerated() throws IOException {
        MirReport report = reports[next++ & (reports.length - 1)];
        return validation.validateGeneratedEudamed(MirEudamed.write(report));
    }

    /** A complete report, comparable to the test suite's {@code MirReportExamples.complete(INITIAL_AND_FINAL)}. */
    static MirReport report(String manufacturerReference) {
        var manufacturer = new Party("Bench Medical GmbH", "DE-MF-000054321", "Clara", "Neumann", "Ringstrasse", "7",
                "München", "80331", "DE", "+49 89 7654321", "vigilance@bench-medical.example");
        var representative = new Party("EU Rep Services B.V.", "NL-AR-000000987", "Jan", "de Vries", "Keizersgracht",
                "100", "Amsterdam", "1015 AA", "NL", "+31 20 7654321", "rep@eurep.example");
        var admin = new AdministrativeInformation("DE-CA-000000001", null, null, manufacturerReference,
                LocalDate.of(2026, 5, 12), LocalDate.of(2026, 4, 28), LocalDate.of(2026, 4, 28),
                LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 4), MirReportType.INITIAL_AND_FINAL, null,
                Classification.UNANTICIPATED_SERIOUS_DETERIORATION,
                new Submitter(SubmitterRole.MANUFACTURER, manufacturer, representative, null, null),
                List.of(new ReportReference("BfArM-2026-1201", null, "VDM-MIR-2026-099")),
                List.of(new ReportReference(null, null, "VDM-FSCA-2026-004")), List.of("PSR-VDM-2025-02"), false,
                List.of());
        var device = new DeviceInformation("04012345678901", "GS1", "(10)LOT2211(21)SN009876", "4012345BENCHVENT7Q",
                "GS1", "EMDN", "Z12030299", "Ventilators for intensive care", "BreathCare 7",
                "Invasive and non-invasive ventilation of adult patients in intensive care",
                "Ventilator with turbine, touch screen and oxygen blender", "BC7-ICU", "CAT-BC7-ICU-EU", "SN009876",
                "LOT2211", "7.4.0", "FW 2.1", LocalDate.of(2024, 11, 3), LocalDate.of(2034, 11, 3), null, null, null,
                null, null, null, "MDR", "IIb", false, "0123", "CE-0123-BC7-2024", false, false,
                new MarketDistribution(false, List.of("DE", "AT", "FR", "NL", "XI"), List.of("CH", "GB", "US")),
                "Breathing circuit BC-22", "Humidifier HM-3");
        var incident = new IncidentInformation("During ventilation the device stopped with a turbine alarm; the "
                + "patient was ventilated manually and desaturated to 82 % SpO2 before a replacement was connected.",
                List.of("A0502", "A1603"), "At the manufacturer for investigation", "Healthcare professional",
                "Initial use", 1, 1,
                new PatientInformation(List.of("E0505", "E2330"), List.of("F1903"), 67, "Male",
                        new BigDecimal("81.0"), new BigDecimal("178"), "COPD GOLD 3; post-operative after CABG"),
                new InitialReporter("Healthcare professional", null, "Klinikum Süd", "KS-2026-77", "DE"));
        var investigation = new ManufacturerInvestigation("The turbine controller reset after a voltage dip.",
                "Hospitals advised to keep a manual resuscitator at each ventilator.", null, List.of("B01", "B17"),
                List.of("C0402", "C1001"), List.of("D0101"), List.of("G04001", "G02003"),
                "Brown-out detection threshold of the turbine controller set too high (firmware 2.1).", true, false,
                "Controllers on returned devices replaced.", "Firmware 2.2 lowers the brown-out threshold.",
                "Voltage-dip tests added to design verification.", true,
                "Root cause confirmed and corrected; an FSCA updates the firmware of all devices in the field.",
                new SimilarIncidents("A0502",
                        List.of(new SimilarIncidentPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 3L,
                                4_000L, 5L, 9_500L),
                                new SimilarIncidentPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30), 1L,
                                        1_400L, 2L, 3_200L))));
        var comments = new Comments("Copy sent to the Austrian and French authorities.",
                List.of("AT-CA-000000002", "FR-CA-000000003"));
        return new MirReport("en", OffsetDateTime.parse("2026-05-12T09:30:00+02:00"), admin, device, incident,
                investigation, comments);
    }
}
