package org.vigil.deadline.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Writes an iCalendar object (RFC 5545) of timed events, each with a reminder: what a calendar client subscribed to a
 * person's deadline feed reads. Only the small part of the format the feed needs, written exactly:
 * <ul>
 *   <li>lines end in CRLF (§3.1);</li>
 *   <li>content lines longer than 75 octets are folded (§3.1) — by octets of UTF-8, never inside a multi-byte
 *       character, each continuation starting with one space;</li>
 *   <li>TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11);</li>
 *   <li>times are UTC date-times ("Z", §3.3.5, form #2), so no VTIMEZONE is needed.</li>
 * </ul>
 */
public final class ICalendar {

    private static final String CRLF = "\r\n";
    private static final int MAX_LINE_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    /**
     * One event.
     *
     * @param uid globally unique and stable for the thing it stands for, so clients update it rather than duplicate it
     * @param start when it happens
     * @param summary one line
     * @param description any length, any characters
     * @param url a link to it, or {@code null}
     * @param lastModified when it last changed, or {@code null}
     * @param alarmBefore a display reminder this long before {@code start}, or {@code null} for none
     */
    public record Event(String uid, Instant start, String summary, String description, URI url,
            Instant lastModified, Duration alarmBefore) {

        public Event {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(description, "description");
            if (alarmBefore != null && alarmBefore.isNegative()) {
                throw new IllegalArgumentException("A reminder comes before the event: " + alarmBefore);
            }
        }
    }

    /**
     * A whole calendar: {@code VCALENDAR} with one {@code VEVENT} (and its {@code VALARM}) per event.
     *
     * @param productId the {@code PRODID} (§3.7.3), for example {@code -//Vigil//Deadlines//EN}
     * @param name the calendar's name as clients show it ({@code X-WR-CALNAME}, understood by the common clients)
     * @param refresh how often a subscribed client should fetch the calendar again ({@code REFRESH-INTERVAL},
     *        RFC 7986 §5.7, and {@code X-PUBLISHED-TTL} for clients that predate it), or {@code null} to leave it to
     *        the client
     * @param stamp when this copy was produced ({@code DTSTAMP} of each event, §3.8.7.2)
     */
    public static String write(String productId, String name, Duration refresh, Instant stamp, List<Event> events) {
        var out = new StringBuilder(512 + events.size() * 600);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + text(productId));
        line(out, "CALSCALE:GREGORIAN");
        // PUBLISH: a feed to read, not an invitation to answer (RFC 5546 §3.2.1).
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        if (refresh != null) {
            line(out, "REFRESH-INTERVAL;VALUE=DURATION:" + duration(refresh));
            line(out, "X-PUBLISHED-TTL:" + duration(refresh));
        }
        for (Event event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(event.uid()));
            line(out, "DTSTAMP:" + utc(stamp));
            line(out, "DTSTART:" + utc(event.start()));
            if (event.lastModified() != null) {
                line(out, "LAST-MODIFIED:" + utc(event.lastModified()));
            }
            line(out, "SUMMARY:" + text(event.summary()));
            line(out, "DESCRIPTION:" + text(event.description()));
            if (event.url() != null) {
                // URI values are not TEXT: they are written as they are (§3.3.13).
                line(out, "URL:" + event.url().toASCIIString());
            }
            // A deadline occupies no time in the diary: shown, but never blocking a meeting slot.
            line(out, "TRANSP:TRANSPARENT");
            if (event.alarmBefore() != null) {
                line(out, "BEGIN:VALARM");
                line(out, "ACTION:DISPLAY");
                line(out, "DESCRIPTION:" + text(event.summary()));
                line(out, "TRIGGER:-" + duration(event.alarmBefore()));
                line(out, "END:VALARM");
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value escaped (§3.3.11): {@code \\}, {@code \;}, {@code \,} and {@code \n} for any line break. */
    public static String text(String value) {
        var out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> {
                    // Other control characters are not allowed in TEXT (§3.3.11, TSAFE-CHAR); a tab is.
                    if (c >= 0x20 && c != 0x7F || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * One content line folded at 75 octets of UTF-8 (§3.1), ended with CRLF. A continuation line starts with one
     * space, which counts towards its 75 octets; a character is never split between lines.
     */
    public static String fold(String line) {
        var out = new StringBuilder(line.length() + 16);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > MAX_LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        return out.append(CRLF).toString();
    }

    private static void line(StringBuilder out, String contentLine) {
        out.append(fold(contentLine));
    }

    private static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A positive duration in the form of §3.3.6: weeks or days, then hours, minutes, seconds. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        long days = seconds / 86_400;
        long rest = seconds % 86_400;
        var out = new StringBuilder("P");
        if (days > 0) {
            out.append(days).append('D');
        }
        if (rest > 0 || days == 0) {
            out.append('T');
            long hours = rest / 3600;
            long minutes = rest % 3600 / 60;
            long secs = rest % 60;
            if (hours > 0) {
                out.append(hours).append('H');
            }
            if (minutes > 0) {
                out.append(minutes).append('M');
            }
            if (secs > 0 || hours == 0 && minutes == 0) {
                out.append(secs).append('S');
            }
        }
        return out.toString();
    }
}
