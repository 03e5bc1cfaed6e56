package org.vigil.notification;

import java.util.Objects;

/**
 * What a notice says. Notices and e-mails name the record and link to it; they never carry patient data, because
 * e-mail leaves Vigil's protection (GDPR Art. 5(1)(f), Art. 32).
 *
 * @param category a stable dotted code, for example {@code case.opened}, to group and filter notices
 * @param subject one line
 * @param body a few plain-text sentences
 * @param link the page to open, as a path such as {@code /cases/…}, or {@code null}
 */
public record NoticeContent(String category, String subject, String body, String link) {

    public NoticeContent {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (subject.isBlank() || subject.length() > 300) {
            throw new IllegalArgumentException("A notice needs a subject of 1 to 300 characters");
        }
        if (link != null && !link.startsWith("/")) {
            throw new IllegalArgumentException("Links are paths within Vigil: " + link);
        }
    }
}
