package io.eventgate.web.problem;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem details both services answer with. A problem the client can act on by type carries one of the
 * {@code urn:eventgate:problem:*} types below; every other one is {@code about:blank} with the status's title.
 */
public final class Problems {

    public static final String INVALID_REQUEST_TYPE = "urn:eventgate:problem:invalid-request";
    public static final URI INVALID_REQUEST = URI.create(INVALID_REQUEST_TYPE);
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create("urn:eventgate:problem:idempotency-key-reused");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** 400 with the {@code errors} list, each field once per message, sorted by field. */
    public static ProblemDetail invalidRequest(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setType(INVALID_REQUEST);
        problem.setProperty("errors", errors.stream().distinct()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message)).toList());
        return problem;
    }

    /** 400 naming the invalid fields in its detail too. */
    public static ProblemDetail invalidRequest(List<FieldProblem> errors) {
        String fields = String.join(", ", errors.stream().map(FieldProblem::field).distinct().sorted().toList());
        return invalidRequest("The request has invalid fields: " + fields + ".", errors);
    }

    /** 422: the key was first used with another request. */
    public static ProblemDetail idempotencyKeyReused(String detail) {
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", detail);
        problem.setType(IDEMPOTENCY_KEY_REUSED);
        return problem;
    }
}
