package io.eventgate.localcloud.events;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import io.eventgate.localcloud.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One local-cloud for every EventBridge test class in the JVM (started once, stopped at exit), with real SDK clients
 * and helpers that set up what AWS would need: a queue whose policy lets a rule send to it.
 */
final class EventBridgeFixture {

    private static EventBridgeFixture instance;

    final LocalCloud cloud;
    final EventBridgeClient events;
    final SqsClient sqs;

    private EventBridgeFixture() {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
        events = TestClients.of(EventBridgeClient.builder(), cloud.endpoint());
        sqs = TestClients.of(SqsClient.builder(), cloud.endpoint());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            events.close();
            sqs.close();
            cloud.close();
        }));
    }

    static synchronized EventBridgeFixture get() {
        if (instance == null) {
            instance = new EventBridgeFixture();
        }
        return instance;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A queue; returns its URL. */
    String queue(String name, Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    String queueArn(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** The policy AWS's console would attach: events.amazonaws.com may SendMessage when the source is the rule. */
    static String policyAllowing(String queueArn, String ruleArn) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"events","Effect":"Allow",
                 "Principal":{"Service":"events.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"%s",
                 "Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}""".formatted(queueArn, ruleArn);
    }

    /** A standard queue that the rule may send to; returns its URL. */
    String queueFor(String ruleArn) {
        String url = queue(unique("q"), Map.of());
        allow(url, ruleArn);
        return url;
    }

    void allow(String queueUrl, String ruleArn) {
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributes(Map.of(QueueAttributeName.POLICY, policyAllowing(queueArn(queueUrl), ruleArn))));
    }

    /** A rule on the default bus matching every event of the source; its ARN. */
    String ruleForSource(String rule, String source) {
        return events.putRule(b -> b.name(rule).eventPattern("{\"source\":[\"" + source + "\"]}")).ruleArn();
    }

    /** A rule on a bus with one SQS target receiving the whole event; returns the queue URL. */
    String ruleToQueue(String bus, String rule, String pattern) {
        String ruleArn = events.putRule(b -> b.name(rule).eventBusName(bus).eventPattern(pattern)).ruleArn();
        String url = queueFor(ruleArn);
        target(bus, rule, Target.builder().id("q").arn(queueArn(url)).build());
        return url;
    }

    void target(String bus, String rule, Target target) {
        var response = events.putTargets(b -> b.rule(rule).eventBusName(bus).targets(target));
        assertThat(response.failedEntryCount()).isZero();
    }

    PutEventsResponse put(String bus, String source, String detailType, String detail) {
        PutEventsResponse response = events.putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                .eventBusName(bus).source(source).detailType(detailType).detail(detail).build()));
        assertThat(response.failedEntryCount()).isZero();
        return response;
    }

    /** Waits until the queue holds at least {@code count} messages, and returns them (deleting them). */
    List<Message> receive(String queueUrl, int count) {
        var received = new java.util.ArrayList<Message>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            var messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages();
            for (Message m : messages) {
                received.add(m);
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
            return received.size() >= count;
        });
        return received;
    }

    /** Asserts that nothing arrives in the queue within a second (after the events that should have arrived did). */
    void assertEmpty(String queueUrl) {
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages()).isEmpty();
    }
}
