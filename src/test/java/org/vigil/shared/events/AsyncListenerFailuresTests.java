package org.vigil.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;

class AsyncListenerFailuresTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(AsyncListenerFailures.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    void onSomething() {
    }

    @Test
    void a_listener_that_found_no_free_connection_is_one_warning_line_because_its_event_is_delivered_again()
            throws Exception {
        AsyncListenerFailures.handle(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms")),
                getClass().getDeclaredMethod("onSomething"));
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("AsyncListenerFailuresTests.onSomething",
                    "request timed out after 5000ms", "delivered again");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void any_other_failure_is_an_error_with_its_stack_trace() throws Exception {
        AsyncListenerFailures.handle(new IllegalStateException("a bug"), getClass().getDeclaredMethod("onSomething"));
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy()).isNotNull();
        });
    }
}
