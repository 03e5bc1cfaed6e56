package org.vigil.deadline.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.deadline.persistence.CalendarFeedRecords;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserStatus;
import org.vigil.shared.Actor;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.SecretToken;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilPrincipal;

/**
 * Each person's calendar feed: a secret address from which a calendar client reads their pending deadlines. Calendar
 * clients cannot sign in, so the address itself is the credential: 256 random bits, shown once, stored only as its
 * SHA-256 (like API tokens). Issuing, resetting and revoking are recorded in the audit trail (21 CFR 11.10(e)): who
 * could read deadlines from outside Vigil, since when.
 *
 * <p>A secret opens the feed only while it is live and its holder is active and still holds a role that sees the
 * deadline board; anything else is answered as if the address did not exist.
 */
@Component
class CalendarFeeds {

    static final String RECORD_TYPE = "calendar-feed";
    static final String TOKEN_PREFIX = "vcal_";
    /** The roles that see the deadline board, hence may read it in a calendar. */
    static final Set<Role> READERS = Set.of(Role.VIGILANCE_OFFICER, Role.PRRC, Role.COMPLAINT_HANDLER);


    private final CalendarFeedRecords records;
    private final UserManagement users;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final String baseUrl;

    CalendarFeeds(CalendarFeedRecords records, UserManagement users, AuditTrail audit,
            PlatformTransactionManager transactionManager,
            @Value("${vigil.base-url:http://localhost:8080}") String baseUrl) {
        this.records = records;
        this.users = users;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * A feed just issued: its address is shown to its holder now and never again.
     *
     * @param url    the address to subscribe to, for example {@code https://vigil.example/calendar/vcal_….ics}
     * @param webcal the same address with the {@code webcal:} scheme, which opens the calendar app directly
     */
    record Issued(CalendarFeedRecords.Feed feed, String url, String webcal) {

        static Issued of(CalendarFeedRecords.Feed feed, String baseUrl, String secret) {
            String url = baseUrl + "/calendar/" + secret + ".ics";
            return new Issued(feed, url, url.replaceFirst("^https?://", "webcal://"));
        }
    }

    /** Whose feed a secret opened: the actor to read as, and whether they see the whole organisation's deadlines. */
    record Reader(Actor actor, Set<Role> roles) {

        boolean seesWholeOrganisation() {
            return roles.contains(Role.PRRC);
        }
    }

    /** The signed-in person's live feed, if they have one. */
    Optional<CalendarFeedRecords.Feed> mine(VigilPrincipal me) {
        return transactions.execute(status -> records.live(me.userId()));
    }

    /**
     * Issues the signed-in person a new feed address. A live one is revoked in the same transaction, so resetting
     * never leaves two addresses working.
     */
    Issued issue(VigilPrincipal me) {
        return transactions.execute(status -> {
            var revoked = records.revokeLive(me.userId());
            revoked.ifPresent(old -> audit.record(AuditedChange.withdrawn("calendar-feed.revoked",
                    RecordRef.of(RECORD_TYPE, old), Map.of("revoked", false), Map.of("revoked", true),
                    "Replaced by a new address (reset by its holder)")));
            String secret = SecretToken.generate(TOKEN_PREFIX).value();
            var id = UUID.randomUUID();
            String prefix = secret.substring(0, TOKEN_PREFIX.length() + 6);
            records.insert(id, me.organisationId(), me.userId(), SecretToken.hash(secret), prefix);
            audit.record(AuditedChange.created("calendar-feed.created", RecordRef.of(RECORD_TYPE, id),
                    Map.of("holder", me.userId().toString(), "prefix", prefix)));
            return Issued.of(records.live(me.userId()).orElseThrow(), baseUrl, secret);
        });
    }

    /** Revokes the signed-in person's feed: its address answers 404 from now on. Answers whether there was one. */
    boolean revoke(VigilPrincipal me) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            var revoked = records.revokeLive(me.userId());
            revoked.ifPresent(id -> audit.record(AuditedChange.withdrawn("calendar-feed.revoked",
                    RecordRef.of(RECORD_TYPE, id), Map.of("revoked", false), Map.of("revoked", true),
                    "Revoked by its holder")));
            return revoked.isPresent();
        }));
    }

    /** Who a secret lets read, or empty when it opens nothing (unknown, revoked, holder inactive or without role). */
    Optional<Reader> reader(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        // No one acts yet: the lookup function resolves the secret across organisations, and nothing else.
        var holder = transactions.execute(status -> records.holder(SecretToken.hash(secret)));
        if (holder == null || holder.isEmpty()) {
            return Optional.empty();
        }
        var found = holder.get();
        try {
            var user = Tenancy.callAs(Actor.system(found.organisationId(), "calendar feed"),
                    () -> users.get(found.userId()));
            if (user.status() != UserStatus.ACTIVE || user.roles().stream().noneMatch(READERS::contains)) {
                return Optional.empty();
            }
            return Optional.of(new Reader(new Actor(user.id(), user.displayName(), found.organisationId(),
                    Actor.Scope.TENANT), user.roles()));
        } catch (RecordNotFoundException e) {
            return Optional.empty();
        }
    }
}
