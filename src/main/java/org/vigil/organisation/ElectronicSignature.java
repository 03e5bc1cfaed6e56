package org.vigil.organisation;

import java.time.Instant;
import java.util.Objects;

import org.vigil.shared.UserId;
import org.vigil.shared.Sha256;

/**
 * An electronic signature as 21 CFR 11.50 and 11.70 require it: the signer's printed name, when it was signed, what
 * the signing means (for example "reportability decision"), and the SHA-256 of the exact content signed, so that the
 * signature cannot be moved to other content (11.70) and any later change of that content is detectable.
 *
 * @param signer      the signing user
 * @param printedName the signer's name as printed with the signature (11.50(a)(1))
 * @param signedAt    when the signature was executed (11.50(a)(2))
 * @param meaning     the meaning of the signature (11.50(a)(3))
 * @param contentHash lower-case hexadecimal SHA-256 of the signed content's canonical UTF-8 text
 */
public record ElectronicSignature(UserId signer, String printedName, Instant signedAt, String meaning,
        String contentHash) {

    public ElectronicSignature {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(printedName, "printedName");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** Whether this signature was made over exactly {@code content}. */
    public boolean covers(String content) {
        return contentHash.equals(Sha256.hex(content));
    }
}
