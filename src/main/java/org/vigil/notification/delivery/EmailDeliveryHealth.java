package org.vigil.notification.delivery;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.notification.Notifications;
import org.vigil.notification.persistence.NoticeRecords;

/**
 * E-mail delivery in the health check: DEGRADED when e-mails are more than ten minutes overdue (the mail server is
 * unreachable or the sender stalled), with counts of waiting and failed deliveries for platform administrators.
 */
@Component("emailDeliveries")
class EmailDeliveryHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Some e-mails are more than ten minutes overdue");

    private final NoticeRecords records;
    private final TransactionTemplate transactions;
    private final Notifications notifications;

    EmailDeliveryHealth(NoticeRecords records, TransactionTemplate transactions, Notifications notifications) {
        this.records = records;
        this.transactions = transactions;
        this.notifications = notifications;
    }

    @Override
    public Health health() {
        if (!notifications.emailEnabled()) {
            return Health.up().withDetail("email", "not configured (spring.mail.host); notices stay in Vigil")
                    .build();
        }
        var backlog = transactions.execute(status -> records.backlog());
        return Health.status(backlog.overdue() > 0 ? DEGRADED : Status.UP)
                .withDetail("pending", backlog.pending())
                .withDetail("overdue", backlog.overdue())
                .withDetail("failed", backlog.failed())
                .build();
    }
}
