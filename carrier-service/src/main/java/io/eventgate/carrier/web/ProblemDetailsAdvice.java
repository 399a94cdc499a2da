package io.eventgate.carrier.web;

import io.eventgate.carrier.shipment.EventIdMismatchException;
import io.eventgate.carrier.shipment.IdempotencyKeyReusedException;
import io.eventgate.carrier.shipment.IllegalTransitionException;
import io.eventgate.carrier.shipment.ShipmentNotFoundException;
import io.eventgate.web.body.BodyTooLargeException;
import io.eventgate.web.body.MalformedBodyException;
import io.eventgate.web.body.UnsupportedBodyCharsetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every refusal into an RFC 9457 {@code application/problem+json} answer. Bad input answers 400 with an
 * {@code errors} list naming each offending field; the framework's own refusals (415, 405, 404...) come from
 * {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** One offending input: the field (or header, or path variable) and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }

    /** Spring Security's 401, handed over by the chain's entry point (which chose the detail and the challenge). */
    @ExceptionHandler
    ProblemDetail unauthorized(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(ShipmentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Shipment not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Illegal transition", e.getMessage());
        problem.setProperty("orderId", e.orderId());
        problem.setProperty("shipmentStatus", e.status().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Object> eventIdMismatch(EventIdMismatchException e) {
        return invalid(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    /**
     * Anything unexpected (the store unreachable, say) answers a bare 500 problem: the caller learns nothing about
     * the internals, the log has the whole story, and the API destination retries a 5xx.
     */
    @ExceptionHandler
    ProblemDetail unexpected(RuntimeException e) {
        log.error("request failed unexpectedly", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed; try again");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error -> problems.add(fieldProblem(error)));
        e.getBindingResult().getGlobalErrors().forEach(error ->
                problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return invalid(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors errors) {
                errors.getFieldErrors().forEach(error -> problems.add(fieldProblem(error)));
            } else {
                String name = parameterName(result.getMethodParameter());
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    problems.add(new FieldProblem(name, error.getDefaultMessage()));
                }
            }
        });
        return invalid(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable reading = e; reading != null; reading = reading.getCause()) {
            switch (reading) {
                case BodyTooLargeException tooLarge -> {
                    // The rest of the body is not read; closing the connection stops the client sending it.
                    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                            .body(problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", tooLarge.getMessage()));
                }
                case MalformedBodyException malformed -> {
                    return invalid(List.of(new FieldProblem("body", malformed.getMessage())));
                }
                case UnsupportedBodyCharsetException charset -> {
                    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                            .body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", charset.getMessage()));
                }
                default -> {
                }
            }
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new FieldProblem(path(unknown), "unknown field")));
        }
        if (cause instanceof StreamReadException) {
            return badRequest("Malformed JSON", "The request body is not valid JSON");
        }
        if (cause instanceof JacksonException mismatch && !mismatch.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(mismatch), "has the wrong type")));
        }
        return badRequest("Unreadable request", "The request body is missing or cannot be read");
    }

    private static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
        List<FieldProblem> sorted = problems.stream().distinct()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message)).toList();
        String fields = String.join(", ", sorted.stream().map(FieldProblem::field).distinct().toList());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid fields: " + fields);
        problem.setProperty("errors", sorted);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> badRequest(String title, String detail) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, title, detail));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        var header = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "parameter " + parameter.getParameterIndex() : name;
    }

    /** The JSON path of a Jackson error as the API's field names, e.g. {@code items[0].quantity}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

}
