package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.json.Json;
import io.eventgate.localcloud.sqs.SqsJsonClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the messages for one queue as {@code SendMessageBatch} calls of up to 10, with a few calls in flight at once.
 * A message waits for no timer: a batch holds whatever queued up while the previous call was running, so latency stays
 * low at low rates and throughput high at high ones.
 */
final class QueueBatcher {

    /** What to send. */
    record Message(String body, String groupId, String deduplicationId) {
    }

    private record Pending(Message message, CompletableFuture<DeliveryResult> result) {
    }

    private static final int BATCH = 10;
    private static final int SENDERS = 4;

    private final String queueArn;
    private final String queueUrl;
    private final SqsGateway gateway;
    private final Executor executor;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger senders = new AtomicInteger();

    QueueBatcher(String queueArn, String queueUrl, SqsGateway gateway, Executor executor) {
        this.queueArn = queueArn;
        this.queueUrl = queueUrl;
        this.gateway = gateway;
        this.executor = executor;
    }

    CompletableFuture<DeliveryResult> send(Message message) {
        Pending entry = new Pending(message, new CompletableFuture<>());
        pending.add(entry);
        startSenderIfNeeded();
        return entry.result();
    }

    private void startSenderIfNeeded() {
        while (true) {
            int running = senders.get();
            if (running >= SENDERS) {
                return;
            }
            if (senders.compareAndSet(running, running + 1)) {
                executor.execute(this::drain);
                return;
            }
        }
    }

    private void drain() {
        while (true) {
            List<Pending> batch = new ArrayList<>(BATCH);
            Pending next;
            while (batch.size() < BATCH && (next = pending.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                senders.decrementAndGet();
                // A message queued between the poll and the decrement must still find a sender.
                if (!pending.isEmpty()) {
                    startSenderIfNeeded();
                }
                return;
            }
            sendBatch(batch);
        }
    }

    private void sendBatch(List<Pending> batch) {
        ObjectNode request = Json.object().put("QueueUrl", queueUrl);
        ArrayNode entries = request.putArray("Entries");
        for (int i = 0; i < batch.size(); i++) {
            Message message = batch.get(i).message();
            ObjectNode entry = entries.addObject().put("Id", String.valueOf(i)).put("MessageBody", message.body());
            if (message.groupId() != null) {
                entry.put("MessageGroupId", message.groupId());
            }
            if (message.deduplicationId() != null) {
                entry.put("MessageDeduplicationId", message.deduplicationId());
            }
        }
        try {
            JsonNode response = gateway.call("SendMessageBatch", request);
            Map<String, DeliveryResult> failed = new HashMap<>();
            for (JsonNode failure : response.path("Failed")) {
                String reason = "SQS refused the message: " + failure.path("Code").asString("")
                        + " " + failure.path("Message").asString("");
                failed.put(failure.path("Id").asString(), failure.path("SenderFault").asBoolean(true)
                        ? new DeliveryResult.Failed("INVALID_PARAMETER", reason)
                        : new DeliveryResult.Retryable("INTERNAL_ERROR", reason));
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(failed.getOrDefault(String.valueOf(i), DeliveryResult.delivered()));
            }
        } catch (SqsJsonClient.SqsError e) {
            if (e.queueMissing()) {
                gateway.forget(queueArn);
            }
            DeliveryResult outcome = e.queueMissing()
                    ? new DeliveryResult.Failed("RESOURCE_NOT_FOUND", "Queue " + queueArn + " does not exist")
                    : e.status() >= 500 ? new DeliveryResult.Retryable("INTERNAL_ERROR", e.getMessage())
                    : new DeliveryResult.Failed("INVALID_PARAMETER", "SQS refused the batch: " + e.getMessage());
            batch.forEach(p -> p.result().complete(outcome));
        } catch (IOException e) {
            batch.forEach(p -> p.result().complete(new DeliveryResult.Retryable("CONNECTION_FAILURE", e.toString())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batch.forEach(p -> p.result().complete(new DeliveryResult.Retryable("CONNECTION_FAILURE",
                    "local-cloud is stopping")));
        }
    }
}
