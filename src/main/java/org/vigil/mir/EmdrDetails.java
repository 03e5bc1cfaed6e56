package org.vigil.mir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.vigil.shared.InvalidInputException;

/**
 * What an FDA medical device report (21 CFR 803.50 and 803.52; Form FDA 3500A) needs beyond the {@link MirReport}:
 * the US-only blocks of the form. Everything the MIR already says (the event, the patient's age and sex, the device
 * and its identifiers, dates of event and awareness, the manufacturer and the initial reporter) is taken from the
 * report by {@link Emdr#write}. Block letters refer to Form FDA 3500A; sets and lists are empty, single values
 * {@code null} when not given.
 *
 * @param manufacturerReportNumber G9, the manufacturer report number (21 CFR 803.52(e)): the 7-digit CFN or
 *        10-digit FEI, the year and a 5-digit sequence, e.g. {@code 3012345678-2026-00017}; a supplemental report
 *        keeps the number of the initial report (21 CFR 803.56)
 * @param registrationNumber the manufacturer's FDA registration number (CFN) or FEI (21 CFR 807.20), the first part
 *        of the report number and of the batch id FDA's gateway expects
 * @param initialReportDate B4, the date of the report by the initial reporter (21 CFR 803.52(b)(4)): for devices
 *        the date the initial reporter gave the information to the manufacturer (or to the user facility); not in
 *        the MIR, left out when {@code null}
 * @param reportType G7, initial (30-day, 21 CFR 803.50), 5-day (21 CFR 803.53) or follow-up, i.e. supplemental
 *        (21 CFR 803.56)
 * @param followUpNumber G7, the follow-up number of a supplemental report, 1 for the first
 * @param followUpTypes H2, what a supplemental report brings
 * @param eventType H1, the type of reportable event (21 CFR 803.52(f)(1)): death, serious injury or malfunction
 * @param outcomes B2, the outcomes attributed to the adverse event (21 CFR 803.52(b)(2))
 * @param dateOfDeath B2, the date of death when the patient died
 * @param patientIdentifier A1, an identifier of the patient that is not the name (21 CFR 803.52(a)(1))
 * @param relevantTests B6, relevant tests and laboratory data with their dates (21 CFR 803.52(b)(6))
 * @param productProblem B1, whether the event is also a product problem (it always is for a malfunction)
 * @param reportSources G3, where the information came from (21 CFR 803.52(e))
 * @param premarketNumber G5, the 510(k), PMA, De Novo or HDE number, e.g. {@code K123456} (21 CFR 803.52(e))
 * @param productCode D2, FDA's three-letter product code (21 CFR 803.52(c)(2))
 * @param commonDeviceName D2, the common device name; {@code null} takes the MIR's nomenclature term (§2.2)
 * @param availableForEvaluation D10, whether the device is available for evaluation (21 CFR 803.52(c))
 * @param returnedToManufacturer D10, the date the device was returned to the manufacturer
 * @param evaluatedByManufacturer H3, whether the manufacturer evaluated the device (21 CFR 803.52(f)(3))
 * @param evaluationSummaryAttached H3, whether an evaluation summary is attached
 * @param nonEvaluationCode H3, FDA's code for why the device was not evaluated (e.g. {@code 81} other)
 * @param nonEvaluationText H3, the reason in words
 * @param labeledForSingleUse H5, whether the device is labelled for single use (21 CFR 803.52(f)(5))
 * @param reprocessedSingleUse D8, whether it is a single-use device that was reprocessed and reused
 * @param remedialActions H7, remedial actions initiated (21 CFR 803.52(f)(7))
 * @param otherRemedialAction H7, the other remedial action in words
 * @param correctionRemovalNumber H9, the correction or removal report number (21 USC 360i(f), 21 CFR 806)
 * @param initialReporterSentToFda E4, whether the initial reporter also sent the report to FDA; {@code null} when
 *        unknown
 * @param deviceProblemCodes F10/H6, FDA device problem codes (MAUDE numbers, e.g. {@code 1450})
 * @param patientProblemCodes F10/H6, FDA patient problem codes (e.g. {@code 1708})
 * @param evaluationMethodCodes H6, FDA evaluation method codes
 * @param evaluationResultCodes H6, FDA evaluation result codes
 * @param evaluationConclusionCodes H6, FDA evaluation conclusion codes
 * @param contactOffice G1/G2, the manufacturer's MDR contact office (21 CFR 803.52(e))
 * @param manufacturingSite G1, the manufacturing site when it is not the contact office, {@code null} otherwise
 */
