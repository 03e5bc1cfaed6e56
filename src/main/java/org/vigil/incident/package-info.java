/**
 * Incident reports from healthcare organisations: what happened, with which device (by UDI scan, register search or
 * free text: reporting is never blocked), coded with the IMDRF terminology, the person involved under a pseudonym, and
 * the evidence (photos, device logs); drafts, submission, and a copy to the competent authority where a country asks
 * for one. Near misses and cybersecurity events are reports of their own kind.
 *
 * <p>Regulatory basis: MDR 2017/745 Art. 87(1) and (10)–(11) (healthcare professionals and users report, Member
 * States encourage and record them), Art. 2(64)–(65) (incident, serious incident), MDCG 2023-3 (near incidents, use
 * errors), GDPR Art. 4(5) and 32 (pseudonymisation of health data).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incident reports")
package org.vigil.incident;
