package org.vigil.organisation.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rules for a new password, after NIST SP 800-63B §5.1.1.2: long rather than complicated (at least 12 characters,
 * up to 128, any characters including spaces), not a well-known password, not the person's own e-mail name.
 * 21 CFR 11.300 asks that passwords be controlled; length and a deny-list do that without forcing patterns people
 * write on notes.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_LENGTH = 128;

    private static final Set<String> WELL_KNOWN = Set.of("password1234", "123456789012", "qwertyuiopas",
            "passwordpassword", "letmein12345", "welcome12345", "administrator", "iloveyou1234", "changeme1234",
            "1234567890ab", "abcdefghijkl", "qwerty123456", "password123!", "hospital1234", "vigilance123");

    private PasswordPolicy() {
    }

    /** Why {@code password} may not be used by the holder of {@code email}, or empty when it may. */
    public static Optional<String> problemWith(String password, EmailAddress email) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return Optional.of("Use at least " + MINIMUM_LENGTH + " characters; a few unrelated words work well.");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            return Optional.of("Use at most " + MAXIMUM_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (WELL_KNOWN.contains(lower) || lower.chars().distinct().count() <= 2) {
            return Optional.of("This password is too easy to guess.");
        }
        if (email != null && email.localPart().length() >= 4
                && lower.contains(email.localPart().toLowerCase(Locale.ROOT))) {
            return Optional.of("Do not use your e-mail name in your password.");
        }
        return Optional.empty();
    }
}
