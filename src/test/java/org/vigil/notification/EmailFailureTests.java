package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * When the mail server cannot be reached, a delivery is retried, then marked failed; the failure is visible to the
 * organisation's administrators and in the notice itself, never silent.
 */
@IntegrationTest
class EmailFailureTests {

    static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void unreachableMailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> CLOSED_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "1000");
        registry.add("vigil.notification.send-interval", () -> "200ms");
        registry.add("vigil.notification.retry-after", () -> "100ms,100ms");
    }

    @Autowired
    Notifications notifications;
    @Autowired
    TestData testData;
    @Autowired
    HealthIndicator emailDeliveries;

    @Test
    void an_undeliverable_e_mail_is_retried_then_marked_failed_where_administrators_and_the_recipient_see_it()
            throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var officer = testData.person(hospital, Role.DEVICE_SAFETY_OFFICER);
        notifications.notifyUsers(hospital.id(), Set.of(officer.principal().userId()),
                new NoticeContent("case.message", "New message", "The manufacturer answered.", "/cases/1"));
        NotificationTests.await(() -> testData.as(admin.principal(), () -> notifications.deliveries(true, 10))
                .stream().anyMatch(delivery -> delivery.status() == Notice.EmailState.FAILED));
        var failed = testData.as(admin.principal(), () -> notifications.deliveries(true, 10)).getFirst();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(failed.toAddress()).isEqualTo(officer.email());
        assertThat(testData.as(officer.principal(), () -> notifications.mine(10)).getFirst().email())
                .isEqualTo(Notice.EmailState.FAILED);
        assertThat(emailDeliveries.health().getDetails()).containsKey("failed");
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
