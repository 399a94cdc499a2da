/**
 * The orders HTTP API: {@code POST /orders}, {@code GET /orders/{id}}, {@code GET /orders?status=}. Every error is
 * an RFC 9457 {@code application/problem+json} made in one place, {@link io.eventgate.orders.web.ProblemResponses}.
 */
package io.eventgate.orders.order.web;
