package org.vigil.organisation;

/**
 * A personal API token just created. The secret is shown this once; Vigil keeps only its hash. Send it as
 * {@code Authorization: Bearer <secret>}.
 */
public record IssuedApiToken(ApiTokenView token, String secret) {

    @Override
    public String toString() {
        return "IssuedApiToken[" + token + "]";
    }
}