public record EmdrDetails(String manufacturerReportNumber, String registrationNumber, LocalDate initialReportDate,
        ReportType reportType, Integer followUpNumber, Set<FollowUpType> followUpTypes, EventType eventType,
        Set<Outcome> outcomes, LocalDate dateOfDeath, String patientIdentifier, String relevantTests,
        boolean productProblem,
        Set<ReportSource> reportSources, String premarketNumber, String productCode, String commonDeviceName,
        Boolean availableForEvaluation, LocalDate returnedToManufacturer, Boolean evaluatedByManufacturer,
        Boolean evaluationSummaryAttached, String nonEvaluationCode, String nonEvaluationText,
        Boolean labeledForSingleUse, Boolean reprocessedSingleUse, Set<RemedialAction> remedialActions,
        String otherRemedialAction, String correctionRemovalNumber, Boolean initialReporterSentToFda,
        List<String> deviceProblemCodes, List<String> patientProblemCodes, List<String> evaluationMethodCodes,
        List<String> evaluationResultCodes, List<String> evaluationConclusionCodes, Office contactOffice,
        Office manufacturingSite) {

    /** CFN (7 digits) or FEI (10 digits), year, 5-digit sequence: FDA's format for the G9 number. */
    private static final Pattern REPORT_NUMBER = Pattern.compile("(\\d{7}|\\d{10})-(\\d{4})-(\\d{5})");
    private static final Pattern PRODUCT_CODE = Pattern.compile("[A-Z]{3}");

    public EmdrDetails {
        followUpTypes = copy(followUpTypes);
        outcomes = copy(outcomes);
        reportSources = copy(reportSources);
        remedialActions = copy(remedialActions);
        deviceProblemCodes = deviceProblemCodes == null ? List.of() : List.copyOf(deviceProblemCodes);
        patientProblemCodes = patientProblemCodes == null ? List.of() : List.copyOf(patientProblemCodes);
        evaluationMethodCodes = evaluationMethodCodes == null ? List.of() : List.copyOf(evaluationMethodCodes);
        evaluationResultCodes = evaluationResultCodes == null ? List.of() : List.copyOf(evaluationResultCodes);
        evaluationConclusionCodes = evaluationConclusionCodes == null ? List.of()
                : List.copyOf(evaluationConclusionCodes);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (registrationNumber == null || !registrationNumber.matches("\\d{7}|\\d{10}")) {
            errors.add(new InvalidInputException.FieldError("registrationNumber", "The FDA registration number "
                    + "(CFN, 7 digits) or FEI (10 digits) is required."));
        }
        var number = manufacturerReportNumber == null ? null : REPORT_NUMBER.matcher(manufacturerReportNumber);
        if (number == null || !number.matches()) {
            errors.add(new InvalidInputException.FieldError("manufacturerReportNumber", "The manufacturer report "
                    + "number (3500A G9) is CFN or FEI, year and a 5-digit sequence, e.g. 3012345678-2026-00017."));
        } else if (registrationNumber != null && !number.group(1).equals(registrationNumber)) {
            errors.add(new InvalidInputException.FieldError("manufacturerReportNumber", "The manufacturer report "
                    + "number starts with the registration number " + registrationNumber + " (3500A G9)."));
        }
        if (reportType == null) {
            errors.add(new InvalidInputException.FieldError("reportType", "The type of report (3500A G7) is "
                    + "required: initial, 5-day or follow-up."));
        } else if (reportType == ReportType.FOLLOW_UP && (followUpNumber == null || followUpNumber < 1)) {
            errors.add(new InvalidInputException.FieldError("followUpNumber", "A supplemental report (21 CFR "
                    + "803.56) states its follow-up number (3500A G7), 1 for the first."));
        } else if (reportType != ReportType.FOLLOW_UP && (followUpNumber != null || !followUpTypes.isEmpty())) {
            errors.add(new InvalidInputException.FieldError("followUpNumber", "Only a follow-up report has a "
                    + "follow-up number and type (3500A G7, H2)."));
        }
        if (eventType == null) {
            errors.add(new InvalidInputException.FieldError("eventType", "The type of reportable event (3500A H1) "
                    + "is required: death, serious injury or malfunction."));
        }
        if (eventType == EventType.DEATH && !outcomes.contains(Outcome.DEATH)) {
            errors.add(new InvalidInputException.FieldError("outcomes", "A death report states death among the "
                    + "outcomes (3500A B2)."));
        }
        if (dateOfDeath != null && !outcomes.contains(Outcome.DEATH)) {
            errors.add(new InvalidInputException.FieldError("dateOfDeath", "A date of death needs death among the "
                    + "outcomes (3500A B2)."));
        }
        if (productCode != null && !PRODUCT_CODE.matcher(productCode).matches()) {
            errors.add(new InvalidInputException.FieldError("productCode", "The FDA product code (3500A D2) is "
                    + "three capital letters, e.g. FRN."));
        }
        if (remedialActions.contains(RemedialAction.OTHER) && (otherRemedialAction == null
                || otherRemedialAction.isBlank())) {
            errors.add(new InvalidInputException.FieldError("otherRemedialAction", "Say what the other remedial "
                    + "action is (3500A H7)."));
        }
        if (contactOffice == null) {
            errors.add(new InvalidInputException.FieldError("contactOffice", "The MDR contact office (3500A G1) is "
                    + "required (21 CFR 803.52(e))."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values) {
        // in declaration order, so the document lists them the same way every time
        return values == null || values.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(values));
    }

    /** Whether this is a supplemental report (21 CFR 803.56). */
    public boolean supplemental() {
        return reportType == ReportType.FOLLOW_UP;
    }

    /**
     * A manufacturer's contact office or manufacturing site, 3500A G1 and G2.
     *
     * @param facility the office's or site's name
     * @param contactFirstName the contact person's first name
     * @param contactFamilyName the contact person's family name
     * @param streetLines one or two address lines
     * @param city city
     * @param state the USPS state abbreviation for a US address, otherwise the region or {@code null}
     * @param postcode ZIP or postal code
     * @param country ISO 3166-1 alpha-2 or alpha-3 code (FDA accepts both)
     * @param phone G2, telephone, e.g. {@code +1(301)555-0100}
     * @param email e-mail address
     */
    public record Office(String facility, String contactFirstName, String contactFamilyName,
            List<String> streetLines, String city, String state, String postcode, String country, String phone,
            String email) {

        public Office {
            streetLines = streetLines == null ? List.of() : List.copyOf(streetLines);
        }
    }

    /** 3500A G7, the type of report. */
    public enum ReportType {
        /** The initial (30-day) report, 21 CFR 803.50. */
        INITIAL,
        /** A 5-day report, 21 CFR 803.53. */
        FIVE_DAY,
        /** A supplemental or follow-up report, 21 CFR 803.56. */
        FOLLOW_UP
    }

    /** 3500A H2, what a follow-up report brings. */
    public enum FollowUpType {
        CORRECTION, ADDITIONAL_INFORMATION, RESPONSE_TO_FDA_REQUEST, DEVICE_EVALUATION
    }

    /** 3500A H1, the type of reportable event (21 CFR 803.3 defines serious injury and malfunction). */
    public enum EventType {
        DEATH, SERIOUS_INJURY, MALFUNCTION
    }

    /** 3500A B2, outcomes attributed to the adverse event. */
    public enum Outcome {
        DEATH, LIFE_THREATENING, HOSPITALIZATION, DISABILITY, CONGENITAL_ANOMALY, REQUIRED_INTERVENTION, OTHER
    }

    /** 3500A G3, the report source. */
    public enum ReportSource {
        FOREIGN, STUDY, LITERATURE, CONSUMER, HEALTH_PROFESSIONAL, USER_FACILITY, COMPANY_REPRESENTATIVE,
        DISTRIBUTOR, OTHER
    }

    /** 3500A H7, remedial action initiated. */
    public enum RemedialAction {
        RECALL, REPAIR, REPLACE, RELABELING, NOTIFICATION, INSPECTION, PATIENT_MONITORING, MODIFICATION_ADJUSTMENT,
        OTHER
    }
}
