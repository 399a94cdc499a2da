package io.eventgate.web.tracing;

import org.slf4j.MDC;

/**
 * Names the order a log line concerns: while a scope is open, every line logged on this thread carries
 * {@value #ORDER_ID} and {@value #CORRELATION_ID} as MDC fields, beside the trace and span ids the tracer puts there
 * (Boot's structured JSON logs write every MDC field; see the README's log fields). Closing a scope restores what
 * was there before, so scopes nest.
 */
public final class OrderLog {

    public static final String ORDER_ID = "orderId";
    public static final String CORRELATION_ID = "correlationId";

    private OrderLog() {
    }

    /** Opens a scope for the order and the correlation id of its flow. */
    public static Scope about(String orderId, String correlationId) {
        String previousOrder = MDC.get(ORDER_ID);
        String previousCorrelation = MDC.get(CORRELATION_ID);
        put(ORDER_ID, orderId);
        put(CORRELATION_ID, correlationId);
        return () -> {
            put(ORDER_ID, previousOrder);
            put(CORRELATION_ID, previousCorrelation);
        };
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** An open scope; closing it never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
