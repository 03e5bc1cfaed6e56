package org.vigil.deadline.web;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.deadline.persistence.CalendarFeedRecords;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Tenancy;

/**
 * REST: the caller's calendar feed address ({@link CalendarFeeds}), for the people who see the deadline board. The
 * address is in the answer that issues it and never again; only its first characters are kept to recognise it.
 */
@RestController
@RequestMapping("/api/v1/calendar-feed")
@RolesAllowed({ "VIGILANCE_OFFICER", "PRRC", "COMPLAINT_HANDLER" })
@Tag(name = "Deadlines")
class CalendarFeedApi {

    private final CalendarFeeds feeds;

    CalendarFeedApi(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    /** Your live feed as Vigil keeps it: the address's first characters, when it was made and last read. */
    record FeedView(String prefix, Instant createdAt, Instant lastReadAt) {

        static FeedView of(CalendarFeedRecords.Feed feed) {
            return new FeedView(feed.prefix(), feed.createdAt(), feed.lastReadAt());
        }
    }

    /** A feed just issued, with its full address ({@code url}; {@code webcal} opens a calendar app directly). */
    record IssuedFeed(String url, String webcal, String prefix, Instant createdAt) {
    }

    @GetMapping
    @Operation(summary = "Your live calendar feed (never its address); 404 when you have none")
    FeedView mine() {
        return feeds.mine(Tenancy.principal().orElseThrow()).map(FeedView::of)
                .orElseThrow(() -> new RecordNotFoundException(CalendarFeeds.RECORD_TYPE, "yours"));
    }

    @PostMapping
    @Operation(summary = "Issue your calendar feed address (iCalendar, RFC 5545); a previous address stops working. "
            + "The address is in this answer only")
    ResponseEntity<IssuedFeed> issue() {
        var issued = feeds.issue(Tenancy.principal().orElseThrow());
        return ResponseEntity.created(URI.create("/api/v1/calendar-feed")).body(new IssuedFeed(issued.url(),
                issued.webcal(), issued.feed().prefix(), issued.feed().createdAt()));
    }

    @PostMapping("/revocation")
    @Operation(summary = "Revoke your calendar feed address: it answers 404 from now on; 404 when you have none")
    ResponseEntity<Void> revoke() {
        if (!feeds.revoke(Tenancy.principal().orElseThrow())) {
            throw new RecordNotFoundException(CalendarFeeds.RECORD_TYPE, "yours");
        }
        return ResponseEntity.noContent().build();
    }
}
