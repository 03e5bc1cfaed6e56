package org.vigil.mir;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.vigil.shared.InvalidInputException;
import org.vigil.shared.Sha256;

/**
 * The electronic signature approving a manufacturer incident report for submission (21 CFR 11.50 signature
 * manifestations: the signer's printed name, the date and time of signing and its meaning; 21 CFR 11.70 signature
 * binding: the signature is linked to the exact record it signs by the SHA-256 of the MIR form XML bytes submitted,
 * so the signature cannot be carried over to another or an altered report). Printed on the MIR PDF by
 * {@link MirPdf}.
 *
 * @param printedName the signer's full name as printed, e.g. {@code Anna Berger}
 * @param signedAt when the signature was given, with the signer's offset from UTC
 * @param meaning what the signature means, e.g. {@code approved for submission}
 * @param contentHash the SHA-256 of the exact XML bytes submitted, 64 hexadecimal digits (stored lower case)
 */
public record MirApproval(String printedName, OffsetDateTime signedAt, String meaning, String contentHash) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * @throws InvalidInputException naming each missing component, or {@code contentHash} when it is not 64
     *         hexadecimal digits
     */
    public MirApproval {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (printedName == null || printedName.isBlank()) {
            errors.add(new InvalidInputException.FieldError("printedName", "The signer's printed name is missing."));
        }
        if (signedAt == null) {
            errors.add(new InvalidInputException.FieldError("signedAt", "The date and time of signing is missing."));
        }
        if (meaning == null || meaning.isBlank()) {
            errors.add(new InvalidInputException.FieldError("meaning", "The meaning of the signature is missing."));
        }
        if (contentHash == null || !SHA_256_HEX.matcher(contentHash).matches()) {
            errors.add(new InvalidInputException.FieldError("contentHash", "The content hash must be the SHA-256 of "
                    + "the submitted XML as 64 hexadecimal digits."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        printedName = printedName.strip();
        meaning = meaning.strip();
        contentHash = contentHash.toLowerCase(Locale.ROOT);
    }

    /** The SHA-256 of {@code submittedXml} as 64 lower-case hexadecimal digits, the form {@code contentHash} takes. */
    public static String contentHashOf(byte[] submittedXml) {
        return Sha256.hex(submittedXml);
    }
}
