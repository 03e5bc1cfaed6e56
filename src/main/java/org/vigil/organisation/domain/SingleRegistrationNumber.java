package org.vigil.organisation.domain;

import java.util.Optional;
import java.util.regex.Pattern;

import org.vigil.shared.OrganisationKind;

/**
 * A EUDAMED single registration number (MDR Art. 31(2)), for example {@code DE-MF-000012345}: the actor's country,
 * the actor type ({@code MF} manufacturer, {@code AR} authorised representative, {@code IM} importer, {@code PR}
 * producer of system or procedure packs) and nine digits.
 */
public record SingleRegistrationNumber(String value) {

    private static final Pattern SHAPE = Pattern.compile("([A-Z]{2})-(MF|AR|IM|PR)-\\d{9}");

    public SingleRegistrationNumber {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an SRN: " + value);
        }
    }

    /**
     * Why {@code text} cannot be the SRN of an organisation of {@code kind} in {@code country}, or empty when it can.
     */
    public static Optional<String> problemWith(String text, OrganisationKind kind, String country) {
        var matcher = SHAPE.matcher(text);
        if (!matcher.matches()) {
            return Optional.of("Write the SRN as country-type-number, for example DE-MF-000012345.");
        }
        String expectedType = switch (kind) {
            case MANUFACTURER -> "MF";
            case AUTHORISED_REPRESENTATIVE -> "AR";
            default -> null;
        };
        if (expectedType == null) {
            return Optional.of("Only manufacturers and authorised representatives have an SRN.");
        }
        if (!matcher.group(2).equals(expectedType)) {
            return Optional.of("The SRN of " + (expectedType.equals("MF") ? "a manufacturer" : "an authorised "
                    + "representative") + " has the type " + expectedType + ".");
        }
        if (!Countries.isKnown(matcher.group(1))) {
            return Optional.of("The SRN must begin with a country code.");
        }
        if (country != null && !matcher.group(1).equals(country)) {
            return Optional.of("The SRN begins with " + matcher.group(1) + " but the organisation's country is "
                    + country + ".");
        }
        return Optional.empty();
    }
}
