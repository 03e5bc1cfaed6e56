package org.vigil.casework;

import java.time.LocalDate;

/**
 * A complaint entered by manufacturer staff (MDR Art. 10(9); ISO 13485:2016 §8.2.2).
 *
 * @param source      phone, e-mail, field service, literature or other
 * @param device      the device: a scanned UDI or its name in words
 * @param description what the complainant reported
 * @param complainant who complained (name, organisation, contact), optional
 * @param receivedOn  when it was received; today when not given
 */
public record NewComplaint(ComplaintSource source, String device, String description, String complainant,
        LocalDate receivedOn) {
}
