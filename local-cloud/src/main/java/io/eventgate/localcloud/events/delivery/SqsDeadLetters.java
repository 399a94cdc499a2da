package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.sqs.LocalQueues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dead-letter queues on the SQS backend; the queue policy must allow the rule, as for a target queue. */
final class SqsDeadLetters implements DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(SqsDeadLetters.class);

    private final SqsGateway gateway;
    private final String accountId;
    private final Executor executor;

    SqsDeadLetters(SqsGateway gateway, String accountId, Executor executor) {
        this.gateway = gateway;
        this.accountId = accountId;
        this.executor = executor;
    }

    @Override
    public CompletionStage<DeliveryResult> send(String queueArn, String ruleArn, String body,
                                                Map<String, String> attributes) {
        return CompletableFuture.supplyAsync(() -> sendNow(queueArn, ruleArn, body, attributes), executor);
    }

    private DeliveryResult sendNow(String queueArn, String ruleArn, String body, Map<String, String> attributes) {
        try {
            Optional<SqsGateway.QueueInfo> queue = gateway.queue(queueArn);
            if (queue.isEmpty()) {
                return new DeliveryResult.Failed("RESOURCE_NOT_FOUND", "dead-letter queue " + queueArn
                        + " does not exist");
            }
            Optional<String> denial = QueuePolicy.denial(queue.get().policy().orElse(null), queueArn, ruleArn,
                    accountId);
            if (denial.isPresent()) {
                log.warn("rule {} may not send to its dead-letter queue {} (AWS refuses this): {}", ruleArn, queueArn,
                        denial.get());
                return new DeliveryResult.Failed("NO_PERMISSIONS", denial.get());
            }
            Map<String, String> values = new java.util.LinkedHashMap<>();
            attributes.forEach((name, value) -> values.put(name, value.isEmpty() ? "-" : value));
            // FIFO dead-letter queues are not supported by EventBridge (AWS: standard queues only).
            Optional<List<LocalQueues.Outcome>> outcome = gateway.send(queue.get().name(),
                    List.of(new LocalQueues.Outgoing(body, null, null, values)));
            if (outcome.isEmpty()) {
                gateway.forget(queueArn);
                return new DeliveryResult.Failed("RESOURCE_NOT_FOUND", "dead-letter queue " + queueArn
                        + " does not exist");
            }
            return switch (outcome.get().getFirst()) {
                case LocalQueues.Outcome.Sent ignored -> DeliveryResult.delivered();
                case LocalQueues.Outcome.Refused refused -> new DeliveryResult.Failed("INVALID_PARAMETER",
                        refused.code() + ": " + refused.message());
            };
        } catch (LocalQueues.Unavailable e) {
            return new DeliveryResult.Retryable("INTERNAL_ERROR", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Retryable("CONNECTION_FAILURE", "local-cloud is stopping");
        }
    }
}
