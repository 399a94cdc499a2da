package io.eventgate.carrier.web;

import io.eventgate.carrier.shipment.EventIdMismatchException;
import io.eventgate.carrier.shipment.IdempotencyKeyReusedException;
import io.eventgate.carrier.shipment.IllegalTransitionException;
import io.eventgate.carrier.shipment.ShipmentNotFoundException;
import io.eventgate.web.problem.FieldProblem;
import io.eventgate.web.problem.ProblemAdvice;
import io.eventgate.web.problem.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every refusal into an RFC 9457 {@code application/problem+json} answer: the refusals both services share
 * come from {@link ProblemAdvice}, the carrier's own ones from here.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemAdvice {

    @ExceptionHandler
    ProblemDetail notFound(ShipmentNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Shipment not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Illegal transition", e.getMessage());
        problem.setProperty("orderId", e.orderId());
        problem.setProperty("shipmentStatus", e.status().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return Problems.idempotencyKeyReused(e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail eventIdMismatch(EventIdMismatchException e) {
        return Problems.invalidRequest(List.of(new FieldProblem(e.field(), e.getMessage())));
    }
}
