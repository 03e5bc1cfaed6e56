/**
 * Organisations and their people: organisation kinds (manufacturer with its EUDAMED SRN, authorised representative,
 * healthcare organisation, competent authority), users and their roles, invitations, sign-in with lockout, password
 * changes and personal API tokens.
 *
 * <p>Regulatory basis: 21 CFR 11.10(d) and (g) (limiting access to authorised individuals, authority checks),
 * 11.300 (controls for identification codes and passwords), 11.10(e) (changes audited); MDR 2017/745 Art. 15
 * (PRRC), Art. 31 (single registration number).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations and people")
package org.vigil.organisation;
