package io.eventgate.web.problem;

/**
 * One offending input of a request: where ({@code items[0].quantity}, a header such as {@code Idempotency-Key}, a
 * path variable, or {@value FieldPaths#BODY} for the body as a whole) and what is wrong with it.
 */
public record FieldProblem(String field, String message) {
}
