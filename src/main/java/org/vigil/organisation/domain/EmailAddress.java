package org.vigil.organisation.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person's e-mail address, which is also their sign-in name: stored trimmed and in lower case so that
 * {@code Anna@Hospital.fi} and {@code anna@hospital.fi} are the same person.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public EmailAddress {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not an e-mail address: " + value);
        }
    }

    /** The normalised address, or empty when {@code text} is not an e-mail address. */
    public static Optional<EmailAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalised = text.strip().toLowerCase(Locale.ROOT);
        return isValid(normalised) ? Optional.of(new EmailAddress(normalised)) : Optional.empty();
    }

    private static boolean isValid(String value) {
        return value != null && value.length() <= 254 && value.equals(value.strip().toLowerCase(Locale.ROOT))
                && SHAPE.matcher(value).matches();
    }

    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    @Override
    public String toString() {
        return value;
    }
}
