package org.vigil.portal.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * How pages show times: in UTC, to the minute or second, so that every reader of a shared record sees the same
 * time whatever their time zone. Templates call it as {@code ${@display.instant(value)}}.
 */
@Component("display")
class DisplayFormats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String instant(Instant value) {
        return value == null ? "" : MINUTE.format(value);
    }

    public String precise(Instant value) {
        return value == null ? "" : SECOND.format(value);
    }

    /** A stored value as text: an ISO-8601 instant (as records keep times) to the minute in UTC, anything else as is. */
    public String value(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.length() >= 20 && Character.isDigit(text.charAt(0)) && text.charAt(10) == 'T') {
            try {
                return instant(Instant.parse(text));
            } catch (java.time.format.DateTimeParseException notAnInstant) {
                return text;
            }
        }
        return text;
    }
}
