package org.vigil.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.notification.persistence.NoticeRecords;

/**
 * Sends waiting e-mails every few seconds. A failed attempt is retried after 1, 5, 15, 60, 240 and 720 minutes
 * ({@code vigil.notification.retry-after}); after the last retry the delivery is marked failed for good and shows on the administrators' deliveries page and in
 * the health check. Deliveries are claimed with a lease, so a crash never loses one (it is retried when the lease
 * ends) and two servers never send the same one at the same time.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
@ConditionalOnWebApplication
class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final NoticeRecords records;
    private final JavaMailSender mail;
    private final TransactionTemplate transactions;
    private final String from;
    private final List<Duration> retryAfter;

    EmailSender(NoticeRecords records, JavaMailSender mail, TransactionTemplate transactions,
            @Value("${vigil.notification.from:Vigil <vigil@localhost>}") String from,
            @Value("${vigil.notification.retry-after:1m,5m,15m,60m,240m,720m}") List<Duration> retryAfter) {
        this.records = records;
        this.mail = mail;
        this.transactions = transactions;
        this.from = from;
        this.retryAfter = List.copyOf(retryAfter);
    }

    @Scheduled(fixedDelayString = "${vigil.notification.send-interval:5s}", initialDelayString = "5s")
    void sendDue() {
        List<NoticeRecords.Claimed> due;
        do {
            due = transactions.execute(status -> records.claimDue(20, Duration.ofMinutes(5)));
            for (NoticeRecords.Claimed delivery : due) {
                send(delivery);
            }
        } while (due.size() == 20);
    }

    private void send(NoticeRecords.Claimed delivery) {
        try {
            var message = mail.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(InternetAddress.parse(from)[0]);
            helper.setTo(delivery.toAddress());
            helper.setSubject(delivery.subject());
            helper.setText(delivery.body(), false);
            mail.send(message);
            transactions.executeWithoutResult(status -> records.outcome(delivery.id(), true, null, null));
        } catch (MailException | jakarta.mail.MessagingException e) {
            Instant retryAt = delivery.attempts() <= retryAfter.size()
                    ? Instant.now().plus(retryAfter.get(delivery.attempts() - 1)) : null;
            log.warn("E-mail {} to {} failed (attempt {}): {}{}", delivery.id(), delivery.toAddress(),
                    delivery.attempts(), e.getMessage(), retryAt == null ? "; giving up" : "; retrying at " + retryAt);
            transactions.executeWithoutResult(status -> records.outcome(delivery.id(), false,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), retryAt));
        }
    }
}
