package org.vigil.mir.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
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
import org.vigil.mir.MirReportType;
import org.vigil.mir.Party;
import org.vigil.mir.PatientInformation;
import org.vigil.mir.ReportReference;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.SimilarIncidents;
import org.vigil.mir.Submitter;
import org.vigil.mir.SubmitterRole;
import org.vigil.mir.MirApproval;
import org.vigil.mir.MirForm;
import org.vigil.mir.MirPdf;
import org.vigil.mir.MirReport;

/**
 * MIR PDFs per second on one thread ({@code -t 1}): {@link MirPdf#render} of a complete final report with names in
 * Polish, Danish and Greek (six A4 pages), approved (signature block) and as a draft (the report type's rules are
 * checked and listed). The renderer, its template and fonts are shared across renders, as in Vigil.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MirPdfBenchmark {

    private MirReport report;
    private Optional<MirApproval> approval;

    @Setup(Level.Trial)
    public void setUp() {
        report = finalReport();
        approval = Optional.of(new MirApproval("Agnieszka Wójcik",
                OffsetDateTime.parse("2026-03-20T11:02:33+01:00"), "approved for submission",
                MirApproval.contentHashOf(MirForm.write(report))));
    }

    @Benchmark
    public byte[] renderApproved() {
        return MirPdf.render(report, approval);
    }

    @Benchmark
    public byte[] renderDraft() {
        return MirPdf.render(report, Optional.empty());
    }

    /** A complete final report of a reportable incident with every section filled and names in several scripts. */
    static MirReport finalReport() {
        Party manufacturer = new Party("Zakład Wyrobów Medycznych Łódź sp. z o.o.", "PL-MF-000004711", "Jürgen",
                "Müller", "ulica Piotrkowska", "104", "Łódź", "90-001", "PL", "+48 42 1234567", "vigilance@zwm.example");
        Party representative = new Party("Ørsted Regulatory ApS", "DK-AR-000000321", "Søren", "Ørsted",
                "Nørregade", "7", "København", "1165", "DK", "+45 33 123456", "rep@orsted.example");
        var admin = new AdministrativeInformation("DE-CA-000000001", "BfArM-2026-0815", null, "ZWM-MIR-2026-017",
                LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 9), MirReportType.FINAL_REPORTABLE, null,
                Classification.UNANTICIPATED_SERIOUS_DETERIORATION,
                new Submitter(SubmitterRole.MANUFACTURER, manufacturer, representative, null, null),
                List.of(new ReportReference("BfArM-2026-0816", null, "ZWM-MIR-2026-018")),
                List.of(new ReportReference(null, null, "ZWM-FSCA-2026-002")), List.of("PSR-ZWM-2025-01"), false,
                List.of());
        var device = new DeviceInformation("09506000134352", "GS1", "(10)LOT4711(21)SN000123", "4050000VIGILPUMP3F",
                "GS1", "EMDN", "Z12030501", "Insulin infusion pumps", "InfuStar 3",
                "Continuous subcutaneous insulin infusion for people with diabetes mellitus",
                "Wearable pump with a 3 ml reservoir", "IS3-200", "CAT-IS3-200-EU", "SN000123", "LOT4711", "3.2.1",
                "FW 1.9", LocalDate.of(2025, 6, 1), LocalDate.of(2028, 6, 1), null, null, null, null, null, null,
                "MDR", "IIb", false, "0123", "CE-0123-IS3-2024", false, false,
                new MarketDistribution(false, List.of("DE", "AT", "PL", "DK", "TR", "XI"), List.of("CH", "GB")),
                "Infusion set IS-10", "Blood glucose meter GM-5");
        var incident = new IncidentInformation("The pump delivered a bolus of 12 units instead of 1.2 units; the "
                + "patient became hypoglycaemic and was treated in hospital.", List.of("A0401", "A050101"),
                "At the manufacturer for investigation", "Patient", "Initial use", 1, 1,
                new PatientInformation(List.of("E0604"), List.of("F1201"), 54, "Female", new BigDecimal("68.5"),
                        new BigDecimal("165"), "Type 1 diabetes since 1998"),
                new InitialReporter("Healthcare professional", null, "Γενικό Νοσοκομείο Αθηνών «Ευαγγελισμός»",
                        "ΕΥ-2026-17", "GR"));
        var investigation = new ManufacturerInvestigation("The bolus calculator accepted a decimal comma as a "
                + "thousands separator in one locale.", "Customers advised to check bolus amounts before confirming.",
                null, List.of("B17"), List.of("C0402"), List.of("D0101"), List.of("G04001"),
                "Locale-dependent number parsing in the bolus calculator (software 3.2.1).", true, false,
                "Software 3.2.2 installed on returned pumps.", "Number parsing fixed in software 3.2.2.",
                "Locale tests added to the release checklist.", true,
                "The root cause is confirmed and corrected; an FSCA updates all pumps in the field.",
                new SimilarIncidents("A0401", List.of(
                        new SimilarIncidentPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 2L, 10_000L,
                                3L, 25_000L),
                        new SimilarIncidentPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 1L, 3_000L,
                                1L, 8_000L))));
        return new MirReport("en", OffsetDateTime.parse("2026-03-20T10:15:00+01:00"), admin, device, incident,
                investigation, new Comments("Copy sent to the Austrian authority.", List.of("AT-CA-000000002")));
    }
}
