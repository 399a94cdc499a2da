/**
 * What the service tells about itself besides its API: the trace context it hands on to the outbox (so that the
 * order's trace survives a crash between commit and publish), and the names of its observations and meters (the
 * README lists them). Instrumentation goes through Micrometer's Observation API, so each step is a span, a timer and
 * a log correlation at once; Boot's auto-configuration turns them into OpenTelemetry spans and Prometheus meters.
 */
package io.eventgate.orders.observability;
