package io.eventgate.orders.order.web;

import io.eventgate.orders.order.IdempotencyKeyReusedException;
import io.eventgate.orders.order.InvalidCursorException;
import io.eventgate.orders.order.OrderNotFoundException;
import io.eventgate.orders.tracking.TooManyStreamsException;
import io.eventgate.orders.tracking.UpdatesUnavailableException;
import io.eventgate.web.body.BodyTooLargeException;
import io.eventgate.web.body.MalformedBodyException;
import io.eventgate.web.body.UnsupportedBodyCharsetException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns failures into RFC 9457 problem details. Spring MVC's own errors (415, 405, missing
 * parameters, ...) come through {@link ResponseEntityExceptionHandler}; validation failures carry an
 * {@code errors} list naming each bad field.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    static final URI INVALID_REQUEST = URI.create("urn:eventgate:problem:invalid-request");
    static final URI IDEMPOTENCY_KEY_REUSED = URI.create("urn:eventgate:problem:idempotency-key-reused");

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        return invalidRequest("The request has invalid fields.", e.errors());
    }

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Order not found");
        return problem;
    }

    /** This instance holds as many update streams as it may: another instance, or this one later, will take it. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Too many live update streams");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem);
    }

    @ExceptionHandler
    ProblemDetail updatesUnavailable(UpdatesUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Live updates unavailable");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail reused(IdempotencyKeyReusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(IDEMPOTENCY_KEY_REUSED);
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badCursor(InvalidCursorException e) {
        return invalidRequest("The request has invalid fields.", List.of(new FieldError("cursor", e.getMessage())));
    }

    /** Spring Security's 401, handed over by its entry point (which added the challenge and chose the detail). */
    @ExceptionHandler
    ProblemDetail unauthenticated(AuthenticationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Unauthorized");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    /**
     * Anything unexpected (the table unreachable, say) is a bare 500 problem: the caller learns nothing about the
     * internals, the log has the whole story.
     */
    @ExceptionHandler
    ProblemDetail unexpected(RuntimeException e) {
        log.error("request failed unexpectedly", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; try again.");
        problem.setTitle("Internal error");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalidRequest("The request has invalid fields.",
                List.of(new FieldError(e.getName(), "has an invalid value")));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalidRequest("The request has invalid fields.",
                List.of(new FieldError(e.getParameterName(), "is required"))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                        tooLarge.getMessage());
                problem.setTitle("Request body too large");
                // The rest of an oversized body is not read; closing the connection stops the client sending it.
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                        .body(problem);
            }
            if (cause instanceof MalformedBodyException malformed) {
                return ResponseEntity.badRequest().body(invalidRequest("The request body is not UTF-8 JSON.",
                        List.of(new FieldError("(body)", malformed.getMessage()))));
            }
            if (cause instanceof UnsupportedBodyCharsetException charset) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        charset.getMessage());
                problem.setTitle("Unsupported Media Type");
                return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
            }
        }
        log.debug("unreadable request body: {}", e.getMessage());
        return ResponseEntity.badRequest().body(invalidRequest("The request body is missing or is not valid JSON.",
                List.of(new FieldError("(body)", "must be a JSON object"))));
    }

    private static ProblemDetail invalidRequest(String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }
}
