package org.vigil.incident.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vigil.incident.DeviceAvailability;
import org.vigil.incident.PersonInvolved;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportKind;

/**
 * What a report must contain before it can be submitted, so the manufacturer can assess it as MDR Art. 87 and MIR 7.3.1
 * require without a round of questions: the device (identified or described), when, what happened, coded with the
 * IMDRF terminology (Annex A problem codes are mandatory in MIR 7.3.1 section 4.1), who was involved and with what
 * outcome, and whether the device can be investigated. Drafts may break every rule; submission may not.
 */
public final class SubmissionRules {

    /** The longest description accepted; long logs belong in an attachment. */
    public static final int MAX_DESCRIPTION = 20_000;
    private static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("700");
    /** IMDRF Annex F: F26 "No Health Consequences or Impact", F27 "No Patient Involvement". */
    private static final java.util.Set<String> NO_PERSON_IMPACTS = java.util.Set.of("F26", "F27");

    /** Checks one code against a terminology: empty when the code may be used for new coding, else why not. */
    @FunctionalInterface
    public interface CodeCheck {
        Optional<String> problem(char annex, String code);
    }

    private SubmissionRules() {
    }

    /** Every rule {@code report} breaks on {@code today}; empty when it can be submitted. */
    public static List<ReportProblem> check(ReportContent report, LocalDate today, CodeCheck codes) {
        var problems = new ArrayList<ReportProblem>();
        var device = report.device();
        if (device.udiDi() == null && (blank(device.manufacturerName()) || blank(device.deviceName()))) {
            if (blank(device.manufacturerName())) {
                problems.add(new ReportProblem("device.manufacturerName",
                        "Scan or search the device, or give at least the manufacturer and the device name."));
            }
            if (blank(device.deviceName())) {
                problems.add(new ReportProblem("device.deviceName",
                        "Scan or search the device, or give at least the manufacturer and the device name."));
            }
        }
        if (report.occurredOn() == null) {
            problems.add(new ReportProblem("occurredOn", "Give the date of the event (an estimate is fine)."));
        } else if (report.occurredOn().isAfter(today)) {
            problems.add(new ReportProblem("occurredOn", "The date of the event lies in the future."));
        }
        if (report.becameAwareOn() != null) {
            if (report.becameAwareOn().isAfter(today)) {
                problems.add(new ReportProblem("becameAwareOn", "The awareness date lies in the future."));
            } else if (report.occurredOn() != null && report.becameAwareOn().isBefore(report.occurredOn())) {
                problems.add(new ReportProblem("becameAwareOn",
                        "The hospital cannot have become aware before the event happened."));
            }
        }
        if (blank(report.description())) {
            problems.add(new ReportProblem("description", "Describe what happened."));
        } else if (report.description().length() > MAX_DESCRIPTION) {
            problems.add(new ReportProblem("description", "The description has " + report.description().length()
                    + " characters; at most " + MAX_DESCRIPTION + " fit. Attach longer logs as a file."));
        }
        if (report.kind() == ReportKind.CYBERSECURITY_EVENT && report.cybersecurityEventType() == null) {
            problems.add(new ReportProblem("cybersecurityEventType",
                    "Say whether an intrusion is suspected or the device misbehaved after an update."));
        }
        if (report.deviceProblemCodes().isEmpty()) {
            problems.add(new ReportProblem("deviceProblemCodes",
                    "Choose at least one device problem code (IMDRF Annex A)."));
        }
        checkCodes(problems, "deviceProblemCodes", 'A', report.deviceProblemCodes(), codes);
        checkCodes(problems, "signsAndSymptomsCodes", 'E', report.signsAndSymptomsCodes(), codes);
        checkCodes(problems, "healthImpactCodes", 'F', report.healthImpactCodes(), codes);
        checkPerson(report, problems);
        if (report.deviceAvailability() == null) {
            problems.add(new ReportProblem("deviceAvailability",
                    "Say whether the device is available for investigation."));
        } else if (report.deviceAvailability() == DeviceAvailability.AVAILABLE && blank(report.deviceLocation())) {
            problems.add(new ReportProblem("deviceLocation",
                    "Say where the device is kept, so it can be collected for investigation."));
        }
        return List.copyOf(problems);
    }

    private static void checkPerson(ReportContent report, List<ReportProblem> problems) {
        if (report.personInvolved() == null) {
            problems.add(new ReportProblem("personInvolved",
                    "Say whether a patient, a user or another person was involved, or nobody."));
            return;
        }
        if (report.personInvolved() == PersonInvolved.NONE) {
            if (!report.signsAndSymptomsCodes().isEmpty()) {
                problems.add(new ReportProblem("signsAndSymptomsCodes",
                        "Clinical signs were given although nobody was involved."));
            }
            // Annex F has codes for exactly this situation; any other health impact contradicts "nobody involved".
            if (report.healthImpactCodes().stream().anyMatch(code -> !NO_PERSON_IMPACTS.contains(code))) {
                problems.add(new ReportProblem("healthImpactCodes",
                        "A health impact was given although nobody was involved; use F26 or F27 or none."));
            }
            if (report.patientPseudonym() != null) {
                problems.add(new ReportProblem("patientIdentifier",
                        "A patient was identified although nobody was involved."));
            }
            return;
        }
        if (report.kind() == ReportKind.INCIDENT && report.healthImpactCodes().isEmpty()) {
            problems.add(new ReportProblem("healthImpactCodes",
                    "Choose the health impact (IMDRF Annex F), e.g. \"no health consequences or impact\"."));
        }
        if (report.age() != null) {
            var unit = report.ageUnit();
            if (unit == null) {
                problems.add(new ReportProblem("ageUnit", "Say whether the age is in years, months or days."));
            } else if (report.age() < 0 || report.age() > unit.plausibleMaximum()) {
                problems.add(new ReportProblem("age", "An age of " + report.age() + " "
                        + unit.name().toLowerCase(java.util.Locale.ROOT) + " is not plausible."));
            }
        }
        if (report.weightKg() != null
                && (report.weightKg().signum() <= 0 || report.weightKg().compareTo(MAX_WEIGHT_KG) > 0)) {
            problems.add(new ReportProblem("weightKg", "A weight of " + report.weightKg().toPlainString()
                    + " kg is not plausible."));
        }
    }

    private static void checkCodes(List<ReportProblem> problems, String field, char annex, List<String> values,
            CodeCheck codes) {
        var seen = new java.util.HashSet<String>();
        for (String code : values) {
            if (!seen.add(code)) {
                problems.add(new ReportProblem(field, "Code " + code + " is given twice."));
                continue;
            }
            codes.problem(annex, code).ifPresent(problem -> problems.add(new ReportProblem(field, problem)));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
