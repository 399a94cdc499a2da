package io.eventgate.localcloud.events.delivery;

import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One matched event on its way to one target.
 *
 * @param id            this delivery's own id, unique across restarts (the key it is stored under while pending)
 * @param eventId       the event's id
 * @param eventJson     the event envelope as JSON text (what a dead-letter queue receives)
 * @param payload       what the target receives, after {@code Input}/{@code InputPath}/{@code InputTransformer}
 * @param ruleArn       the rule that matched
 * @param targetId      the target's id within the rule
 * @param targetArn     the target's ARN
 * @param target        the target as given to {@code PutTargets} (strategies read their parameters from it, e.g.
 *                      {@code SqsParameters}, {@code HttpParameters})
 * @param retryPolicy   the target's retry policy
 * @param deadLetterArn the target's dead-letter queue, if any
 * @param ingestionTime when {@code PutEvents} accepted the event (the event's age counts from here)
 */
public record Delivery(String id, String eventId, String eventJson, String payload, String ruleArn, String targetId,
                       String targetArn, JsonNode target, RetryPolicy retryPolicy, Optional<String> deadLetterArn,
                       Instant ingestionTime) {

    private static final java.util.concurrent.atomic.AtomicLong NEXT_ID =
            new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() * 1_000_000L);

    /** A new delivery id: a counter that starts from the clock, so ids never repeat across restarts. */
    public static String nextId() {
        return Long.toString(NEXT_ID.incrementAndGet(), 36);
    }
}
