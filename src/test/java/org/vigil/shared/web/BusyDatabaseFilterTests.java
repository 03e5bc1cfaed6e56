package org.vigil.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/** An overloaded Vigil answers 503 with Retry-After as problem+json, never a 500 ("never a 500", developers' guide). */
class BusyDatabaseFilterTests {

    private final BusyDatabaseFilter filter = new BusyDatabaseFilter();

    @Test
    void a_request_that_gets_no_database_connection_in_time_is_answered_503_with_retry_after() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/v1/incident-reports");
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("vigil - Connection is not available, request timed out"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("urn:vigil:problem:busy").contains("nothing was saved")
                .contains("/api/v1/incident-reports")
                .as("written like a controller's problem, not as the ProblemDetail bean").doesNotContain("properties");
    }

    @Test
    void any_other_failure_is_left_to_the_error_handling() {
        var response = new MockHttpServletResponse();
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/cases"), response,
                (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
