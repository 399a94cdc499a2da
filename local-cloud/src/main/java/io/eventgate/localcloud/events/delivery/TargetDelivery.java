package io.eventgate.localcloud.events.delivery;

import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

/**
 * How one kind of target (by ARN) is reached. Implementations are thread-safe and never block the caller for long:
 * they may answer at once or complete later (the SQS strategy batches).
 *
 * <p>Retries, backoff and dead-lettering are the {@link DeliveryDispatcher}'s job: a strategy only reports how one
 * attempt ended, as a {@link DeliveryResult}.
 */
public interface TargetDelivery {

    /** Whether this strategy delivers to targets with this ARN. */
    boolean accepts(String targetArn);

    /**
     * Checks a target's strategy-specific settings at {@code PutTargets}.
     *
     * @throws IllegalArgumentException with the reason the target cannot be accepted
     */
    default void validate(JsonNode target) {
    }

    /**
     * Attempts one delivery.
     *
     * @param attempt 0 for the first attempt, then the retry number
     */
    CompletionStage<DeliveryResult> deliver(Delivery delivery, int attempt);
}
