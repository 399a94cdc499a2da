package io.eventgate.orders.web;

import io.eventgate.orders.order.IdempotencyKeyReusedException;
import io.eventgate.orders.order.InvalidCursorException;
import io.eventgate.orders.order.OrderNotFoundException;
import io.eventgate.orders.tracking.TooManyStreamsException;
import io.eventgate.orders.tracking.UpdatesUnavailableException;
import io.eventgate.web.problem.FieldProblem;
import io.eventgate.web.problem.ProblemAdvice;
import io.eventgate.web.problem.Problems;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place that turns the orders API's failures into RFC 9457 problem details: the refusals both services
 * share come from {@link ProblemAdvice}, the orders' own ones from here.
 */
@RestControllerAdvice
class ProblemResponses extends ProblemAdvice {

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Order not found", e.getMessage());
    }

    /** This instance holds as many update streams as it may: another instance, or this one later, will take it. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Too many live update streams", e.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail updatesUnavailable(UpdatesUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Live updates unavailable", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail reused(IdempotencyKeyReusedException e) {
        return Problems.idempotencyKeyReused(e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badCursor(InvalidCursorException e) {
        return Problems.invalidRequest(List.of(new FieldProblem("cursor", e.getMessage())));
    }
}
