package io.eventgate.localcloud.events.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every delivery attempt EventBridge made, to any kind of target: which rule and target, which event, the attempt's
 * number, how it ended (HTTP status where there is one, the error otherwise) and how long it took — so that "why did
 * my event not arrive" has an answer without reading logs. Kept in memory, the newest {@code capacity} attempts (the
 * oldest are dropped first); counted per rule, target and outcome since the start, whatever the log still holds.
 * Thread-safe.
 */
public final class DeliveryLog {

    /** The default number of attempts kept. */
    public static final int DEFAULT_CAPACITY = 10_000;

    /** How an attempt ended. */
    public enum Outcome {
        /** The target has the event. */
        DELIVERED,
        /** It failed and is tried again after a backoff. */
        RETRYING,
        /** It failed for good (not retryable, or retries exhausted) and went to the target's dead-letter queue. */
        DEAD_LETTERED,
        /** It failed for good and the target has no dead-letter queue: the event is gone, as on AWS. */
        DROPPED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One attempt.
     *
     * @param attempt   1 for the first attempt, 2 for the first retry, ...
     * @param status    the target's HTTP status (API destinations), if it answered
     * @param errorCode EventBridge's error code (as a DLQ's {@code ERROR_CODE}), for an attempt that failed
     * @param error     what went wrong, for an attempt that failed; never a secret
     */
    public record Entry(Instant time, String ruleArn, String targetId, String targetArn, String eventId, int attempt,
                        Outcome outcome, Optional<Integer> status, Optional<String> errorCode, Optional<String> error,
                        long latencyMillis) {
    }

    private final int capacity;
    private final Deque<Entry> entries;
    private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> latencies = new ConcurrentHashMap<>();

    public DeliveryLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the delivery log keeps at least one attempt, not " + capacity);
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    void record(Entry entry) {
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        String key = series(entry);
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
        latencies.computeIfAbsent(key, k -> new LongAdder()).add(entry.latencyMillis());
    }

    /**
     * The attempts kept that match every criterion given, oldest first, at most {@code limit} (the newest ones).
     *
     * @param rule   a rule's ARN or its name
     * @param target a target's id or ARN
     */
    public List<Entry> find(Optional<String> eventId, Optional<String> rule, Optional<String> target, int limit) {
        List<Entry> matching = new ArrayList<>();
        synchronized (entries) {
            for (Entry entry : entries) {
                if (eventId.map(entry.eventId()::equals).orElse(true)
                        && rule.map(r -> entry.ruleArn().equals(r) || entry.ruleArn().endsWith("/" + r)).orElse(true)
                        && target.map(t -> entry.targetId().equals(t) || entry.targetArn().equals(t)).orElse(true)) {
                    matching.add(entry);
                }
            }
        }
        return matching.size() <= limit ? matching : matching.subList(matching.size() - limit, matching.size());
    }

    /**
     * The counts in Prometheus' text format: {@code localcloud_delivery_attempts_total} and
     * {@code localcloud_delivery_latency_seconds_sum} by {@code rule} (its ARN's last part: {@code bus/rule}),
     * {@code target} and {@code outcome}.
     */
    public String metrics() {
        StringBuilder text = new StringBuilder();
        text.append("# HELP localcloud_delivery_attempts_total EventBridge delivery attempts by rule, target and outcome\n")
                .append("# TYPE localcloud_delivery_attempts_total counter\n");
        new TreeMap<>(counts).forEach((labels, count) ->
                text.append("localcloud_delivery_attempts_total{").append(labels).append("} ").append(count.sum())
                        .append('\n'));
        text.append("# HELP localcloud_delivery_latency_seconds_sum Time the delivery attempts took, summed\n")
                .append("# TYPE localcloud_delivery_latency_seconds_sum counter\n");
        new TreeMap<>(latencies).forEach((labels, millis) ->
                text.append("localcloud_delivery_latency_seconds_sum{").append(labels).append("} ")
                        .append(millis.sum() / 1000.0).append('\n'));
        return text.toString();
    }

    /** Attempts by "rule target outcome" since the start (for tests and diagnostics). */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((key, adder) -> snapshot.put(key, adder.sum()));
        return snapshot;
    }

    private static String series(Entry entry) {
        String rule = entry.ruleArn().substring(entry.ruleArn().indexOf(":rule/") + ":rule/".length());
        return "rule=\"" + escape(rule) + "\",target=\"" + escape(entry.targetId()) + "\",outcome=\""
                + entry.outcome().label() + "\"";
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
