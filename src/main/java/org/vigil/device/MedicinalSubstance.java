package org.vigil.device;

/**
 * Whether a device incorporates a medicinal substance and which authority was consulted on it (MDR Annex IX section
 * 5.2: the EMA for substances derived from human blood or plasma or within the centralised procedure, otherwise a
 * national medicines authority); MIR 7.3.1 section 2.4.e.
 */
public enum MedicinalSubstance {
    NONE, NATIONAL_AUTHORITY_CONSULTED, EMA_CONSULTED
}
