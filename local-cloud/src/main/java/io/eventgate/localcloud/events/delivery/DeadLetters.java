package io.eventgate.localcloud.events.delivery;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Where undeliverable events go: an SQS dead-letter queue, with EventBridge's message attributes. */
public interface DeadLetters {

    /**
     * Sends an event to a dead-letter queue; the queue's policy must let the rule send to it, as on AWS.
     *
     * @param queueArn   the target's {@code DeadLetterConfig.Arn}
     * @param ruleArn    the rule the event matched (the {@code aws:SourceArn} the policy must allow)
     * @param body       the original event
     * @param attributes {@code RULE_ARN}, {@code TARGET_ARN}, {@code ERROR_CODE}, {@code ERROR_MESSAGE}, ...
     */
    CompletionStage<DeliveryResult> send(String queueArn, String ruleArn, String body, Map<String, String> attributes);
}
