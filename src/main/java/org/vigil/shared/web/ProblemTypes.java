package org.vigil.shared.web;

import java.net.URI;

/** The problem types Vigil's API answers with ({@code application/problem+json}, RFC 9457). */
public final class ProblemTypes {

    public static final URI INVALID_INPUT = URI.create("urn:vigil:problem:invalid-input");
    public static final URI NOT_FOUND = URI.create("urn:vigil:problem:not-found");
    public static final URI UNAUTHENTICATED = URI.create("urn:vigil:problem:unauthenticated");
    public static final URI FORBIDDEN = URI.create("urn:vigil:problem:forbidden");
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create("urn:vigil:problem:idempotency-key-reused");
    public static final URI CONFLICT = URI.create("urn:vigil:problem:conflict");
    public static final URI SERVER_ERROR = URI.create("urn:vigil:problem:server-error");
    /** Vigil is momentarily overloaded (no database connection free in time); nothing was saved; retry. */
    public static final URI BUSY = URI.create("urn:vigil:problem:busy");

    private ProblemTypes() {
    }
}
