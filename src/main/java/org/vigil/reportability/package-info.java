/**
 * Reportability decisions: for every case and complaint, the manufacturer's vigilance officer answers whether it is
 * an incident (MDR Art. 2(64)), whether it is serious (Art. 2(65), 2(66)), the causal relationship as MDCG 2023-3
 * frames it, whether it is an expected side-effect left to trend reporting (Art. 88), and records the two awareness
 * moments (MIR 7.3.1 §1.2.c and §1.2.d). The answers decide the MIR §1.2.g classification; the officer signs the
 * decision electronically, and the case's reporting obligations are recomputed from it at once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reportability")
package org.vigil.reportability;
