package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.sqs.LocalQueues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the messages for one queue in batches of up to 10 (one queue lookup each), with a few batches in flight at once.
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
    private final String queueName;
    private final SqsGateway gateway;
    private final Executor executor;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger senders = new AtomicInteger();

    QueueBatcher(String queueArn, String queueName, SqsGateway gateway, Executor executor) {
        this.queueArn = queueArn;
        this.queueName = queueName;
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
        List<LocalQueues.Outgoing> messages = new ArrayList<>(batch.size());
        for (Pending entry : batch) {
            Message message = entry.message();
            messages.add(new LocalQueues.Outgoing(message.body(), message.groupId(), message.deduplicationId()));
        }
        try {
            Optional<List<LocalQueues.Outcome>> outcomes = gateway.send(queueName, messages);
            if (outcomes.isEmpty()) {
                gateway.forget(queueArn);
                DeliveryResult missing = new DeliveryResult.Failed("RESOURCE_NOT_FOUND",
                        "Queue " + queueArn + " does not exist");
                batch.forEach(p -> p.result().complete(missing));
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(switch (outcomes.get().get(i)) {
                    case LocalQueues.Outcome.Sent ignored -> DeliveryResult.delivered();
                    case LocalQueues.Outcome.Refused refused -> new DeliveryResult.Failed("INVALID_PARAMETER",
                            "SQS refused the message: " + refused.code() + " " + refused.message());
                });
            }
        } catch (LocalQueues.Unavailable e) {
            batch.forEach(p -> p.result().complete(new DeliveryResult.Retryable("INTERNAL_ERROR", e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batch.forEach(p -> p.result().complete(new DeliveryResult.Retryable("CONNECTION_FAILURE",
                    "local-cloud is stopping")));
        }
    }
}
