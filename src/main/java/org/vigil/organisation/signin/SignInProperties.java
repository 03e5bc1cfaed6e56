package org.vigil.organisation.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in lockout: after {@code maxFailedAttempts} consecutive failed sign-ins an account is locked for
 * {@code lockout} (21 CFR 11.300(d): safeguards against unauthorised use of passwords).
 */
@ConfigurationProperties("vigil.sign-in")
record SignInProperties(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockout) {
}
