package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.sqs.LocalQueues;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * SQS queue targets ({@code arn:aws:sqs:...}). Before sending, the queue policy must allow the rule (see
 * {@link QueuePolicy}) — AWS enforces this, LocalStack does not — and a refusal is logged as a WARN naming the missing
 * permission. FIFO queues get {@code SqsParameters.MessageGroupId} and the event id as deduplication id.
 */
public final class SqsTargetDelivery implements TargetDelivery {

    private static final Logger log = LoggerFactory.getLogger(SqsTargetDelivery.class);

    /** SQS's largest message. */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    private final SqsGateway gateway;
    private final String accountId;
    private final Executor executor;
    private final Map<String, QueueBatcher> batchers = new ConcurrentHashMap<>();
    private final Map<DecisionKey, Optional<String>> decisions = new ConcurrentHashMap<>();

    SqsTargetDelivery(SqsGateway gateway, String accountId, Executor executor) {
        this.gateway = gateway;
        this.accountId = accountId;
        this.executor = executor;
    }

    @Override
    public boolean accepts(String targetArn) {
        return targetArn.startsWith("arn:aws:sqs:");
    }

    @Override
    public void validate(JsonNode target) {
        JsonNode group = target.path("SqsParameters").path("MessageGroupId");
        if (!group.isMissingNode() && !group.isNull() && (!group.isString() || group.asString().isEmpty())) {
            throw new IllegalArgumentException("SqsParameters.MessageGroupId must be a non-empty string.");
        }
    }

    @Override
    public CompletionStage<DeliveryResult> deliver(Delivery delivery, int attempt) {
        String queueArn = delivery.targetArn();
        Optional<SqsGateway.QueueInfo> queue;
        try {
            queue = gateway.queue(queueArn);
        } catch (LocalQueues.Unavailable e) {
            return done(new DeliveryResult.Retryable("INTERNAL_ERROR", e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done(new DeliveryResult.Retryable("CONNECTION_FAILURE", "local-cloud is stopping"));
        }
        if (queue.isEmpty()) {
            log.warn("rule {} target {}: queue {} does not exist", delivery.ruleArn(), delivery.targetId(), queueArn);
            return done(new DeliveryResult.Failed("RESOURCE_NOT_FOUND", "Queue " + queueArn + " does not exist"));
        }
        Optional<String> denial = denial(queue.get(), queueArn, delivery.ruleArn());
        if (denial.isPresent()) {
            log.warn("rule {} may not send to {} (AWS refuses this; LocalStack would not): {}", delivery.ruleArn(),
                    queueArn, denial.get());
            return done(new DeliveryResult.Failed("NO_PERMISSIONS", "EventBridge is not authorized to perform "
                    + "sqs:SendMessage on " + queueArn + ": " + denial.get()));
        }
        if (delivery.payload().getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            return done(new DeliveryResult.Failed("INVALID_PARAMETER",
                    "Message must be shorter than " + MAX_MESSAGE_BYTES + " bytes"));
        }
        String group = delivery.target().path("SqsParameters").path("MessageGroupId").asString(null);
        if (queue.get().fifo() && group == null) {
            return done(new DeliveryResult.Failed("INVALID_PARAMETER",
                    "The FIFO queue " + queueArn + " needs SqsParameters.MessageGroupId on the target"));
        }
        QueueBatcher batcher = batchers.computeIfAbsent(queue.get().name(),
                name -> new QueueBatcher(queueArn, name, gateway, executor));
        return batcher.send(new QueueBatcher.Message(delivery.payload(), queue.get().fifo() ? group : null,
                queue.get().fifo() ? delivery.eventId() : null));
    }

    /** The policy decision, remembered per policy document, queue and rule (it only changes with the document). */
    private Optional<String> denial(SqsGateway.QueueInfo queue, String queueArn, String ruleArn) {
        JsonNode policy = queue.policy().orElse(null);
        if (decisions.size() > 10_000) {
            decisions.clear();
        }
        return decisions.computeIfAbsent(new DecisionKey(policy, queueArn, ruleArn),
                key -> QueuePolicy.denial(policy, queueArn, ruleArn, accountId));
    }

    /** The parsed policy is shared per document text by the gateway, so identity stands for the text. */
    private record DecisionKey(JsonNode policy, String queueArn, String ruleArn) {
        @Override
        public boolean equals(Object other) {
            return other instanceof DecisionKey key && key.policy == policy && key.queueArn.equals(queueArn)
                    && key.ruleArn.equals(ruleArn);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(policy) * 31 + queueArn.hashCode() * 17 + ruleArn.hashCode();
        }
    }

    private static CompletionStage<DeliveryResult> done(DeliveryResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
