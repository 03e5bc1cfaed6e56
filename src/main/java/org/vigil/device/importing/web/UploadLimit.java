package org.vigil.device.importing.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file larger than {@code spring.servlet.multipart.max-file-size} is refused before any controller sees it: the API
 * answers 413 {@code application/problem+json} naming the field {@code file} and the limit, pages the same in words.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

    static final URI TOO_LARGE = URI.create("urn:vigil:problem:payload-too-large");

    private final String limit;

    UploadLimit(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize limit) {
        this.limit = limit.toMegabytes() + " MB";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        String message = "The file is larger than the " + limit + " an upload may have; split it into smaller files.";
        if (request.getRequestURI().startsWith("/api/")) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, message);
            problem.setType(TOO_LARGE);
            problem.setTitle("Upload too large");
            problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", "file", "message", message)));
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.TEXT_PLAIN).body(message);
    }
}
