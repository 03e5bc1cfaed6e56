package org.vigil.support;

import java.time.Duration;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A real SMTP server for tests that read Vigil's e-mails (GreenMail, one per test class, on a free port), and the
 * settings that point Vigil's mail sender at it. Register it with {@code @RegisterExtension static final}.
 */
public final class TestSmtpServer {

    private TestSmtpServer() {
    }

    /** A server kept for the whole test class, accepting mail without authentication. */
    public static GreenMailExtension start() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }

    /** Sends Vigil's e-mails to {@code smtp}. */
    public static void sendVigilMailTo(GreenMailExtension smtp, DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    /** Sends Vigil's e-mails to {@code smtp} and lets the sender look for due e-mails every {@code interval}. */
    public static void sendVigilMailTo(GreenMailExtension smtp, DynamicPropertyRegistry registry, Duration interval) {
        sendVigilMailTo(smtp, registry);
        registry.add("vigil.notification.send-interval", () -> interval.toMillis() + "ms");
    }
}
