package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.support.TestSmtpServer;

/**
 * Notices reach the right people in the application and by e-mail through a real SMTP server (GreenMail), and a
 * recipient reads only their own notices.
 */
@IntegrationTest
class NotificationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtpServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtpServer.sendVigilMailTo(smtp, registry, Duration.ofMillis(200));
    }

    @Autowired
    Notifications notifications;
    @Autowired
    TestData testData;

    @Test
    void a_notice_to_a_role_reaches_every_active_holder_in_the_application_and_by_e_mail() throws Exception {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var first = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var second = testData.person(manufacturer, Role.VIGILANCE_OFFICER, Role.PRRC);
        var other = testData.person(manufacturer, Role.COMPLAINT_HANDLER);
        int sent = notifications.notifyRoles(manufacturer.id(), Set.of(Role.VIGILANCE_OFFICER, Role.PRRC),
                new NoticeContent("case.opened", "New case from Hospital A", "A hospital reported an incident.",
                        "/cases/123"));
        assertThat(sent).isEqualTo(2);
        assertThat(testData.as(first.principal(), () -> notifications.mine(10))).extracting(Notice::subject)
                .containsExactly("New case from Hospital A");
        assertThat(testData.as(second.principal(), () -> notifications.unreadCount())).isEqualTo(1);
        assertThat(testData.as(other.principal(), () -> notifications.mine(10))).isEmpty();

        // Other tests of this class share the SMTP server, so wait for exactly these recipients' messages.
        await(() -> smtp.getReceivedMessagesForDomain("test.example").length > 0
                && recipients().containsAll(Set.of(first.email(), second.email())));
        assertThat(recipients()).doesNotContain(other.email());
        var toFirst = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> recipientOf(message).equals(first.email())).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getBody(toFirst)).contains("A hospital reported an incident.")
                .contains("http://localhost:8080/cases/123");
        await(() -> testData.as(first.principal(), () -> notifications.mine(10)).getFirst().email()
                == Notice.EmailState.SENT);
    }

    @Test
    void a_person_marks_their_own_notice_read_and_cannot_touch_anyone_elses() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var officer = testData.person(hospital, Role.DEVICE_SAFETY_OFFICER);
        var colleague = testData.person(hospital, Role.DEVICE_SAFETY_OFFICER);
        notifications.notifyUsers(hospital.id(), Set.of(officer.principal().userId()),
                new NoticeContent("case.message", "New message", "The manufacturer answered.", null));
        var notice = testData.as(officer.principal(), () -> notifications.mine(10)).getFirst();
        assertThatThrownBy(() -> testData.as(colleague.principal(), () -> notifications.markRead(notice.id())))
                .isInstanceOf(RecordNotFoundException.class);
        var read = testData.as(officer.principal(), () -> notifications.markRead(notice.id()));
        assertThat(read.unread()).isFalse();
        assertThat(testData.as(officer.principal(), () -> notifications.unreadCount())).isZero();
    }

    @Test
    void deactivated_people_and_people_of_other_organisations_are_not_notified() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var other = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var stranger = testData.person(other, Role.REPORTER);
        int sent = notifications.notifyUsers(hospital.id(), Set.of(stranger.principal().userId()),
                new NoticeContent("case.message", "Not for you", "Nothing.", null));
        assertThat(sent).isZero();
        assertThat(testData.as(stranger.principal(), () -> notifications.mine(10))).isEmpty();
    }

    static java.util.List<String> recipients() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).map(NotificationTests::recipientOf).toList();
    }

    static String recipientOf(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
