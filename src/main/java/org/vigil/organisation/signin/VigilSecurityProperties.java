package org.vigil.organisation.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a resolved API token is trusted without asking the database again ({@code apiTokenCacheTtl}, {@code 0}
 * to ask every time); see {@link ApiTokenPrincipals} for what this bounds.
 */
@ConfigurationProperties("vigil.security")
record VigilSecurityProperties(@DefaultValue("5s") Duration apiTokenCacheTtl) {
}
