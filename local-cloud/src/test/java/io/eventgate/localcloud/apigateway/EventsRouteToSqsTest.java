package io.eventgate.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.TestClients;
import io.eventgate.localcloud.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

/**
 * The inbound half of the pattern on local-cloud, end to end: the partner route built as the provisioner builds it
 * calls local-cloud's own EventBridge, a rule matching the carrier's source, event name and API key id delivers to
 * an SQS queue whose policy lets that rule send, and a failed entry becomes a 5xx.
 */
class EventsRouteToSqsTest {

    private static final String BUS = "eventgate-inbound";

    private static LocalCloud cloud;
    private static Gateway gateway;
    private static EventBridgeClient events;
    private static SqsClient sqs;
    private static EventsRoute.Built route;
    private static String queueUrl;

    @BeforeAll
    static void start() {
        cloud = SharedCloud.get();
        gateway = new Gateway(cloud.endpoint());
        events = TestClients.of(EventBridgeClient.builder(), cloud.endpoint());
        sqs = TestClients.of(SqsClient.builder(), cloud.endpoint());

        route = EventsRoute.build(gateway, "inbound", "local", BUS);
        events.createEventBus(b -> b.name(BUS));
        String ruleArn = events.putRule(b -> b.name("carrier-events-to-orders").eventBusName(BUS).eventPattern(
                "{\"source\": [\"com.carrier\"], \"detail-type\": [\"OrderShipped\", \"OrderDelivered\"],"
                        + " \"detail\": {\"metadata\": {\"apiKeyId\": [\"" + route.key().id() + "\"]}}}")).ruleArn();
        queueUrl = sqs.createQueue(b -> b.queueName("orders-inbox-gateway-test")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Service": "events.amazonaws.com"}, "Action": "sqs:SendMessage",
                  "Resource": "%s", "Condition": {"ArnEquals": {"aws:SourceArn": "%s"}}}]}""".formatted(queueArn, ruleArn);
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        events.putTargets(b -> b.rule("carrier-events-to-orders").eventBusName(BUS)
                .targets(Target.builder().id("orders-inbox").arn(queueArn).build()));
    }

    @AfterAll
    static void stop() {
        events.close();
        sqs.close();
        gateway.client.close();
    }

    @Test
    void deliversTheCarriersEventWithItsKeyIdToTheQueueAndNothingFromAnotherKeyHolder() throws Exception {
        var impostor = gateway.key("impostor", "inbound", "local", "impostor-plan", b -> { });
        String data = "{\"orderId\":\"o-42\",\"note\":\"O'Brien said \\\"left at door\\\"\\nZoë → 東京\"}";

        HttpResponse<String> spoofed = gateway.post(gateway.url("inbound", "local", "/events"), impostor.value(),
                EventsRoute.envelope("com.carrier", "OrderShipped", "{\"orderId\":\"spoofed\"}"));
        HttpResponse<String> genuine = gateway.post(gateway.url("inbound", "local", "/events"), route.key().value(),
                EventsRoute.envelope("com.carrier", "OrderShipped", data));

        assertThat(spoofed.statusCode()).isEqualTo(200);
        assertThat(genuine.statusCode()).isEqualTo(200);
        String eventId = Json.parse(genuine.body()).get("eventId").asString();
        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            received.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)
                    .maxNumberOfMessages(10)).messages());
            return !received.isEmpty();
        });
        received.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10))
                .messages());

        assertThat(received).hasSize(1);
        JsonNode event = Json.parse(received.getFirst().body());
        assertThat(event.get("id").asString()).isEqualTo(eventId);
        assertThat(event.get("source").asString()).isEqualTo("com.carrier");
        assertThat(event.get("detail-type").asString()).isEqualTo("OrderShipped");
        assertThat(event.get("detail").get("metadata").get("apiKeyId").asString()).isEqualTo(route.key().id());
        assertThat(event.get("detail").get("metadata").get("correlationId").asString()).isEqualTo("c-1");
        assertThat(event.get("detail").get("data")).isEqualTo(Json.parse(data));
    }

    @Test
    void mapsAFailedEntryToA502() throws Exception {
        // EventBridge refuses sources starting with "aws." per entry: FailedEntryCount 1 in a 200 answer.
        HttpResponse<String> response = gateway.post(gateway.url("inbound", "local", "/events"),
                route.key().value(), EventsRoute.envelope("aws.carrier", "OrderShipped", "{}"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(Json.parse(response.body()).get("errorCode").asString())
                .isEqualTo("NotAuthorizedForSourceException");
    }

    @Test
    void mapsAnEventBridgeErrorToA502() throws Exception {
        // Over PutEvents' 1 MB request limit but well under API Gateway's 10 MB: EventBridge answers 400.
        String big = "{\"blob\":\"" + "x".repeat(1_100_000) + "\"}";

        HttpResponse<String> response = gateway.post(gateway.url("inbound", "local", "/events"),
                route.key().value(), EventsRoute.envelope("com.carrier", "OrderShipped", big));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("The event bus refused the event");
    }
}
