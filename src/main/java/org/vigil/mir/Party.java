package org.vigil.mir;

/**
 * A manufacturer, authorised representative or other submitter with its contact person, MIR 7.3.1 §1.3. In the form
 * XML the elements carry the party's prefix: {@code mfrName}, {@code mfrSRN}, {@code mfrContactPersonFirstName} …
 * for the manufacturer, {@code ARName}, {@code ARSRN} … for the authorised representative, {@code otherName} … for
 * another submitter. Every field is {@code null} when not given.
 *
 * @param name the organisation's name
 * @param srn its EUDAMED single registration number (MDR Art. 31), {@code XX-MF-000000000} for a manufacturer,
 *        {@code XX-AR-000000000} for an authorised representative
 * @param contactFirstName the contact person's first name
 * @param contactFamilyName the contact person's family name ({@code ContactPersonSecondName} in the form)
 * @param street street name
 * @param streetNumber street number
 * @param city city
 * @param postcode postal code
 * @param country ISO 3166-1 alpha-2 country code ({@code XI} for Northern Ireland)
 * @param phone telephone
 * @param email e-mail address
 */
public record Party(String name, String srn, String contactFirstName, String contactFamilyName, String street,
        String streetNumber, String city, String postcode, String country, String phone, String email) {
}
