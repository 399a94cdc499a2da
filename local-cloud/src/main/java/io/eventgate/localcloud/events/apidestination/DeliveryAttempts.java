package io.eventgate.localcloud.events.apidestination;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured log line and one counter increment per API-destination delivery attempt: rule, target, attempt,
 * HTTP status, outcome and latency. Neither the payload nor any header or query value is logged, so no secret is.
 */
public final class DeliveryAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

    private final ConcurrentMap<String, LongAdder> counters = new ConcurrentHashMap<>();

    InvocationResult record(Invocation invocation, long latencyNanos, InvocationResult result) {
        String outcome = switch (result) {
            case InvocationResult.Delivered delivered -> "delivered";
            case InvocationResult.Failed failed -> failed.retryable() ? "retryable" : "failed";
        };
        counters.computeIfAbsent(invocation.destinationArn() + " " + outcome, key -> new LongAdder()).increment();
        long latencyMillis = latencyNanos / 1_000_000;
        if (result instanceof InvocationResult.Failed failed) {
            log.info("api-destination attempt rule={} target={} destination={} attempt={} status={} outcome={} "
                            + "latency_ms={} error_code={} error=\"{}\"", invocation.ruleArn(), invocation.targetId(),
                    invocation.destinationArn(), invocation.attempt(), result.status(), outcome, latencyMillis,
                    failed.errorCode(), failed.errorMessage());
        } else {
            log.info("api-destination attempt rule={} target={} destination={} attempt={} status={} outcome={} "
                            + "latency_ms={}", invocation.ruleArn(), invocation.targetId(),
                    invocation.destinationArn(), invocation.attempt(), result.status(), outcome, latencyMillis);
        }
        return result;
    }

    /** Attempts so far, keyed {@code "<destination ARN> <delivered|retryable|failed>"}. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counters.forEach((key, adder) -> snapshot.put(key, adder.sum()));
        return snapshot;
    }
}
