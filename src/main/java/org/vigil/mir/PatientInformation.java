package org.vigil.mir;

import java.math.BigDecimal;
import java.util.List;

/**
 * MIR 7.3.1 §3.3, the patient involved ({@code incident_info/patient_info}). Single values are {@code null} when not
 * given.
 *
 * @param clinicalCodes §3.3 IMDRF Annex E clinical signs, symptoms and conditions ({@code imdrfClinicalCodeChoice1},
 *        {@code imdrfClinicalCodeChoice2} …)
 * @param healthImpactCodes §3.3 IMDRF Annex F health effects ({@code imdrfHealthCodeChoice1} …)
 * @param ageYears §3.3 age at the time of the incident, in years ({@code patientAge})
 * @param sex §3.3 {@code Male}, {@code Female}, {@code Other} or {@code Unknown} ({@code Gender})
 * @param weightKg §3.3 weight in kg ({@code massKG})
 * @param heightCm §3.3 height in cm ({@code heightCM})
 * @param priorConditions §3.3 prior medication and health conditions ({@code patientPriorMedication})
 */
public record PatientInformation(List<String> clinicalCodes, List<String> healthImpactCodes, Integer ageYears,
        String sex, BigDecimal weightKg, BigDecimal heightCm, String priorConditions) {

    public PatientInformation {
        clinicalCodes = clinicalCodes == null ? List.of() : List.copyOf(clinicalCodes);
        healthImpactCodes = healthImpactCodes == null ? List.of() : List.copyOf(healthImpactCodes);
    }
}
