/**
 * How the carrier takes part in the order's trace and tells what it does: continuing an order's trace carried in a body when
 * the HTTP header did not carry it ({@link io.eventgate.carrier.observability.TraceContinuation}). The order and
 * correlation ids on every log line about an order come from service-web's {@code OrderLog}, as in orders-service.
 */
package io.eventgate.carrier.observability;
