package org.vigil.shared.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilPrincipal;
import org.vigil.shared.database.IdempotentRequestStore;
import org.vigil.shared.database.IdempotentRequestStore.StoredResponse;

/**
 * Makes creating API requests safe to retry: a POST under {@code /api/} with an {@code Idempotency-Key} header is
 * processed once per user and key. Repeating it with the same body returns the first response (marked
 * {@code Idempotent-Replayed: true}); with a different body it is refused with 422.
 *
 * <p>The key is reserved, the request processed and its response stored in one database transaction, so a stored
 * response always belongs to a committed change and a change is never made twice. A concurrent duplicate waits for
 * the first to finish and then gets its response. Failed requests (status 4xx or 5xx) store nothing, so the client
 * can correct the request and retry with the same key. Responses are kept for 24 hours.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final IdempotentRequestStore store;
    private final TransactionTemplate transactions;

    IdempotencyFilter(IdempotentRequestStore store, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<VigilPrincipal> principal = Tenancy.principal();
        if (principal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problem(response, HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters.");
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.INVALID_INPUT, "Request too large",
                    "Requests with an Idempotency-Key may be at most " + MAX_BODY / (1024 * 1024) + " MB.");
            return;
        }
        byte[] fingerprint = fingerprint(request, body);
        var userId = principal.get().userId().value();
        var caching = new ContentCachingResponseWrapper(response);
        try {
            transactions.executeWithoutResult(status -> {
                store.forgetExpired(userId);
                if (!store.reserve(userId, key, principal.get().organisationId().value(), fingerprint)) {
                    replay(userId, key, fingerprint, caching);
                    status.setRollbackOnly();
                    return;
                }
                try {
                    chain.doFilter(new CachedBodyRequest(request, body), caching);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new IllegalStateException(e);
                }
                int outcome = caching.getStatus();
                if (outcome < 200 || outcome >= 300) {
                    status.setRollbackOnly();
                    return;
                }
                store.complete(userId, key, new StoredResponse(fingerprint, outcome, caching.getContentType(),
                        caching.getHeader(HttpHeaders.LOCATION), caching.getContentAsByteArray()));
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            throw e;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        caching.copyBodyToResponse();
    }

    private void replay(java.util.UUID userId, String key, byte[] fingerprint, ContentCachingResponseWrapper response) {
        StoredResponse stored = store.find(userId, key);
        try {
            if (!Arrays.equals(stored.fingerprint(), fingerprint)) {
                problem(response, HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key reused", "This Idempotency-Key was already used for a different request. "
                                + "Use a new key for a new request.");
                return;
            }
            if (stored.status() == 0) {
                problem(response, HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Request in progress",
                        "The first request with this Idempotency-Key is still being processed; retry shortly.");
                return;
            }
            response.setStatus(stored.status());
            if (stored.type() != null) {
                response.setContentType(stored.type());
            }
            if (stored.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, stored.location());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(stored.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, URI type, String title, String detail)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(ProblemJson.bytes(problem));
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        var buffer = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] chunk = new byte[8192];
            int read;
            while ((read = in.read(chunk)) != -1) {
                if (buffer.size() + read > MAX_BODY) {
                    return null;
                }
                buffer.write(chunk, 0, read);
            }
        }
        return buffer.toByteArray();
    }

    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        try {
            var sha256 = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so the body can be both fingerprinted and processed. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }
    }
}
