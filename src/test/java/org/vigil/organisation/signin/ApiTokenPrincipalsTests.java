package org.vigil.organisation.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.SecretToken;
import org.vigil.shared.UserId;
import org.vigil.shared.VigilPrincipal;

/** The API token cache on its own, with a hand-turned clock: expiry, the bound, and what it never keeps. */
class ApiTokenPrincipalsTests {

    private static final Duration TTL = Duration.ofSeconds(5);
    private static final UserId USER = UserId.random();
    private static final OrganisationId ORGANISATION = OrganisationId.random();

    private long now = 1_000;
    private final List<byte[]> lookedUp = new ArrayList<>();

    private final Function<byte[], Optional<VigilPrincipal>> database = hash -> {
        lookedUp.add(hash);
        return Optional.of(principal(Role.REPORTER));
    };

    private ApiTokenPrincipals cache(Duration ttl, int maxEntries) {
        return new ApiTokenPrincipals(ttl, maxEntries, () -> now);
    }

    @Test
    void a_token_is_looked_up_once_and_then_served_from_memory_until_its_time_is_up() {
        var cache = cache(TTL, 10);
        byte[] token = hash("vgl_one");

        cache.principal(token, database);
        now += TTL.toNanos() - 1;
        var remembered = cache.principal(token, database);
        assertThat(lookedUp).hasSize(1);
        assertThat(remembered).get().extracting(VigilPrincipal::roles).isEqualTo(Set.of(Role.REPORTER));

        now += 1;
        cache.principal(token, database);
        assertThat(lookedUp).as("looked up again once the time to live has passed").hasSize(2);
    }

    @Test
    void a_principal_that_changed_in_the_database_is_seen_after_the_time_to_live() {
        var cache = cache(TTL, 10);
        byte[] token = hash("vgl_changing");
        cache.principal(token, database);

        now += TTL.toNanos();
        var reloaded = cache.principal(token, hash -> Optional.of(principal(Role.DEVICE_SAFETY_OFFICER)));

        assertThat(reloaded).get().extracting(VigilPrincipal::roles).isEqualTo(Set.of(Role.DEVICE_SAFETY_OFFICER));
    }

    @Test
    void an_expired_token_that_is_no_longer_found_is_refused_and_forgotten() {
        var cache = cache(TTL, 10);
        byte[] token = hash("vgl_revoked_elsewhere");
        cache.principal(token, database);

        now += TTL.toNanos();

        assertThat(cache.principal(token, hash -> Optional.empty())).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void unknown_tokens_are_never_kept_so_each_is_looked_up_and_refused_every_time() {
        var cache = cache(TTL, 10);
        for (int i = 0; i < 1_000; i++) {
            assertThat(cache.principal(hash("vgl_guess" + i), hash -> Optional.empty())).isEmpty();
        }
        assertThat(cache.principal(hash("vgl_guess0"), hash -> Optional.empty())).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_full_cache_drops_expired_tokens_first_then_the_oldest() {
        var cache = cache(TTL, 3);
        cache.principal(hash("vgl_a"), database);
        now += TTL.toNanos();
        cache.principal(hash("vgl_b"), database);
        now += 1;
        cache.principal(hash("vgl_c"), database);
        now += 1;
        cache.principal(hash("vgl_d"), database);
        assertThat(cache.size()).as("the expired a made room for d").isEqualTo(3);

        now += 1;
        cache.principal(hash("vgl_e"), database);
        assertThat(cache.size()).isEqualTo(3);
        int before = lookedUp.size();
        cache.principal(hash("vgl_c"), database);
        cache.principal(hash("vgl_d"), database);
        cache.principal(hash("vgl_e"), database);
        assertThat(lookedUp).as("c, d and e are still kept").hasSize(before);
        cache.principal(hash("vgl_b"), database);
        assertThat(lookedUp).as("b, the oldest, was dropped").hasSize(before + 1);
    }

    @Test
    void forgetting_all_makes_the_next_request_look_the_token_up_again() {
        var cache = cache(TTL, 10);
        byte[] token = hash("vgl_forgotten");
        cache.principal(token, database);

        cache.forgetAll();
        cache.principal(token, database);

        assertThat(lookedUp).hasSize(2);
    }

    @Test
    void a_lookup_that_overlaps_a_change_is_not_kept() {
        var cache = cache(TTL, 10);
        byte[] token = hash("vgl_racing");
        // The change commits while the lookup still holds what it read before.
        cache.principal(token, hash -> {
            cache.forgetAll();
            return Optional.of(principal(Role.REPORTER));
        });

        assertThat(cache.size()).isZero();
    }

    @Test
    void a_time_to_live_of_zero_looks_every_token_up_every_time() {
        var cache = cache(Duration.ZERO, 10);
        byte[] token = hash("vgl_uncached");

        cache.principal(token, database);
        cache.principal(token, database);

        assertThat(lookedUp).hasSize(2);
        assertThat(cache.size()).isZero();
    }

    private static byte[] hash(String token) {
        return SecretToken.hash(token);
    }

    private static VigilPrincipal principal(Role role) {
        return new VigilPrincipal(USER, "a@test.example", "A Person", ORGANISATION, "Hospital",
                OrganisationKind.HEALTHCARE_ORGANISATION, Set.of(role));
    }
}
