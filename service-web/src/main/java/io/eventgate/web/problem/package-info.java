/**
 * The one error vocabulary of both services: every refusal is an RFC 9457 problem ({@link Problems}); a request with
 * bad input is a 400 of type {@value Problems#INVALID_REQUEST_TYPE} whose {@code errors} list names each offending
 * input as a {@link FieldProblem} (field paths as clients write them, see {@link FieldPaths}). Each service's
 * advice extends {@link ProblemAdvice}, which answers the refusals the two have in common.
 */
package io.eventgate.web.problem;
