package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.json.Json;
import io.eventgate.localcloud.sqs.SqsJsonClient;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

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
            ObjectNode request = Json.object().put("QueueUrl", queue.get().url()).put("MessageBody", body);
            ObjectNode messageAttributes = request.putObject("MessageAttributes");
            attributes.forEach((name, value) -> messageAttributes.putObject(name)
                    .put("DataType", "String").put("StringValue", value.isEmpty() ? "-" : value));
            gateway.call("SendMessage", request);
            return DeliveryResult.delivered();
        } catch (SqsJsonClient.SqsError e) {
            return new DeliveryResult.Failed("INVALID_PARAMETER", e.getMessage());
        } catch (IOException e) {
            return new DeliveryResult.Retryable("CONNECTION_FAILURE", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Retryable("CONNECTION_FAILURE", "local-cloud is stopping");
        }
    }
}
