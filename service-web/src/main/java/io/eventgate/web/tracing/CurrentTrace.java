package io.eventgate.web.tracing;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The W3C trace context ({@code traceparent}) of the span in scope, exactly as it would be sent on the wire: what a
 * service stores with work it does later, on another thread or after a restart (the outbox's records, the carrier's
 * shipments), so that this work continues the order's trace. Empty when tracing is off or nothing is traced.
 */
public final class CurrentTrace {

    /** The header (and event metadata field) that carries a W3C trace context. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public CurrentTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Never any context: for code that runs without tracing. */
    public static CurrentTrace none() {
        return new CurrentTrace(Tracer.NOOP, Propagator.NOOP);
    }

    public Optional<String> traceparent() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, Map::put);
        return Optional.ofNullable(headers.get(TRACEPARENT));
    }
}
