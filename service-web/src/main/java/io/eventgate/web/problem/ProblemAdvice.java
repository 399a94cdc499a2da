package io.eventgate.web.problem;

import io.eventgate.web.body.BodyTooLargeException;
import io.eventgate.web.body.MalformedBodyException;
import io.eventgate.web.body.UnsupportedBodyCharsetException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
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
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What both services' problem advice has in common: Spring MVC's own refusals (415, 405, ...) through
 * {@link ResponseEntityExceptionHandler}; bad input — an {@link InvalidRequestException}, Bean Validation, a missing
 * or mistyped parameter, a body that is too large, not strict UTF-8 or not the JSON the endpoint binds — as
 * {@link Problems}; Spring Security's 401 and 403; and a bare 500 for anything unexpected. A service's own advice
 * extends it with the problems of its domain (annotated {@code @RestControllerAdvice} there).
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler
    protected ProblemDetail invalidRequest(InvalidRequestException e) {
        return Problems.invalidRequest(e.errors());
    }

    /** Spring Security's 401, handed over by the chain's entry point (which chose the detail and the challenge). */
    @ExceptionHandler
    protected ProblemDetail unauthorized(AuthenticationException e) {
        return Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage());
    }

    @ExceptionHandler
    protected ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    protected ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.invalidRequest(List.of(new FieldProblem(e.getName(), "has an invalid value")));
    }

    /**
     * Anything unexpected (a table unreachable, say) is a bare 500 problem: the caller learns nothing about the
     * internals, the log has the whole story, and a caller that retries a 5xx (the API destination does) retries.
     */
    @ExceptionHandler
    protected ProblemDetail unexpected(RuntimeException e) {
        log.error("request failed unexpectedly", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed; try again.");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error -> problems.add(fieldProblem(error)));
        e.getBindingResult().getGlobalErrors().forEach(error ->
                problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return invalid(problems);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
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
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable reading = e; reading != null; reading = reading.getCause()) {
            switch (reading) {
                case BodyTooLargeException tooLarge -> {
                    // The rest of the body is not read; closing the connection stops the client sending it.
                    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                            .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                                    tooLarge.getMessage()));
                }
                case MalformedBodyException malformed -> {
                    return ResponseEntity.badRequest().body(Problems.invalidRequest(
                            "The request body is not UTF-8 JSON.",
                            List.of(new FieldProblem(FieldPaths.BODY, malformed.getMessage()))));
                }
                case UnsupportedBodyCharsetException charset -> {
                    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Problems.of(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", charset.getMessage()));
                }
                default -> {
                }
            }
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new FieldProblem(FieldPaths.of(unknown), "is not a known field")));
        }
        if (cause instanceof JacksonException mismatch && !(cause instanceof StreamReadException)
                && !mismatch.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(FieldPaths.of(mismatch), "has the wrong type")));
        }
        log.debug("unreadable request body: {}", e.getMessage());
        return ResponseEntity.badRequest().body(Problems.invalidRequest(
                "The request body is missing or is not valid JSON.",
                List.of(new FieldProblem(FieldPaths.BODY, "must be a JSON object"))));
    }

    /** A 400 naming {@code errors}, as a response entity for the overrides above. */
    protected static ResponseEntity<Object> invalid(List<FieldProblem> errors) {
        return ResponseEntity.badRequest().body(Problems.invalidRequest(errors));
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }

    private static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "parameter " + parameter.getParameterIndex() : name;
    }
}
