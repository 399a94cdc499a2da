package io.eventgate.infra.sqs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * Reads messages of a DLQ and hands them on, deleting each only after it was handed on: a crash in between sends a
 * message twice (consumers are idempotent), never loses one.
 */
public final class QueueRedrive {

    /** Long enough to hand a batch on before SQS would show the messages to someone else. */
    private static final int VISIBILITY_SECONDS = 300;

    private final SqsClient sqs;

    public QueueRedrive(SqsClient sqs) {
        this.sqs = sqs;
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

    /**
     * Moves up to {@code max} messages from the DLQ to the queue, bodies and message attributes unchanged.
     *
     * @return how many moved
     */
    public int move(String dlqUrl, String queueUrl, int max) {
        int moved = 0;
        while (moved < max) {
            List<Message> batch = receive(dlqUrl, Math.min(10, max - moved));
            if (batch.isEmpty()) {
                return moved;
            }
            List<SendMessageBatchRequestEntry> entries = batch.stream()
                    .map(m -> SendMessageBatchRequestEntry.builder().id(m.messageId()).messageBody(m.body())
                            .messageAttributes(m.messageAttributes()).build())
                    .toList();
            SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            List<String> sentIds = sent.successful().stream().map(SendMessageBatchResultEntry::id).toList();
            delete(dlqUrl, batch.stream().filter(m -> sentIds.contains(m.messageId())).toList());
            moved += sentIds.size();
            if (!sent.failed().isEmpty()) {
                var failure = sent.failed().getFirst();
                throw new IllegalStateException(sent.failed().size() + " messages could not be sent back ("
                        + failure.code() + ": " + failure.message() + "); they stay in the DLQ");
            }
        }
        return moved;
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
