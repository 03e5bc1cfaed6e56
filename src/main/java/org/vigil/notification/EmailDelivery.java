package org.vigil.notification;

import java.time.Instant;
import java.util.UUID;

import org.vigil.shared.UserId;

/** One e-mail as an organisation's administrators see it: to whom, what, and how its delivery went. */
public record EmailDelivery(UUID id, UserId recipient, String toAddress, String subject, Notice.EmailState status,
        int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError) {
}
