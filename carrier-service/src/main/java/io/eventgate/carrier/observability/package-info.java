/**
 * How the carrier takes part in the order's trace and tells what it does: continuing an order's trace carried in a body when
 * the HTTP header did not carry it ({@link io.eventgate.carrier.observability.TraceContinuation}), and the order and
 * correlation ids on every log line about an order ({@link io.eventgate.carrier.observability.OrderLog}).
 */
package io.eventgate.carrier.observability;
