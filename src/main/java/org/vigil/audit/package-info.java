/**
 * The audit trail: an append-only, hash-chained record of every change to a regulated record: who, when (database
 * clock, UTC), in which organisation, what changed from what to what, and why.
 *
 * <p>Regulatory basis: 21 CFR 11.10(e) (secure, computer-generated, time-stamped audit trails that do not obscure
 * previous values), EU GMP Annex 11 §9 (audit trail of GMP-relevant changes, with reason), ISO 13485:2016 §4.2.5
 * (control of records), MDR 2017/745 Art. 10(9) (quality management system records).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.vigil.audit;
