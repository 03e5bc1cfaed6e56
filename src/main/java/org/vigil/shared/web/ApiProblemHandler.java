package org.vigil.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.RecordNotFoundException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every error of the REST API into {@code application/problem+json} (RFC 9457) with {@code type},
 * {@code title}, {@code status}, {@code detail} and, for invalid input, {@code errors}: one
 * {@code {field, message}} per invalid field. Unexpected failures answer 500 without internal details; nothing is
 * half-saved because the request's transaction rolls back.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e) {
        return invalid(e.errors().stream().map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ResponseEntity<Object> notFound(RecordNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No such " + e.recordType() + ", or it is not shared with your organisation.");
        problem.setType(ProblemTypes.NOT_FOUND);
        problem.setTitle("Not found");
        return problemResponse(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(Map.of("field", e.getName(), "message", "Not a valid value: " + e.getValue())));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> conflict(DataIntegrityViolationException e) {
        log.warn("Request refused by a database constraint", e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with existing data; nothing was saved.");
        problem.setType(ProblemTypes.CONFLICT);
        problem.setTitle("Conflict");
        return problemResponse(problem);
    }

    /** Security decides these; rethrown so the security filter answers 401 or 403 itself. */
    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (BusyDatabaseFilter.causedByBusyDatabase(e)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", BusyDatabaseFilter.RETRY_AFTER_SECONDS)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(BusyDatabaseFilter.busy());
        }
        log.error("Unexpected failure of an API request", e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Vigil could not complete the request; nothing was saved. The error has been logged.");
        problem.setType(ProblemTypes.SERVER_ERROR);
        problem.setTitle("Internal error");
        return problemResponse(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<Map<String, String>>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message",
                    error.getDefaultMessage() == null ? "Invalid value" : error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(Map.of("field", error.getObjectName(),
                "message", error.getDefaultMessage() == null ? "Invalid" : error.getDefaultMessage())));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<Map<String, String>>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(Map.of("field", result.getMethodParameter().getParameterName() == null ? "parameter"
                        : result.getMethodParameter().getParameterName(),
                        "message", error.getDefaultMessage() == null ? "Invalid" : error.getDefaultMessage()))));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = "body";
        String message = "The request body is not valid JSON for this request.";
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            var path = new StringBuilder();
            for (var reference : databind.getPath()) {
                if (reference.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            field = path.isEmpty() ? field : path.toString();
            message = "Not a valid value for this field.";
        }
        return invalid(List.of(Map.of("field", field, "message", message)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        return response == null ? null : ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }

    private static ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.size() == 1
                ? "One field is invalid: " + errors.getFirst().get("field") + "."
                : errors.size() + " fields are invalid.");
        problem.setType(ProblemTypes.INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problemResponse(problem);
    }

    static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
