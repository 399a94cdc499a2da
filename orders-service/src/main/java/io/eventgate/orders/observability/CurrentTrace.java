package io.eventgate.orders.observability;

import io.eventgate.contracts.TraceParent;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The W3C trace context of the span in scope, as it would be sent on the wire — what the outbox stores with a record
 * so that its publication, whenever and by whichever instance it happens, continues the order's trace. Empty when
 * tracing is off or nothing is being traced.
 */
@Component
public class CurrentTrace {

    private final Tracer tracer;
    private final Propagator propagator;

    @Autowired
    CurrentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    private CurrentTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Outside a Spring context: from this tracer and propagator ({@link Tracer#NOOP}: never any context). */
    public static CurrentTrace of(Tracer tracer, Propagator propagator) {
        return new CurrentTrace(tracer, propagator);
    }

    public Optional<TraceParent> traceparent() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, Map::put);
        return TraceParent.parse(headers.get(TraceParent.FIELD));
    }
}
