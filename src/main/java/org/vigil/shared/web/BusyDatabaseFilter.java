package org.vigil.shared.web;

import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers {@code 503 Service Unavailable} with {@code Retry-After}, as {@code application/problem+json}, when a request
 * could not get a database connection in time because Vigil is overloaded, instead of a 500.
 *
 * <p>Why a filter first in the chain: the connection is often first needed by the sign-in filters (API token look-up),
 * before any controller or exception handler exists. Nothing was saved in that case (no transaction could start, or the
 * request's transaction was rolled back), so the client may simply send the same request again, with the same
 * {@code Idempotency-Key}: a 503 is never stored as the key's answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BusyDatabaseFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "2";


    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!causedByBusyDatabase(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            var problem = busy();
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(ProblemJson.bytes(problem));
        }
    }

    /** The answer to a request Vigil was too busy for; also given by {@link ApiProblemHandler} inside a controller. */
    static ProblemDetail busy() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Vigil is too busy to take "
                + "this request now; nothing was saved. Send it again in a few seconds.");
        problem.setType(ProblemTypes.BUSY);
        problem.setTitle("Busy");
        return problem;
    }

    static boolean causedByBusyDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof CannotGetJdbcConnectionException) {
                return true;
            }
        }
        return false;
    }
}
