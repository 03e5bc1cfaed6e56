package org.vigil.shared.web;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers every error that escapes a controller or a filter (unknown address, a refusal by security, a failure):
 * {@code application/problem+json} for the API, a page for people. Never shows internal details.
 */
@Controller
@PermitAll
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.startsWith("/api/")) {
            var problem = ProblemDetail.forStatusAndDetail(status, detail(status));
            problem.setTitle(status.getReasonPhrase());
            problem.setType(switch (status) {
                case NOT_FOUND -> ProblemTypes.NOT_FOUND;
                case UNAUTHORIZED -> ProblemTypes.UNAUTHENTICATED;
                case FORBIDDEN -> ProblemTypes.FORBIDDEN;
                case BAD_REQUEST -> ProblemTypes.INVALID_INPUT;
                default -> status.is5xxServerError() ? ProblemTypes.SERVER_ERROR
                        : java.net.URI.create("about:blank");
            });
            problem.setInstance(java.net.URI.create(uri));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String view = switch (status) {
            case NOT_FOUND -> "error/404";
            case FORBIDDEN -> "error/403";
            default -> status.is5xxServerError() ? "error/500" : "error/error";
        };
        return new ModelAndView(view, Map.of("status", status.value(), "reason", status.getReasonPhrase()), status);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Opened directly rather than forwarded after an error: there is no error, and nothing to show here.
            return HttpStatus.NOT_FOUND;
        }
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No such resource, or it is not shared with your organisation.";
            case UNAUTHORIZED -> "Sign in first: send a personal API token as 'Authorization: Bearer <token>'.";
            case FORBIDDEN -> "Your roles do not allow this.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that HTTP method.";
            default -> status.is5xxServerError()
                    ? "Vigil could not complete the request; nothing was saved. The error has been logged."
                    : status.getReasonPhrase();
        };
    }
}
