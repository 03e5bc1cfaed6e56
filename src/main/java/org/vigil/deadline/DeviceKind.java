package org.vigil.deadline;

/** Which device law a rule pack covers: the medical-device regulations or the in-vitro-diagnostic ones. */
public enum DeviceKind {
    /** MDR 2017/745, MedDO, UK MDR 2002 Part II/III, 21 CFR 803. */
    MEDICAL_DEVICE,
    /** IVDR 2017/746, IvDO, UK MDR 2002 Part IV, 21 CFR 803 (IVDs are devices there too). */
    IN_VITRO_DIAGNOSTIC
}
