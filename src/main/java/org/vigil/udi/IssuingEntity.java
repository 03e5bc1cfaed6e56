package org.vigil.udi;

/**
 * The four UDI issuing entities designated by the European Commission under Article 27(2) of
 * Regulation (EU) 2017/745 (MDR) and Commission Implementing Decision (EU) 2019/939, and accredited
 * by the US FDA under 21 CFR 830.
 *
 * <p>Each has its own carrier syntax: GS1 (GS1 General Specifications), HIBCC (ANSI/HIBC 2.6),
 * ICCBBA (ISBT 128, ST-001 / ST-011 / ST-017) and IFA (IFA Coding System, PPN in ISO/IEC 15434).
 */
public enum IssuingEntity {
    /** GS1 AISBL: GTIN-based UDI in Application Identifier syntax or GS1 Digital Link. */
    GS1,
    /** Health Industry Business Communications Council: HIBC LIC primary/secondary structures. */
    HIBCC,
    /** ICCBBA: ISBT 128 data structures for medical products of human origin. */
    ICCBBA,
    /** Informationsstelle für Arzneispezialitäten: PPN in an ISO/IEC 15434 format 06 envelope. */
    IFA
}
