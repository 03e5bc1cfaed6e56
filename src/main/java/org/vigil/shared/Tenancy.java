package org.vigil.shared;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Answers "who is acting, for which organisation?" for the current thread.
 *
 * <p>A request acts as its signed-in principal. Code that runs outside a request (jobs, the command line, sign-in
 * itself) binds an {@link Actor} explicitly with {@link #callAs}. The database transaction manager hands the answer
 * to PostgreSQL at the start of every transaction, where row-level security enforces it. With no actor, PostgreSQL
 * shows no organisation's data at all: isolation fails closed.
 */
public final class Tenancy {

    private static final ScopedValue<Actor> BOUND = ScopedValue.newInstance();

    private Tenancy() {
    }

    /** The actor of the current thread, if any. */
    public static Optional<Actor> current() {
        if (BOUND.isBound()) {
            return Optional.of(BOUND.get());
        }
        return principal().map(VigilPrincipal::actor);
    }

    /** The signed-in principal of the current request, if any. */
    public static Optional<VigilPrincipal> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof VigilPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The actor of the current thread; fails when nobody is acting, which is a programming error. */
    public static Actor requireActor() {
        return current().orElseThrow(() -> new IllegalStateException("No actor bound to this thread"));
    }

    /** Runs {@code work} as {@code actor}; transactions opened inside see that actor's organisation. */
    public static <T> T callAs(Actor actor, Callable<T> work) {
        try {
            return ScopedValue.where(BOUND, actor).call(work::call);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void runAs(Actor actor, Runnable work) {
        ScopedValue.where(BOUND, actor).run(work);
    }
}
