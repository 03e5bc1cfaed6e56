package org.vigil.incident;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a hospital says about an event, as a draft (any field may still be missing) or as submitted (the submission
 * rules hold). Field names are the names pages, the REST API and error messages use.
 *
 * <p>The patient appears only under the hospital's pseudonym: the identifier typed by the reporter is turned into
 * {@code patientPseudonym} before anything is stored (GDPR Art. 4(5), Art. 32).
 *
 * @param kind                      incident, near miss or cybersecurity event
 * @param cybersecurityEventType    for cybersecurity events: what was observed
 * @param device                    the device concerned
 * @param occurredOn                when it happened
 * @param becameAwareOn             when the hospital became aware of it, if later
 * @param department                the ward or department
 * @param description               what happened, in the reporter's words
 * @param deviceProblemCodes        IMDRF Annex A medical device problem codes (MIR 7.3.1 section 4.1)
 * @param personInvolved            patient, user, other person or none
 * @param signsAndSymptomsCodes     IMDRF Annex E clinical signs, symptoms and conditions codes
 * @param healthImpactCodes         IMDRF Annex F health impact codes
 * @param age                       the person's age in {@code ageUnit}
 * @param ageUnit                   years, months or days
 * @param sex                       the person's sex
 * @param weightKg                  weight in kilograms
 * @param patientPseudonym          the hospital's pseudonym for the patient
 * @param deviceAvailability        whether the device can be investigated
 * @param deviceLocation            where the device is kept when available
 * @param reporterNameShared        whether the manufacturer may see the reporter's name (default: the hospital's
 *                                  device-safety officer is the contact)
 */
public record ReportContent(
        ReportKind kind,
        CybersecurityEventType cybersecurityEventType,
        ReportedDevice device,
        LocalDate occurredOn,
        LocalDate becameAwareOn,
        String department,
        String description,
        List<String> deviceProblemCodes,
        PersonInvolved personInvolved,
        List<String> signsAndSymptomsCodes,
        List<String> healthImpactCodes,
        Integer age,
        AgeUnit ageUnit,
        Sex sex,
        BigDecimal weightKg,
        String patientPseudonym,
        DeviceAvailability deviceAvailability,
        String deviceLocation,
        // Absent in a request means "not shared", the default (MDR Art. 87: the device-safety officer is the contact).
        @com.fasterxml.jackson.annotation.JsonSetter(nulls = com.fasterxml.jackson.annotation.Nulls.AS_EMPTY)
        boolean reporterNameShared) {

    public ReportContent {
        kind = kind == null ? ReportKind.INCIDENT : kind;
        device = device == null ? ReportedDevice.unknown() : device;
        deviceProblemCodes = deviceProblemCodes == null ? List.of() : List.copyOf(deviceProblemCodes);
        signsAndSymptomsCodes = signsAndSymptomsCodes == null ? List.of() : List.copyOf(signsAndSymptomsCodes);
        healthImpactCodes = healthImpactCodes == null ? List.of() : List.copyOf(healthImpactCodes);
    }

    /** An empty draft of {@code kind}. */
    public static ReportContent blank(ReportKind kind) {
        return new ReportContent(kind, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, false);
    }

    /** This report as another kind. */
    public ReportContent withKind(ReportKind newKind) {
        return new ReportContent(newKind, cybersecurityEventType, device, occurredOn, becameAwareOn, department,
                description, deviceProblemCodes, personInvolved, signsAndSymptomsCodes, healthImpactCodes, age, ageUnit,
                sex, weightKg, patientPseudonym, deviceAvailability, deviceLocation, reporterNameShared);
    }

    /** This report about {@code newDevice}. */
    public ReportContent withDevice(ReportedDevice newDevice) {
        return new ReportContent(kind, cybersecurityEventType, newDevice, occurredOn, becameAwareOn, department,
                description, deviceProblemCodes, personInvolved, signsAndSymptomsCodes, healthImpactCodes, age, ageUnit,
                sex, weightKg, patientPseudonym, deviceAvailability, deviceLocation, reporterNameShared);
    }

    /** This report with the patient under {@code pseudonym} ({@code null}: no patient identified). */
    public ReportContent withPatientPseudonym(String pseudonym) {
        return new ReportContent(kind, cybersecurityEventType, device, occurredOn, becameAwareOn, department,
                description, deviceProblemCodes, personInvolved, signsAndSymptomsCodes, healthImpactCodes, age, ageUnit,
                sex, weightKg, pseudonym, deviceAvailability, deviceLocation, reporterNameShared);
    }
}
