package io.eventgate.localcloud.events;

import io.eventgate.localcloud.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.DeadLetterConfig;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.RetryPolicy;
import software.amazon.awssdk.services.eventbridge.model.SqsParameters;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

import static io.eventgate.localcloud.events.EventBridgeFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

class EventDeliveryTest {

    private final EventBridgeFixture aws = EventBridgeFixture.get();

    @Test
    void deliversTheAwsEnvelopeToAnSqsTargetAfterPutEventsReturns() {
        String source = unique("orders");
        String queue = aws.ruleToQueue("default", unique("rule"), "{\"source\":[\"" + source + "\"]}");

        String eventId = aws.put("default", source, "OrderCreated", "{\"orderId\":\"o-1\",\"total\":12.50}")
                .entries().getFirst().eventId();

        JsonNode event = Json.parse(aws.receive(queue, 1).getFirst().body());
        assertThat(event.path("version").asString()).isEqualTo("0");
        assertThat(event.path("id").asString()).isEqualTo(eventId);
        assertThat(event.path("detail-type").asString()).isEqualTo("OrderCreated");
        assertThat(event.path("source").asString()).isEqualTo(source);
        assertThat(event.path("account").asString()).isEqualTo("000000000000");
        assertThat(event.path("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(event.path("region").asString()).isEqualTo("us-east-1");
        assertThat(event.path("resources").isArray()).isTrue();
        assertThat(Json.text(event.path("detail"))).isEqualTo("{\"orderId\":\"o-1\",\"total\":12.50}");
        assertThat(Json.text(event)).startsWith("{\"version\":\"0\",\"id\":");
    }

    @Test
    void deliversNothingThroughADisabledRuleAndResumesWhenEnabled() {
        String source = unique("disabled");
        String rule = unique("rule");
        String queue = aws.ruleToQueue("default", rule, "{\"source\":[\"" + source + "\"]}");
        aws.events.disableRule(b -> b.name(rule));

        aws.put("default", source, "Ignored", "{\"n\":1}");
        aws.assertEmpty(queue);

        aws.events.enableRule(b -> b.name(rule));
        aws.put("default", source, "Delivered", "{\"n\":2}");
        List<Message> messages = aws.receive(queue, 1);
        assertThat(messages).extracting(m -> Json.parse(m.body()).path("detail-type").asString())
                .containsExactly("Delivered");
        aws.assertEmpty(queue);
    }

    @Test
    void sendsToAFifoQueueWithTheTargetsMessageGroupId() {
        String source = unique("fifo");
        String rule = unique("rule");
        String ruleArn = aws.ruleForSource(rule, source);
        String queue = aws.queue(unique("orders") + ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        aws.allow(queue, ruleArn);
        aws.target("default", rule, Target.builder().id("fifo").arn(aws.queueArn(queue))
                .sqsParameters(SqsParameters.builder().messageGroupId("order-42").build()).build());

        aws.put("default", source, "OrderCreated", "{\"n\":1}");
        aws.put("default", source, "OrderShipped", "{\"n\":2}");

        List<Message> messages = aws.receive(queue, 2);
        assertThat(messages).allSatisfy(m -> assertThat(m.attributes())
                .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "order-42"));
        assertThat(messages).extracting(m -> Json.parse(m.body()).path("detail-type").asString())
                .containsExactlyInAnyOrder("OrderCreated", "OrderShipped");
    }

    @Test
    void sendsTheEventToTheDeadLetterQueueWhenTheQueuePolicyDeniesTheRule() {
        String source = unique("denied");
        String rule = unique("rule");
        String ruleArn = aws.ruleForSource(rule, source);
        String target = aws.queue(unique("no-policy"), Map.of());
        String otherRulesQueue = aws.queue(unique("other-rule"), Map.of());
        aws.allow(otherRulesQueue, ruleArn + "-someone-else");
        String dlq = aws.queueFor(ruleArn);
        aws.target("default", rule, Target.builder().id("t1").arn(aws.queueArn(target))
                .deadLetterConfig(DeadLetterConfig.builder().arn(aws.queueArn(dlq)).build()).build());
        aws.target("default", rule, Target.builder().id("t2").arn(aws.queueArn(otherRulesQueue))
                .deadLetterConfig(DeadLetterConfig.builder().arn(aws.queueArn(dlq)).build()).build());

        String eventId = aws.put("default", source, "OrderCreated", "{\"n\":1}").entries().getFirst().eventId();

        List<Message> dead = aws.receive(dlq, 2);
        assertThat(dead).allSatisfy(m -> {
            assertThat(Json.parse(m.body()).path("id").asString()).isEqualTo(eventId);
            assertThat(m.messageAttributes().get("RULE_ARN").stringValue()).isEqualTo(ruleArn);
            assertThat(m.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("NO_PERMISSIONS");
            assertThat(m.messageAttributes().get("ERROR_MESSAGE").stringValue()).contains("sqs:SendMessage");
        });
        assertThat(dead).extracting(m -> m.messageAttributes().get("TARGET_ARN").stringValue())
                .containsExactlyInAnyOrder(aws.queueArn(target), aws.queueArn(otherRulesQueue));
        aws.assertEmpty(target);
        aws.assertEmpty(otherRulesQueue);
    }

    @Test
    void sendsTheEventToTheDeadLetterQueueWhenTheTargetQueueDoesNotExist() {
        String source = unique("missing");
        String rule = unique("rule");
        String ruleArn = aws.ruleForSource(rule, source);
        String dlq = aws.queueFor(ruleArn);
        String missingArn = "arn:aws:sqs:us-east-1:000000000000:" + unique("never-created");
        aws.target("default", rule, Target.builder().id("gone").arn(missingArn)
                .retryPolicy(RetryPolicy.builder().maximumRetryAttempts(0).maximumEventAgeInSeconds(60).build())
                .deadLetterConfig(DeadLetterConfig.builder().arn(aws.queueArn(dlq)).build()).build());

        aws.put("default", source, "OrderCreated", "{\"n\":1}");

        Message dead = aws.receive(dlq, 1).getFirst();
        assertThat(dead.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(dead.messageAttributes().get("TARGET_ARN").stringValue()).isEqualTo(missingArn);
    }

    @Test
    void sendsTheEventToTheDeadLetterQueueAndLogsTheAttemptWhenSqsRefusesTheTargetsMessage() throws Exception {
        String source = unique("refused");
        String rule = unique("rule");
        String ruleArn = aws.ruleForSource(rule, source);
        String target = aws.queueFor(ruleArn);
        String dlq = aws.queueFor(ruleArn);
        // U+FFFF is valid in JSON but not in an SQS message body: SQS refuses the transformed input, not the event.
        aws.target("default", rule, Target.builder().id("refused").arn(aws.queueArn(target))
                .inputTransformer(InputTransformer.builder().inputPathsMap(Map.of("n", "$.detail.n"))
                        .inputTemplate("{\"n\": <n>, \"mark\": \"\uffff\"}").build())
                .deadLetterConfig(DeadLetterConfig.builder().arn(aws.queueArn(dlq)).build()).build());

        String eventId = aws.put("default", source, "OrderCreated", "{\"n\":1}").entries().getFirst().eventId();

        Message dead = aws.receive(dlq, 1).getFirst();
        assertThat(Json.parse(dead.body()).path("id").asString()).isEqualTo(eventId);
        assertThat(dead.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("INVALID_PARAMETER");
        assertThat(dead.messageAttributes().get("ERROR_MESSAGE").stringValue()).contains("InvalidMessageContents");
        assertThat(dead.messageAttributes().get("TARGET_ARN").stringValue()).isEqualTo(aws.queueArn(target));
        aws.assertEmpty(target);
        JsonNode attempts = Json.parse(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(aws.cloud.endpoint().resolve("/_localcloud/deliveries?eventId=" + eventId)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body()).path("deliveries");
        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.path("outcome").asString()).isEqualTo("dead-lettered");
            assertThat(attempt.path("errorCode").asString()).isEqualTo("INVALID_PARAMETER");
            assertThat(attempt.path("target").asString()).isEqualTo("refused");
        });
    }

    @Test
    void forwardsEventsToAnotherBusWhoseRulesDeliverThem() {
        String bus = unique("partner-bus");
        String busArn = aws.events.createEventBus(b -> b.name(bus)).eventBusArn();
        String source = unique("relay");
        String forward = unique("forward");
        aws.ruleForSource(forward, source);
        aws.target("default", forward, Target.builder().id("bus").arn(busArn).build());
        String queue = aws.ruleToQueue(bus, unique("on-partner"), "{\"detail-type\":[\"Relayed\"]}");

        String eventId = aws.put("default", source, "Relayed", "{\"n\":1}").entries().getFirst().eventId();

        JsonNode event = Json.parse(aws.receive(queue, 1).getFirst().body());
        assertThat(event.path("id").asString()).isEqualTo(eventId);
        assertThat(event.path("source").asString()).isEqualTo(source);
    }
}
