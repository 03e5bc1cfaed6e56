/**
 * Coding terminologies every report uses: the European Medical Device Nomenclature (EMDN, MDR Art. 26, used in
 * EUDAMED and MIR 7.3.1 §2.2) and the IMDRF adverse-event terminology (IMDRF/AE WG N43, Annexes A–G, mandatory in
 * MIR 7.3.1 §3.2, §3.3 and §4.2). Releases are data: administrators load newer ones without a code change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Terminologies")
package org.vigil.terminology;
