package io.eventgate.orders.inbox;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the inbox queue and its DLQ (with the redrive policy between them) at start, for local runs with
 * {@code eventgate.orders.inbox.create-on-start}. Runs before the listener starts polling.
 */
@Component
@ConditionalOnBooleanProperty("eventgate.orders.inbox.create-on-start")
class InboxQueues implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(InboxQueues.class);

    private final SqsAsyncClient sqs;
    private final InboxSettings settings;

    InboxQueues(SqsAsyncClient sqs, InboxSettings settings) {
        this.sqs = sqs;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        // CreateQueue is idempotent for identical attributes, so this is safe on every start.
        String dlqUrl = sqs.createQueue(b -> b.queueName(settings.deadLetterQueue())).join().queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .join().attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                + settings.maxReceiveCount() + "\"}";
        sqs.createQueue(b -> b.queueName(settings.queue())
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive))).join();
        log.info("inbox queue {} ready, DLQ {} after {} receives", settings.queue(), settings.deadLetterQueue(),
                settings.maxReceiveCount());
    }
}
