/**
 * The trace context both services hand on to work they do later ({@link io.eventgate.web.tracing.CurrentTrace}),
 * with the tracer Boot configures (Micrometer Tracing over OpenTelemetry), or none when tracing is off.
 */
package io.eventgate.web.tracing;
