package org.vigil.deadline.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.vigil.deadline.BoardFilter;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.domain.ICalendar;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Tenancy;

/**
 * A person's deadlines as an iCalendar feed (RFC 5545) for their calendar app. Calendar apps cannot sign in, so the
 * path carries the person's secret feed address ({@link CalendarFeeds}) and is open without a session
 * ({@code SecurityConfiguration.PUBLIC_PATHS}). The feed acts as that person in their organisation, under row-level
 * security like any request of theirs, and shows what they would be reminded of: a PRRC every pending obligation of the
 * organisation, anyone else those they are responsible for and those nobody is responsible for yet.
 *
 * <p>Each obligation is one event at its due time (UTC), with the same UID in every copy of the feed
 * ({@code <obligation-id>@vigil}) so a client updates rather than duplicates it when the due time moves, and a reminder
 * one day before. An obligation without a due time yet (an FSCA whose start is not planned, MDR Art. 87(8)) has no
 * moment to place in a calendar and stays on the board only. An unknown or revoked address answers 404, exactly like a
 * path that does not exist.
 */
@Controller
class CalendarFeedPages {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final Duration REMINDER = Duration.ofDays(1);
    /** Due times move when a case is reclassified (MDR Art. 87(5) instead of 87(3), say): clients refresh hourly. */
    private static final Duration REFRESH = Duration.ofHours(1);

    private final CalendarFeeds feeds;
    private final Deadlines deadlines;
    private final String baseUrl;
    private final Clock clock;

    CalendarFeedPages(CalendarFeeds feeds, Deadlines deadlines, Clock clock,
            @Value("${vigil.base-url:http://localhost:8080}") String baseUrl) {
        this.feeds = feeds;
        this.clock = clock;
        this.deadlines = deadlines;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping("/calendar/{feedToken}.ics")
    @PermitAll
    ResponseEntity<byte[]> feed(@PathVariable String feedToken) {
        var reader = feeds.reader(feedToken).orElseThrow(() -> new RecordNotFoundException("calendar-feed", "feed"));
        List<ObligationView> pending = Tenancy.callAs(reader.actor(), () -> deadlines.pending(BoardFilter.all()));
        var userId = reader.actor().userId();
        Instant now = clock.instant();
        var events = pending.stream()
                .filter(o -> reader.seesWholeOrganisation() || o.responsible() == null
                        || o.responsible().equals(userId))
                .filter(o -> o.due().deadline() != null)
                .map(o -> event(DeadlineBoardRow.of(o, now)))
                .toList();
        String body = ICalendar.write("-//Vigil//Deadlines//EN", "Vigil deadlines — " + reader.actor().displayName(),
                REFRESH, now, events);
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                // The feed holds regulated data for one person: no shared cache may keep a copy.
                .cacheControl(CacheControl.noStore())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private ICalendar.Event event(DeadlineBoardRow row) {
        var o = row.obligation();
        URI caseLink = URI.create(baseUrl + "/cases/" + o.caseId());
        String summary = "Due: " + o.kind().label() + " to " + row.recipient() + " — " + o.caseReference();
        var description = new StringBuilder()
                .append(o.kind().label()).append(" to ").append(row.recipient()).append('\n')
                .append("Case ").append(o.caseReference())
                .append(o.deviceName() == null ? "" : ", " + o.deviceName()).append('\n')
                .append("Due: ").append(row.dueText()).append(" (").append(row.zone()).append(")\n")
                .append("Rule: ").append(o.source().citation()).append(" (").append(o.ruleId()).append(", ")
                .append(o.packId()).append(" v").append(o.packVersion()).append(")\n")
                .append("Official text: ").append(o.source().url()).append('\n')
                .append("Responsible: ").append(o.responsibleName() == null ? "nobody yet" : o.responsibleName())
                .append('\n')
                .append("Open in Vigil: ").append(caseLink);
        return new ICalendar.Event(o.id() + "@vigil", o.due().deadline(), summary, description.toString(), caseLink,
                o.stateChangedAt(), REMINDER);
    }
}
