package org.vigil.notification;

import java.time.Instant;
import java.util.UUID;

/** A notice as its recipient sees it, with the state of its e-mail if one was sent. */
public record Notice(UUID id, String category, String subject, String body, String link, Instant createdAt,
        Instant readAt, EmailState email) {

    /** Where the e-mail for a notice stands: none sent (e-mail not configured), waiting, sent, or failed for good. */
    public enum EmailState { NONE, PENDING, SENT, FAILED }

    public boolean unread() {
        return readAt == null;
    }
}
