package org.vigil.casework;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.incident.ReportKind;
import org.vigil.incident.ReportStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigil.notification.Notice;
import org.vigil.notification.Notifications;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.support.TestSmtpServer;

/**
 * The people of a case are told (MDR Art. 87, 89; MDCG 2023-3 Q&A 21: timely communication with the reporter): a new
 * case reaches the manufacturer's vigilance officers and complaint handlers, also by e-mail through a real SMTP
 * server (GreenMail); a message reaches the other side; a device request reaches the hospital.
 */
@IntegrationTest
class CaseNotificationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtpServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtpServer.sendVigilMailTo(smtp, registry, Duration.ofMillis(200));
    }

    @Autowired
    CaseWorld world;
    @Autowired
    Cases cases;
    @Autowired
    Notifications notifications;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_new_case_reaches_the_manufacturers_people_by_notice_and_e_mail_and_a_device_request_reaches_the_hospital()
            throws Exception {
        var parties = world.parties();
        var report = world.submitReport(parties, false);
        var opened = world.caseOf(report, parties.vigilance());

        await(() -> !testData.as(parties.vigilance().principal(), () -> notifications.mine(10)).isEmpty());
        assertThat(testData.as(parties.vigilance().principal(), () -> notifications.mine(10)))
                .extracting(Notice::subject).contains("New case " + opened.reference());
        assertThat(testData.as(parties.complaints().principal(), () -> notifications.mine(10)))
                .extracting(Notice::subject).contains("New case " + opened.reference());
        await(() -> messageTo(parties.vigilance().email()) != null);
        var mail = messageTo(parties.vigilance().email());
        assertThat(mail.getSubject()).isEqualTo("New case " + opened.reference());
        assertThat(GreenMailUtil.getBody(mail)).contains("/cases/" + opened.id())
                .doesNotContain("without alarm");

        testData.as(parties.vigilance().principal(), () -> cases.deviceReturn(opened.id(), "request",
                "Please send the pump in the prepaid box."));
        await(() -> testData.as(parties.reporter().principal(), () -> notifications.mine(10)).stream()
                .anyMatch(notice -> notice.subject().contains("device return")));
        await(() -> testData.as(parties.safetyOfficer().principal(), () -> notifications.mine(10)).stream()
                .anyMatch(notice -> notice.subject().contains("device return")));

        testData.as(parties.safetyOfficer().principal(), () -> cases.postMessage(opened.id(), "Shipped today."));
        await(() -> testData.as(parties.vigilance().principal(), () -> notifications.mine(10)).stream()
                .anyMatch(notice -> notice.subject().startsWith("New message")));
        assertThat(testData.as(parties.reporter().principal(), () -> notifications.mine(10)))
                .noneMatch(notice -> notice.subject().startsWith("New message"));
    }

    @Test
    void a_new_cases_notices_commit_with_the_submission_itself_per_mdr_art_87_10_and_leave_no_delivery_pending() {
        var parties = world.parties();
        var report = world.submitReport(parties, false);
        var opened = world.caseOf(report, parties.vigilance());

        // No waiting: the notices were written in the submitting transaction, not after it.
        assertThat(testData.as(parties.vigilance().principal(), () -> notifications.mine(10)))
                .extracting(Notice::subject).containsExactly("New case " + opened.reference());
        assertThat(testData.as(parties.complaints().principal(), () -> notifications.mine(10)))
                .extracting(Notice::subject).containsExactly("New case " + opened.reference());
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + opened.id().value() + "%").query(Long.class).single()).isZero();
    }

    @Test
    void a_submission_that_rolls_back_leaves_no_notice_of_its_case() {
        var parties = world.parties();
        var reporter = parties.reporter().principal();
        var draft = testData.as(reporter, () -> world.reports.startDraft(ReportKind.INCIDENT));
        var registered = world.submitReport(parties, false).content();
        var seen = testData.as(parties.vigilance().principal(), () -> notifications.mine(50)).size();

        testData.as(reporter, () -> new TransactionTemplate(transactions).execute(status -> {
            var saved = world.reports.saveDraft(draft.id(), draft.version(), registered, null);
            world.reports.submit(draft.id(), saved.version());
            status.setRollbackOnly();
            return null;
        }));

        assertThat(testData.as(parties.vigilance().principal(), () -> notifications.mine(50))).hasSize(seen);
        assertThat(testData.as(reporter, () -> world.reports.find(draft.id())).status())
                .isEqualTo(ReportStatus.DRAFT);
    }

    private static MimeMessage messageTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(email));
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 20 s");
            }
            Thread.sleep(100);
        }
    }
}
