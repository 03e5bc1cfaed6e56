package org.vigil.terminology;

/**
 * One pairing of an FDA CDRH adverse-event code (used in eMDR, 21 CFR 803) with the IMDRF code it corresponds to,
 * as NCI EVS publishes them for FDA ("FDA-CDRH NCIt Subsets").
 *
 * @param fdaCode the CDRH source code, for example {@code 2682}
 * @param imdrfCode the IMDRF code, for example {@code A0101}
 * @param fdaTerm the CDRH preferred term
 * @param fdaDefinition the CDRH definition
 * @param ncitCode the NCI Thesaurus concept code, for example {@code C62919}
 * @param subset the CDRH subset, for example {@code Medical Device Problem}
 */
public record CrosswalkEntry(String fdaCode, String imdrfCode, String fdaTerm, String fdaDefinition, String ncitCode,
        String subset) {
}
