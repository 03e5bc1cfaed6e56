package org.vigil.organisation.signin;

import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.vigil.organisation.ApiTokenRevoked;
import org.vigil.organisation.OrganisationUpdated;
import org.vigil.organisation.UserAccessChanged;
import org.vigil.shared.VigilPrincipal;

/**
 * The principals of recently used API tokens, by token hash. Without it every bearer request costs two transactions
 * before any work (the token lookup, which also records its use, then the holder and their organisation), a large
 * share of the cost at issue 4's load of 1,000 report submissions a second on two processors.
 *
 * <p>A principal is kept for at most {@code vigil.security.api-token-cache-ttl} (default 5 s; {@code 0} looks every
 * token up every time). Security changes made through this Vigil instance apply to the very next request: a revoked
 * token, a changed role or status and an edited organisation empty the cache once committed (or at once, when made
 * outside a transaction). Changes this instance does not see take effect after at most the TTL: another instance
 * sharing the database, a command-line run, or a token reaching its expiry time.
 *
 * <p>Only tokens that were found are kept; an unknown token is looked up every time and refused, so a flood of made-up
 * tokens neither fills memory nor gets in. The cache holds at most {@value #MAX_ENTRIES} tokens, dropping expired ones,
 * then the oldest, when full.
 */
@Component
class ApiTokenPrincipals {

    static final int MAX_ENTRIES = 10_000;

    private record Cached(VigilPrincipal principal, long expiresAt) {

        boolean liveAt(long now) {
            return expiresAt - now > 0;
        }
    }

    private final Map<String, Cached> cached = new ConcurrentHashMap<>();
    // Moves on every invalidation, so that a lookup which started before a change cannot store what it read.
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    @Autowired
    ApiTokenPrincipals(VigilSecurityProperties properties) {
        this(properties.apiTokenCacheTtl(), MAX_ENTRIES, System::nanoTime);
    }

    ApiTokenPrincipals(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("vigil.security.api-token-cache-ttl must not be negative: " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("At least one token must fit: " + maxEntries);
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /**
     * The principal of the token with hash {@code tokenHash}: remembered, or else from {@code lookup}, which answers
     * empty for a token that is unknown, expired or revoked, or whose holder is not active.
     */
    Optional<VigilPrincipal> principal(byte[] tokenHash, Function<byte[], Optional<VigilPrincipal>> lookup) {
        if (ttlNanos == 0) {
            return lookup.apply(tokenHash);
        }
        String key = HexFormat.of().formatHex(tokenHash);
        long now = nanoTime.getAsLong();
        var remembered = cached.get(key);
        if (remembered != null) {
            if (remembered.liveAt(now)) {
                return Optional.of(remembered.principal());
            }
            cached.remove(key, remembered);
        }
        long generationBefore = generation.get();
        var found = lookup.apply(tokenHash);
        found.ifPresent(principal -> remember(key, new Cached(principal, now + ttlNanos), generationBefore));
        return found;
    }

    /** Whether the token with hash {@code tokenHash} would be served from memory now. */
    boolean remembers(byte[] tokenHash) {
        var remembered = cached.get(HexFormat.of().formatHex(tokenHash));
        return remembered != null && remembered.liveAt(nanoTime.getAsLong());
    }

    /** How many tokens are remembered, expired ones included until they are next asked for or evicted. */
    int size() {
        return cached.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ApiTokenRevoked event) {
        forgetAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserAccessChanged event) {
        forgetAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OrganisationUpdated event) {
        forgetAll();
    }

    // These changes are rare; forgetting every token is simpler than indexing tokens by holder and organisation.
    void forgetAll() {
        generation.incrementAndGet();
        cached.clear();
    }

    private void remember(String key, Cached entry, long generationBefore) {
        if (cached.size() >= maxEntries) {
            makeRoom(nanoTime.getAsLong());
        }
        cached.put(key, entry);
        if (generation.get() != generationBefore) {
            cached.remove(key, entry);
        }
    }

    private void makeRoom(long now) {
        cached.values().removeIf(entry -> !entry.liveAt(now));
        while (cached.size() >= maxEntries) {
            cached.entrySet().stream()
                    .min(Comparator.comparingLong((Map.Entry<String, Cached> entry) -> entry.getValue().expiresAt()
                            - now))
                    .ifPresent(oldest -> cached.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
