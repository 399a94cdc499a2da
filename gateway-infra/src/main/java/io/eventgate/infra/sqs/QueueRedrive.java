package io.eventgate.infra.sqs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A DLQ's messages: moved back to a queue by SQS's message move task, or read, released and deleted by a caller that
 * hands them on another way (deleting each only after it was handed on: a crash in between sends a message twice —
 * consumers are idempotent — and never loses one).
 */
public final class QueueRedrive {

    /** Long enough to hand a batch on before SQS would show the messages to someone else. */
    private static final int VISIBILITY_SECONDS = 300;

    private static final Duration POLL = Duration.ofMillis(200);

    private final SqsClient sqs;
    private final Clock clock;

    public QueueRedrive(SqsClient sqs, Clock clock) {
        this.sqs = sqs;
        this.clock = clock;
    }

    /** Everything in the DLQ (up to {@code max}), taken from the queue for {@value #VISIBILITY_SECONDS} s. */
    public List<Message> receive(String dlqUrl, int max) {
        List<Message> messages = new ArrayList<>();
        while (messages.size() < max) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(dlqUrl)
                    .maxNumberOfMessages(Math.min(10, max - messages.size()))
                    .visibilityTimeout(VISIBILITY_SECONDS).waitTimeSeconds(1)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                break;
            }
            messages.addAll(batch);
        }
        return messages;
    }

    /** How a message move task ended, or where it stood when the wait ran out. */
    public record Move(String status, long moved, String failureReason) {

        public boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    /**
     * Moves every message of the DLQ to the queue with SQS's own message move task ({@code StartMessageMoveTask}),
     * which AWS, LocalStack and local-cloud all serve: SQS sends each message on before it deletes it, bodies and
     * message attributes unchanged. Waits until the task has ended, or returns the task as it stands (still running,
     * in the background) when {@code timeout} passes. The DLQ must be some queue's dead-letter queue, as the
     * topology makes it.
     */
    public Move move(String dlqArn, String queueArn, Duration timeout) throws InterruptedException {
        sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn).destinationArn(queueArn));
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            ListMessageMoveTasksResultEntry task = sqs.listMessageMoveTasks(b -> b.sourceArn(dlqArn).maxResults(1))
                    .results().getFirst();
            Move move = new Move(task.status(), task.approximateNumberOfMessagesMoved(), task.failureReason());
            if (!"RUNNING".equals(task.status()) && !"CANCELLING".equals(task.status())
                    || clock.instant().isAfter(deadline)) {
                return move;
            }
            Thread.sleep(POLL);
        }
    }

    /** Makes received messages visible again at once, for the next reader. */
    public void release(String queueUrl, List<Message> messages) {
        for (int i = 0; i < messages.size(); i += 10) {
            List<Message> chunk = messages.subList(i, Math.min(messages.size(), i + 10));
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(chunk.stream()
                    .map(m -> ChangeMessageVisibilityBatchRequestEntry.builder().id(m.messageId())
                            .receiptHandle(m.receiptHandle()).visibilityTimeout(0).build())
                    .toList()));
        }
    }

    /** Deletes handled messages, ten per call. */
    public void delete(String queueUrl, List<Message> messages) {
        for (int i = 0; i < messages.size(); i += 10) {
            List<Message> chunk = messages.subList(i, Math.min(messages.size(), i + 10));
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(chunk.stream()
                    .map(m -> DeleteMessageBatchRequestEntry.builder()
                            .id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                    .toList()));
        }
    }
}
