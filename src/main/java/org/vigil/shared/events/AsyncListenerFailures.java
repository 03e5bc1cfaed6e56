package org.vigil.shared.events;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * How an asynchronous after-commit listener's failure is logged. When the database is only busy for a moment (no
 * pooled connection free in time, a transient error) the event publication stays incomplete and is delivered again
 * ({@link StalledEventRedelivery}), so one warning line says so; any other failure is an error with its stack trace.
 * Why: under load, a page of stack traces per delayed notice hid the failures that need a person.
 */
@Component
class AsyncListenerFailures implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AsyncListenerFailures.class);

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return AsyncListenerFailures::handle;
    }

    static void handle(Throwable failure, Method method, Object... arguments) {
        String listener = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (transientDatabaseTrouble(failure)) {
            log.warn("{} did not finish, the database was busy ({}); its event is delivered again", listener,
                    rootMessage(failure));
        } else {
            log.error("{} failed; its event is delivered again, but this needs looking at", listener, failure);
        }
    }

    static boolean transientDatabaseTrouble(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // JDBC's own transient exceptions reach listeners wrapped in these two (only persistence code sees SQL).
            if (cause instanceof CannotCreateTransactionException || cause instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
