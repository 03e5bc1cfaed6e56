package org.vigil.deadline.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.vigil.deadline.Due;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.Urgency;
import org.vigil.deadline.domain.TimeLeft;

/**
 * One pending obligation as the board, the dashboard panel and the calendar feed show it, at one moment: its urgency
 * (and the colour class for it), the due time in words in the manufacturer's time zone with that zone named, the time
 * left, and the recipient in one line.
 *
 * @param obligation the obligation
 * @param urgency    how close it is at {@code now}
 * @param dueText    when it is due, for example "end of Wed 8 Apr 2026"
 * @param zone       the time zone {@code dueText} is in: the manufacturer's for dated obligations, otherwise UTC
 * @param deadline   the exclusive deadline instant, or {@code null} when there is none yet
 * @param timeLeft   for example "due in 2 days 3 h" or "overdue by 1 day"; empty without a deadline
 * @param recipient  for example "National competent authority, DE" or "Swissmedic, CH via CH-REP"
 */
public record DeadlineBoardRow(ObligationView obligation, Urgency urgency, String dueText, String zone,
        Instant deadline, String timeLeft, String recipient) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm",
            Locale.ENGLISH);

    static DeadlineBoardRow of(ObligationView obligation, Instant now) {
        Due due = obligation.due();
        String dueText;
        ZoneId zone;
        switch (due) {
            case Due.By by -> {
                zone = by.zone();
                dueText = "end of " + DAY.format(by.date());
            }
            case Due.BeforeUndertaken before -> {
                zone = ZoneOffset.UTC;
                dueText = before.plannedStart() == null ? "before it is undertaken (no start planned yet)"
                        : "before it is undertaken, planned " + TIME.format(before.plannedStart().atZone(zone));
            }
            case Due.WithoutDelay without -> {
                zone = ZoneOffset.UTC;
                dueText = "without delay, since " + TIME.format(without.since().atZone(zone));
            }
        }
        Instant deadline = due.deadline();
        return new DeadlineBoardRow(obligation, obligation.urgency(now), dueText,
                zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId(), deadline,
                deadline == null ? "" : TimeLeft.describe(now, deadline), recipient(obligation));
    }

    /** The CSS class colouring the row (static/css/vigil.css), for example {@code urgency-within-2-days}. */
    public String urgencyClass() {
        return "urgency-" + urgency.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String recipient(ObligationView obligation) {
        var recipient = obligation.recipient();
        return recipient.authority().label() + ", " + recipient.country()
                + (recipient.via() == null || recipient.via().isBlank() ? "" : " via " + recipient.via());
    }
}
