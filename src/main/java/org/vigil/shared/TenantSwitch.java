package org.vigil.shared;

import java.util.function.Supplier;

/**
 * Acts for another organisation inside the transaction already running, so that what is written for that organisation
 * commits together with the change that caused it, or not at all (a transactional outbox, e.g. the notices of a newly
 * opened case: MDR Art. 87(10)–(11) asks that the manufacturer hears of every report, so a submission must never commit
 * without them).
 *
 * <p>Row-level security then sees the other organisation for the duration of {@code work} and the caller's own again
 * afterwards. Without a running transaction {@code work} runs in a transaction of its own, as the other organisation.
 * Use it for writes on another organisation's behalf that the code decides, never for what a person asks to read.
 */
public interface TenantSwitch {

    <T> T callAs(Actor actor, Supplier<T> work);
}
