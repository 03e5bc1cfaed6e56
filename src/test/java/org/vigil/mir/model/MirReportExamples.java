package org.vigil.mir.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.vigil.deadline.Classification;
import org.vigil.mir.AdministrativeInformation;
import org.vigil.mir.Comments;
import org.vigil.mir.DeviceInformation;
import org.vigil.mir.IncidentInformation;
import org.vigil.mir.InitialReporter;
import org.vigil.mir.ManufacturerInvestigation;
import org.vigil.mir.MarketDistribution;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.Party;
import org.vigil.mir.PatientInformation;
import org.vigil.mir.ReportReference;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.SimilarIncidents;
import org.vigil.mir.Submitter;
import org.vigil.mir.SubmitterRole;

/**
 * Complete, valid MIR 7.3.1 reports of each type about one invented incident: an infusion pump delivered too much
 * insulin. Tests change one field at a time with the {@code with…} methods to see one rule at work.
 */
public final class MirReportExamples {

    static final Party MANUFACTURER = new Party("Vigil Demo Medical GmbH", "DE-MF-000012345", "Anna", "Berger",
            "Hauptstrasse", "12", "Berlin", "10115", "DE", "+49 30 1234567", "vigilance@demo-medical.example");
    static final Party AUTHORISED_REPRESENTATIVE = new Party("EU Rep Services B.V.", "NL-AR-000000987", "Jan",
            "de Vries", "Keizersgracht", "100", "Amsterdam", "1015 AA", "NL", "+31 20 7654321",
            "rep@eurep.example");

    private MirReportExamples() {
    }

    /** A report of {@code type} that meets every rule for that type. */
    public static MirReport complete(MirReportType type) {
        boolean fin = type.isFinal();
        boolean reportable = type != MirReportType.FINAL_NON_REPORTABLE;
        var admin = new AdministrativeInformation("DE-CA-000000001",
                type == MirReportType.INITIAL || type == MirReportType.INITIAL_AND_FINAL ? null : "BfArM-2026-0815",
                null, "VDM-MIR-2026-017", LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), reportable ? LocalDate.of(2026, 3, 9) : null,
                type, fin ? null : LocalDate.of(2026, 4, 20),
                reportable ? Classification.UNANTICIPATED_SERIOUS_DETERIORATION : null,
                new Submitter(SubmitterRole.MANUFACTURER, MANUFACTURER, AUTHORISED_REPRESENTATIVE, null, null),
                List.of(new ReportReference("BfArM-2026-0816", null, "VDM-MIR-2026-018")),
                List.of(new ReportReference(null, null, "VDM-FSCA-2026-002")), List.of("PSR-VDM-2025-01"), false,
                List.of());
        var device = new DeviceInformation("09506000134352", "GS1", "(10)LOT4711(21)SN000123", "4050000VIGILPUMP3F",
                "GS1", "EMDN", "Z12030501", "Insulin infusion pumps", "InfuStar 3",
                "Continuous subcutaneous insulin infusion for people with diabetes mellitus",
                "Wearable pump with a 3 ml reservoir", "IS3-200", "CAT-IS3-200-EU", "SN000123", "LOT4711", "3.2.1",
                "FW 1.9", LocalDate.of(2025, 6, 1), LocalDate.of(2028, 6, 1), null, null, null, null, null, null,
                "MDR", "IIb", false, "0123", "CE-0123-IS3-2024", false, false,
                new MarketDistribution(false, List.of("DE", "AT", "TR", "XI"), List.of("CH", "GB")),
                "Infusion set IS-10", "Blood glucose meter GM-5");
        var incident = new IncidentInformation("The pump delivered a bolus of 12 units instead of 1.2 units; the "
                + "patient became hypoglycaemic and was treated in hospital.", List.of("A0401", "A050101"),
                "At the manufacturer for investigation", "Patient", "Initial use", 1, 1,
                new PatientInformation(List.of("E0604"), List.of("F1201"), 54, "Female", new BigDecimal("68.5"),
                        new BigDecimal("165"), "Type 1 diabetes since 1998"),
                new InitialReporter("Healthcare professional", null, "Charité Berlin", "CH-2026-331", "DE"));
        var investigation = new ManufacturerInvestigation("The bolus calculator accepted a decimal comma as a "
                + "thousands separator in one locale.", "Customers advised to check bolus amounts before confirming.",
                fin ? null : "Software analysis of the device log is ongoing.",
                fin ? List.of("B17") : List.of(), fin ? List.of("C0402") : List.of(),
                fin ? List.of("D0101") : List.of(), List.of("G04001"),
                fin ? "Locale-dependent number parsing in the bolus calculator (software 3.2.1)." : null,
                fin ? true : null, fin ? false : null, fin ? "Software 3.2.2 installed on returned pumps." : null,
                fin ? "Number parsing fixed in software 3.2.2." : null,
                fin ? "Locale tests added to the release checklist." : null, fin ? true : null,
                fin ? "The root cause is confirmed and corrected; an FSCA updates all pumps in the field." : null,
                reportable ? new SimilarIncidents("A0401",
                        List.of(new SimilarIncidentPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 2L,
                                10_000L, 3L, 25_000L),
                                new SimilarIncidentPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 1L,
                                        3_000L, 1L, 8_000L)))
                        : SimilarIncidents.none());
        var comments = new Comments("Copy sent to the Austrian authority because devices were distributed there.",
                List.of("AT-CA-000000002"));
        return new MirReport("en", OffsetDateTime.parse("2026-03-20T10:15:00+01:00"), admin, device, incident,
                investigation, comments);
    }

    public static MirReport withAdmin(MirReport report, AdministrativeInformation admin) {
        return new MirReport(report.formLanguage(), report.created(), admin, report.device(), report.incident(),
                report.investigation(), report.comments());
    }

    public static MirReport withDevice(MirReport report, DeviceInformation device) {
        return new MirReport(report.formLanguage(), report.created(), report.administrative(), device,
                report.incident(), report.investigation(), report.comments());
    }

    public static MirReport withIncident(MirReport report, IncidentInformation incident) {
        return new MirReport(report.formLanguage(), report.created(), report.administrative(), report.device(),
                incident, report.investigation(), report.comments());
    }

    public static MirReport withInvestigation(MirReport report, ManufacturerInvestigation investigation) {
        return new MirReport(report.formLanguage(), report.created(), report.administrative(), report.device(),
                report.incident(), investigation, report.comments());
    }
}
