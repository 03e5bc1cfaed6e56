package org.vigil.mir.emdr;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.vigil.mir.EmdrDetails;
import org.vigil.mir.EmdrDetails.EventType;
import org.vigil.mir.EmdrDetails.FollowUpType;
import org.vigil.mir.EmdrDetails.Office;
import org.vigil.mir.EmdrDetails.Outcome;
import org.vigil.mir.EmdrDetails.RemedialAction;
import org.vigil.mir.EmdrDetails.ReportSource;
import org.vigil.mir.EmdrDetails.ReportType;
import org.vigil.mir.IncidentInformation;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.model.MirReportSamples;

/**
 * The insulin-pump incident of {@code MirReportExamples} reported to FDA as each kind of medical device report
 * (21 CFR 803.50, 803.52, 803.56): one case per document the tests write, validate and compare with a golden file.
 */
enum EmdrExamples {

    /** A death (3500A H1 death, B2 death with its date), initial report. */
    DEATH,
    /** A serious injury (H1, 21 CFR 803.3), initial report with hospitalisation and intervention. */
    SERIOUS_INJURY,
    /** A malfunction that would be likely to cause a serious injury if it recurred, without patient harm. */
    MALFUNCTION,
    /** The first supplemental report (21 CFR 803.56) with the device evaluation (H3, H6). */
    SUPPLEMENTAL;

    /** When the example batches are created, so the golden files stay the same. */
    static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-03-20T10:15:00-04:00");
    static final String FEI = "3012345678";
    static final String REPORT_NUMBER = FEI + "-2026-00017";

    static final Office CONTACT_OFFICE = new Office("Vigil Demo Medical Inc. - MDR Contact", "Laura", "Miller",
            List.of("100 Market Street", "Suite 400"), "Boston", "MA", "02110", "USA", "+1(617)555-0100",
            "mdr@demo-medical.example");
    static final Office MANUFACTURING_SITE = new Office("Vigil Demo Medical GmbH - Werk Berlin", "Anna", "Berger",
            List.of("Hauptstrasse 12"), "Berlin", null, "10115", "DEU", "+49(30)1234567",
            "vigilance@demo-medical.example");

    /** The MIR side of this case. */
    MirReport report() {
        return switch (this) {
            case DEATH -> incident(MirReportSamples.complete(MirReportType.INITIAL), "The pump delivered a bolus of "
                    + "12 units instead of 1.2 units overnight; the patient was found unresponsive with severe "
                    + "hypoglycaemia and died in hospital two days later.");
            case SERIOUS_INJURY, SUPPLEMENTAL -> MirReportSamples.complete(this == SUPPLEMENTAL
                    ? MirReportType.FINAL_REPORTABLE : MirReportType.INITIAL);
            case MALFUNCTION -> incident(MirReportSamples.complete(MirReportType.INITIAL), "During a bolus the pump "
                    + "showed 12 units where 1.2 units had been entered; the patient noticed before confirming and "
                    + "no insulin was delivered.");
        };
    }

    /** The US side of this case. */
    EmdrDetails details() {
        return switch (this) {
            case DEATH -> details(ReportType.INITIAL, null, Set.of(), EventType.DEATH,
                    Set.of(Outcome.DEATH, Outcome.HOSPITALIZATION), LocalDate.of(2026, 3, 4), false, null,
                    Set.of(), List.of(), List.of());
            case SERIOUS_INJURY -> details(ReportType.INITIAL, null, Set.of(), EventType.SERIOUS_INJURY,
                    Set.of(Outcome.HOSPITALIZATION, Outcome.REQUIRED_INTERVENTION), null, false, null, Set.of(),
                    List.of(), List.of());
            case MALFUNCTION -> details(ReportType.INITIAL, null, Set.of(), EventType.MALFUNCTION, Set.of(), null,
                    true, null, Set.of(RemedialAction.NOTIFICATION, RemedialAction.OTHER), List.of(), List.of());
            case SUPPLEMENTAL -> details(ReportType.FOLLOW_UP, 1,
                    Set.of(FollowUpType.ADDITIONAL_INFORMATION, FollowUpType.DEVICE_EVALUATION),
                    EventType.SERIOUS_INJURY, Set.of(Outcome.HOSPITALIZATION, Outcome.REQUIRED_INTERVENTION), null,
                    false, true, Set.of(RemedialAction.MODIFICATION_ADJUSTMENT), List.of("12"), List.of("3221"));
        };
    }

    private static EmdrDetails details(ReportType type, Integer followUp, Set<FollowUpType> followUpTypes,
            EventType event, Set<Outcome> outcomes, LocalDate death, boolean productProblem, Boolean evaluated,
            Set<RemedialAction> remedial, List<String> methodCodes, List<String> conclusionCodes) {
        boolean evaluation = Boolean.TRUE.equals(evaluated);
        return new EmdrDetails(REPORT_NUMBER, FEI, LocalDate.of(2026, 3, 3), type, followUp, followUpTypes, event,
                outcomes, death, "JD-0417", "2026-03-02: capillary glucose 1.9 mmol/l", productProblem,
                Set.of(ReportSource.HEALTH_PROFESSIONAL, ReportSource.USER_FACILITY),
                "K123456", "LZG", "Pump, infusion, insulin", true, evaluation ? LocalDate.of(2026, 3, 12) : null,
                evaluated, evaluation ? false : null, evaluated == null ? "81" : null,
                evaluated == null ? "Device evaluation anticipated; the pump is on its way back." : null, false,
                false, remedial, remedial.contains(RemedialAction.OTHER) ? "Software field update prepared" : null,
                remedial.isEmpty() ? null : "3012345678-03/20/2026-001-C", true, List.of("1450"),
                outcomes.isEmpty() ? List.of() : List.of("1708"), methodCodes, evaluation ? List.of("704") : List.of(),
                conclusionCodes, CONTACT_OFFICE, MANUFACTURING_SITE);
    }

    static MirReport incident(MirReport report, String description) {
        IncidentInformation incident = report.incident();
        return MirReportSamples.withIncident(report, new IncidentInformation(description,
                incident.deviceProblemCodes(), incident.deviceLocation(), incident.operator(), incident.usage(),
                incident.numberOfPatients(), incident.numberOfDevices(), incident.patient(),
                incident.initialReporter()));
    }
}
