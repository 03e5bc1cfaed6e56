package org.vigil.incident.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A patient's pseudonym within one healthcare organisation (GDPR Art. 4(5)): the same patient identifier always gives
 * the same pseudonym in the same hospital, so reports and implant records of one patient can be linked, while the
 * identifier itself is never stored, logged or shown, and nobody without the hospital's key can reverse it or match it
 * to another hospital's records.
 *
 * <p>{@code pseudonym = "P1-" + base32(HMAC-SHA256(hospitalKey, identifier))[0..26]}, with
 * {@code hospitalKey = HMAC-SHA256(masterKey, "vigil-patient-pseudonym-1|" + organisationId)}. The master key lives
 * outside the database (a key file or a setting); the {@code P1} prefix names the key derivation so a later key can
 * coexist. The identifier is trimmed, its white space removed and letters upper-cased before hashing, so that
 * {@code 131052-308t } and {@code 131052-308T} are the same patient; other characters are kept.
 */
public record PatientPseudonym(String value) {

    public static final String PREFIX = "P1-";
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    public PatientPseudonym {
        Objects.requireNonNull(value, "value");
        if (!value.matches("P1-[A-Z2-7]{26}")) {
            throw new IllegalArgumentException("Not a patient pseudonym");
        }
    }

    /** The pseudonym of {@code identifier} in the organisation whose key is {@code hospitalKey}. */
    public static PatientPseudonym of(byte[] hospitalKey, String identifier) {
        String normalised = normalise(identifier);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("An empty patient identifier has no pseudonym");
        }
        return new PatientPseudonym(PREFIX + base32(hmac(hospitalKey, normalised.getBytes(StandardCharsets.UTF_8)),
                26));
    }

    /** The key of one organisation, derived from the master key. */
    public static byte[] hospitalKey(byte[] masterKey, String organisationId) {
        return hmac(masterKey, ("vigil-patient-pseudonym-1|" + organisationId).getBytes(StandardCharsets.UTF_8));
    }

    static String normalise(String identifier) {
        return identifier == null ? "" : identifier.strip().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private static String base32(byte[] bytes, int characters) {
        var text = new StringBuilder(characters);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && text.length() < characters) {
                text.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
