package org.vigil.shared.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@code application/problem+json} body (RFC 9457) outside Spring MVC, for filters that answer before a
 * controller is reached, exactly as the controllers' answers are written: extra members at the top level, absent
 * members left out (a plain mapper wrote {@code "properties": null}).
 */
public final class ProblemJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private ProblemJson() {
    }

    public static byte[] bytes(ProblemDetail problem) {
        return JSON.writeValueAsBytes(problem);
    }
}
