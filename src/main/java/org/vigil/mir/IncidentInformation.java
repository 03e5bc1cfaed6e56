package org.vigil.mir;

import java.util.List;

/**
 * MIR 7.3.1 §3, the incident ({@code incident_info}). Single values are {@code null} when not given.
 *
 * @param description §3.1 what happened ({@code clinical_event_info/eventDescription})
 * @param deviceProblemCodes §3.2 IMDRF Annex A medical device problem codes ({@code imdrfCodeChoice1},
 *        {@code imdrfCodeChoice2} …)
 * @param deviceLocation §3.1 where the device is now ({@code currentDeviceLocation})
 * @param operator §3.1 who operated the device at the time ({@code deviceOperator})
 * @param usage §3.1 the device's usage, e.g. initial use or reuse ({@code deviceUsage})
 * @param numberOfPatients §3.3 how many patients were involved ({@code numberOfPatients})
 * @param numberOfDevices §3.3 how many devices were involved ({@code numberOfDevices})
 * @param patient §3.3 the patient ({@code patient_info})
 * @param initialReporter §3.4 the initial reporter ({@code initial_reporter_info})
 */
public record IncidentInformation(String description, List<String> deviceProblemCodes, String deviceLocation,
        String operator, String usage, Integer numberOfPatients, Integer numberOfDevices, PatientInformation patient,
        InitialReporter initialReporter) {

    public IncidentInformation {
        deviceProblemCodes = deviceProblemCodes == null ? List.of() : List.copyOf(deviceProblemCodes);
        patient = patient == null ? new PatientInformation(List.of(), List.of(), null, null, null, null, null)
                : patient;
        initialReporter = initialReporter == null ? new InitialReporter(null, null, null, null, null)
                : initialReporter;
    }
}
