/**
 * The trace context both services hand on to work they do later ({@link io.eventgate.web.tracing.CurrentTrace}),
 * with the tracer Boot configures (Micrometer Tracing over OpenTelemetry), or none when tracing is off; and the
 * order a log line concerns ({@link io.eventgate.web.tracing.OrderLog}), so one order's lines are found across
 * services.
 */
package io.eventgate.web.tracing;
