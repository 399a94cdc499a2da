package io.eventgate.infra;

import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.outputs.OutputsFile;
import io.eventgate.infra.sqs.QueuePolicies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "done when": local-cloud, {@code apply} through the CLI, then the topology proven end to end, a second
 * {@code apply} that changes nothing, and a {@code destroy} that leaves nothing behind. The steps build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayTopologyOnLocalCloudTest {

    private static final String ORDER_CREATED_DETAIL = """
            {"metadata":{"eventName":"OrderCreated","eventSchemaVersion":"1","correlationId":"corr-42"},
             "data":{"orderId":"ord-42","customerId":"cust-7",
                     "items":[{"sku":"SKU-1","quantity":2,"unitPrice":9.95},
                              {"sku":"SKU-2","quantity":1,"unitPrice":20}],
                     "shippingAddress":{"name":"Ada O'Hara","line1":"1 \\"Quoted\\" Street","city":"Berlin",
                                        "postalCode":"10115","country":"DE"},
                     "total":39.9,"createdAt":"2026-11-23T10:00:00Z"}}""";

    private static final String ORDER_SHIPPED_ENVELOPE = """
            {"metadata":{"source":"com.carrier","eventName":"OrderShipped","eventSchemaVersion":"1",
                         "correlationId":"corr-42"},
             "data":{"orderId":"ord-42","trackingNumber":"TRK-1",
                     "carrier":"Ada's \\"Parcels\\" \\\\ Zürich \\n </script>",
                     "shippedAt":"2026-11-23T11:00:00Z"}}""";

    /** Without a correlation id: the gateway uses its request id. */
    private static final String ORDER_DELIVERED_ENVELOPE = """
            {"metadata":{"source":"com.carrier","eventName":"OrderDelivered","eventSchemaVersion":"1"},
             "data":{"orderId":"ord-42","deliveredAt":"2026-11-23T12:00:00Z"}}""";

    @TempDir
    static Path directory;

    @RegisterExtension
    static final OwnLocalCloud own = new OwnLocalCloud();

    private static Cli cli;
    private static Path envFile;
    private static Map<String, String> outputs;
    private static Instant testStart;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        testStart = Instant.now();
        envFile = directory.resolve(".env");
        cli = new Cli(Map.of());
    }

    private static String[] args(String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command, "--endpoint", own.cloud.endpoint().toString(),
                "--env-file", envFile.toString(),
                "--set", "carrier.outbound.baseUrl=" + own.carrier.baseUrl(),
                // No retries: a delivery the carrier refuses goes to the DLQ at once (the redrive step needs that).
                "--set", "carrier.outbound.maximumRetryAttempts=0"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void planOnAnEmptyCloudListsEveryResource() {
        Cli.Run plan = cli.run(args("plan"));

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains(
                "+ dynamodb table orders", "+ dynamodb table carrier-shipments",
                "+ eventbridge bus eventgate", "+ eventbridge archive eventgate-archive",
                "+ sqs queue orders-inbox-dlq", "+ sqs queue orders-inbox", "+ sqs queue carrier-delivery-dlq",
                "+ eventbridge connection carrier-connection", "+ eventbridge api destination carrier-shipments",
                "+ apigateway rest api eventgate", "+ apigateway model GatewayEnvelope",
                "+ apigateway request validator validate-body", "+ apigateway resource /events",
                "+ apigateway method POST /events", "+ apigateway integration POST /events -> events:PutEvents",
                "+ apigateway stage local", "+ apigateway api key carrier", "+ apigateway usage plan carrier-plan",
                "+ apigateway usage plan key carrier-plan <- carrier",
                "+ eventbridge rule order-created-to-carrier", "+ eventbridge rule carrier-events-to-orders");
        assertThat(plan.out()).contains("Plan: 21 to create, 0 to update, 0 to replace");
        assertThat(own.aws.dynamo().listTables().tableNames()).isEmpty();
        assertThat(own.aws.sqs().listQueues().queueUrls()).isEmpty();
    }

    @Test
    @Order(2)
    void applyReportsTheResourceItCannotConvergeAndCarriesOnWithTheRest() {
        // Someone made an "orders" table with another key: apply must say so, not drop the data, and go on.
        own.aws.dynamo().createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));

        Cli.Run apply = cli.run(args("apply"));

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(1);
        assertThat(apply.out()).contains("! dynamodb table orders  FAILED: key schema is [id S HASH] but the topology"
                + " wants [pk S HASH]");
        assertThat(apply.out()).contains("Apply incomplete: 20 created", "1 failed, 0 skipped");
        assertThat(own.aws.dynamo().describeTable(b -> b.tableName("orders")).table().keySchema())
                .singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("id"));
        own.aws.dynamo().deleteTable(b -> b.tableName("orders"));
    }

    @Test
    @Order(3)
    void aRerunAfterTheFixCompletesTheTopologyAndWritesTheOutputs() {
        Cli.Run apply = cli.run(args("apply"));
        outputs = new OutputsFile(envFile).read();

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("+ dynamodb table orders", "Apply complete: 1 created, 0 updated,"
                + " 0 replaced, 22 unchanged.");
        assertThat(outputs)
                .containsEntry("GATEWAY_URL", own.cloud.endpoint() + "/_aws/execute-api/eventgate/local/events")
                .containsEntry("EVENTGATE_AWS_ENDPOINT", own.cloud.endpoint().toString())
                .containsEntry("EVENTGATE_EVENT_BUS_NAME", "eventgate")
                .containsEntry("ORDERS_TABLE_NAME", "orders")
                .containsEntry("CARRIER_SHIPMENTS_TABLE_NAME", "carrier-shipments")
                .containsEntry("EVENTGATE_CARRIER_GATEWAY_URL", outputs.get("GATEWAY_URL"))
                .containsKeys("CARRIER_GATEWAY_API_KEY", "CARRIER_GATEWAY_API_KEY_ID", "CARRIER_INBOUND_API_KEY",
                        "ORDERS_INBOX_QUEUE_URL", "ORDERS_INBOX_DLQ_URL", "CARRIER_DELIVERY_DLQ_URL");
        assertThat(apply.out()).as("generated secrets are shown only by outputs")
                .doesNotContain(outputs.get("CARRIER_GATEWAY_API_KEY"))
                .doesNotContain(outputs.get("CARRIER_INBOUND_API_KEY"));
    }

    @Test
    @Order(4)
    void aSecondApplyChangesNothingAndPlanAgrees() {
        Cli.Run again = cli.run(args("apply"));
        Cli.Run plan = cli.run(args("plan"));

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("No changes. The topology matches");
        assertThat(plan.out()).contains("No changes. The topology matches");
        assertThat(new OutputsFile(envFile).read()).isEqualTo(outputs);
    }

    @Test
    @Order(5)
    void applyPutsBackWhatWasChangedByHand() {
        String apiId = outputs.get("GATEWAY_REST_API_ID");
        String resourceId = own.aws.apiGateway().getResources(b -> b.restApiId(apiId)).items().stream()
                .filter(r -> "/events".equals(r.path())).findFirst().orElseThrow().id();
        own.aws.apiGateway().putIntegration(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .type("AWS").integrationHttpMethod("POST")
                .uri("arn:aws:apigateway:us-east-1:events:action/PutEvents")
                .requestTemplates(Map.of("application/json", "{\"Entries\":[]}")));
        own.aws.apiGateway().updateApiKey(b -> b.apiKey(outputs.get("CARRIER_GATEWAY_API_KEY_ID"))
                .patchOperations(p -> p.op("replace").path("/enabled").value("false")));
        own.aws.sqs().setQueueAttributes(b -> b.queueUrl(outputs.get("ORDERS_INBOX_QUEUE_URL"))
                .attributes(Map.of(QueueAttributeName.POLICY, "{\"Version\":\"2012-10-17\",\"Statement\":[]}")));

        Cli.Run plan = cli.run(args("plan"));
        Cli.Run apply = cli.run(args("apply"));

        assertThat(plan.out()).contains("~ sqs queue orders-inbox", "-/+ apigateway integration POST /events",
                "~ apigateway api key carrier", "enabled false -> true");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(cli.run(args("plan")).out()).contains("No changes.");
    }

    @Test
    @Order(6)
    void outputsPrintsTheSameAsJson() {
        Cli.Run run = cli.run(args("outputs"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JsonDocs.read(run.out());
        outputs.forEach((name, value) -> assertThat(json.path(name).asString()).as(name).isEqualTo(value));
    }

    @Test
    @Order(7)
    void orderCreatedReachesTheCarrierTransformedWithItsKeyAndTheEventIdInTheBodyAndAsIdempotencyKey() {
        String eventId = own.aws.events().putEvents(b -> b.entries(e -> e.eventBusName("eventgate")
                .source("eventgate.orders").detailType("OrderCreated").detail(ORDER_CREATED_DETAIL)))
                .entries().getFirst().eventId();

        StubCarrier.Request request = await().atMost(Duration.ofSeconds(20))
                .until(() -> own.carrier.requests().stream().filter(r -> r.path().equals("/shipments")).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("x-api-key")).isEqualTo(outputs.get("CARRIER_INBOUND_API_KEY"));
        assertThat(request.header("Idempotency-Key")).isEqualTo(eventId);
        JsonNode detail = JsonDocs.read(ORDER_CREATED_DETAIL);
        JsonNode expected = JsonDocs.read("{}");
        ((tools.jackson.databind.node.ObjectNode) expected).put("orderId", "ord-42").put("eventId", eventId)
                .put("customerId", "cust-7")
                .put("correlationId", "corr-42")
                .put("traceparent", "");
        ((tools.jackson.databind.node.ObjectNode) expected).set("items", detail.at("/data/items"));
        ((tools.jackson.databind.node.ObjectNode) expected).set("shipTo", detail.at("/data/shippingAddress"));
        assertThat(JsonDocs.read(request.body())).isEqualTo(expected);
    }

    @Test
    @Order(8)
    void theCarriersPostLandsOnTheOrdersInboxAsAnEnvelopeWithItsKeyId() throws Exception {
        HttpResponse<String> response = post(outputs.get("CARRIER_GATEWAY_API_KEY"), ORDER_SHIPPED_ENVELOPE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Message message = awaitOne(outputs.get("ORDERS_INBOX_QUEUE_URL"));
        JsonNode event = JsonDocs.read(message.body());
        assertThat(event.path("source").asString()).isEqualTo("com.carrier");
        assertThat(event.path("detail-type").asString()).isEqualTo("OrderShipped");
        JsonNode sent = JsonDocs.read(ORDER_SHIPPED_ENVELOPE);
        assertThat(event.at("/detail/data")).isEqualTo(sent.path("data"));
        assertThat(event.at("/detail/metadata/apiKeyId").asString())
                .isEqualTo(outputs.get("CARRIER_GATEWAY_API_KEY_ID"));
        assertThat(event.at("/detail/metadata/correlationId").asString()).isEqualTo("corr-42");
        assertThat(event.at("/detail/metadata/source").asString()).isEqualTo("com.carrier");
    }

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    @Order(8)
    void theOrdersTraceGoesToTheCarrierAsHeaderAndInTheBodyAndComesBackThroughTheGateway() throws Exception {
        own.aws.events().putEvents(b -> b.entries(e -> e.eventBusName("eventgate").source("eventgate.orders")
                .detailType("OrderCreated").detail(ORDER_CREATED_DETAIL.replace("ord-42", "ord-traced")
                        .replace("\"correlationId\":\"corr-42\"",
                                "\"correlationId\":\"corr-42\",\"traceparent\":\"" + TRACEPARENT + "\""))));

        StubCarrier.Request request = await().atMost(Duration.ofSeconds(20)).until(() -> own.carrier.requests()
                .stream().filter(r -> r.body().contains("ord-traced")).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(request.header("traceparent")).isEqualTo(TRACEPARENT);
        assertThat(JsonDocs.read(request.body()).path("traceparent").asString()).isEqualTo(TRACEPARENT);

        // The carrier's report in the header only: the gateway puts it into the event for the inbox.
        HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(outputs.get("GATEWAY_URL")))
                .header("Content-Type", "application/json").header("x-api-key", outputs.get("CARRIER_GATEWAY_API_KEY"))
                .header("traceparent", TRACEPARENT)
                .POST(HttpRequest.BodyPublishers.ofString(ORDER_SHIPPED_ENVELOPE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        JsonNode event = JsonDocs.read(awaitOne(outputs.get("ORDERS_INBOX_QUEUE_URL")).body());
        assertThat(event.at("/detail/metadata/traceparent").asString()).isEqualTo(TRACEPARENT);

        // One in the body that is not a trace context breaks the envelope's contract.
        HttpResponse<String> forged = post(outputs.get("CARRIER_GATEWAY_API_KEY"), ORDER_SHIPPED_ENVELOPE.replace(
                "\"eventSchemaVersion\":\"1\"", "\"eventSchemaVersion\":\"1\",\"traceparent\":\"x\\\",\\\"apiKeyId\\\":\\\"forged\""));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(receive(outputs.get("ORDERS_INBOX_QUEUE_URL"))).as("nothing forwarded").isEmpty();
    }

    @Test
    @Order(9)
    void theGatewayAnswersWhatTheCallerGotWrongWith4xx() throws Exception {
        HttpResponse<String> noKey = post("not-a-key-0123456789abcdef", ORDER_SHIPPED_ENVELOPE);
        HttpResponse<String> badBody = post(outputs.get("CARRIER_GATEWAY_API_KEY"),
                "{\"metadata\":{\"source\":\"com.carrier\"},\"data\":{}}");
        // EventBridge refuses "aws." sources; the carrier may not use one anyway: 403, not a 502 to retry.
        HttpResponse<String> awsSource = post(outputs.get("CARRIER_GATEWAY_API_KEY"),
                ORDER_SHIPPED_ENVELOPE.replace("\"source\":\"com.carrier\"", "\"source\":\"aws.events\""));

        assertThat(noKey.statusCode()).isEqualTo(403);
        assertThat(badBody.statusCode()).isEqualTo(400);
        assertThat(badBody.body()).contains("Invalid request body");
        assertThat(awsSource.statusCode()).as(awsSource.body()).isEqualTo(403);
        assertThat(awsSource.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
        assertThat(JsonDocs.read(awsSource.body()).path("retryable").asBoolean(true)).isFalse();
        assertThat(receive(outputs.get("ORDERS_INBOX_QUEUE_URL"))).as("nothing forwarded").isEmpty();
    }

    @Test
    @Order(10)
    void anotherValidKeyIsRefusedAtTheDoorAndNothingOfItReachesTheBus() throws Exception {
        String auditUrl = auditQueueForCarrierEvents();
        String intruderKeyId = own.aws.apiGateway().createApiKey(b -> b.name("intruder").enabled(true)
                .value("intruder-key-0123456789abcdef")).id();
        String planId = own.aws.apiGateway().getUsagePlans(b -> b.limit(500)).items().stream()
                .filter(p -> p.name().equals("carrier-plan")).findFirst().orElseThrow().id();
        own.aws.apiGateway().createUsagePlanKey(b -> b.usagePlanId(planId).keyId(intruderKeyId).keyType("API_KEY"));

        HttpResponse<String> intruder = post("intruder-key-0123456789abcdef", ORDER_SHIPPED_ENVELOPE
                .replace("TRK-1", "TRK-INTRUDER"));
        HttpResponse<String> genuine = post(outputs.get("CARRIER_GATEWAY_API_KEY"), ORDER_SHIPPED_ENVELOPE
                .replace("TRK-1", "TRK-GENUINE"));

        assertThat(intruder.statusCode()).as(intruder.body()).isEqualTo(403);
        assertThat(JsonDocs.read(intruder.body()).path("message").asString()).contains("may not publish");
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
        List<String> inInbox = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            receive(outputs.get("ORDERS_INBOX_QUEUE_URL")).forEach(m -> inInbox.add(JsonDocs.read(m.body())
                    .at("/detail/data/trackingNumber").asString()));
            assertThat(inInbox).contains("TRK-GENUINE");
        });
        HttpResponse<String> delivered = post(outputs.get("CARRIER_GATEWAY_API_KEY"), ORDER_DELIVERED_ENVELOPE);
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        JsonNode deliveredEvent = JsonDocs.read(awaitOne(outputs.get("ORDERS_INBOX_QUEUE_URL")).body());
        assertThat(deliveredEvent.path("detail-type").asString()).isEqualTo("OrderDelivered");
        assertThat(deliveredEvent.at("/detail/metadata/correlationId").asString()).isNotBlank();
        // The genuine ones went through the bus as the refused one would have: give it time to show up anywhere.
        List<String> onTheBus = new ArrayList<>();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            receive(auditUrl).forEach(m -> onTheBus.add(JsonDocs.read(m.body()).at("/detail/data/trackingNumber")
                    .asString()));
            receive(outputs.get("ORDERS_INBOX_QUEUE_URL")).forEach(m -> inInbox.add(JsonDocs.read(m.body())
                    .at("/detail/data/trackingNumber").asString()));
            assertThat(onTheBus).doesNotContain("TRK-INTRUDER");
            assertThat(inInbox).containsExactly("TRK-GENUINE");
        });
        assertThat(onTheBus).contains("TRK-GENUINE");

        own.aws.apiGateway().deleteApiKey(b -> b.apiKey(intruderKeyId));
        own.aws.events().removeTargets(b -> b.rule("test-audit").eventBusName("eventgate").ids("audit"));
        own.aws.events().deleteRule(b -> b.name("test-audit").eventBusName("eventgate"));
        own.aws.sqs().deleteQueue(b -> b.queueUrl(auditUrl));
    }

    @Test
    @Order(11)
    void whenTheCarrierIsDownOrdersGoToTheDlqAndRedriveReplaysThemWithTheSameEventId() {
        own.carrier.respondWith(500);
        String eventId = own.aws.events().putEvents(b -> b.entries(e -> e.eventBusName("eventgate")
                .source("eventgate.orders").detailType("OrderCreated")
                .detail(ORDER_CREATED_DETAIL.replace("ord-42", "ord-43")))).entries().getFirst().eventId();
        Message dead = awaitOne(outputs.get("CARRIER_DELIVERY_DLQ_URL"), false);
        assertThat(JsonDocs.read(dead.body()).path("id").asString()).isEqualTo(eventId);
        own.carrier.respondWith(201);

        Cli.Run redrive = cli.run(args("redrive", "--dlq", "carrier-delivery-dlq", "--settle", "PT0S"));

        assertThat(redrive.exitCode()).as(redrive.out() + redrive.err()).isZero();
        assertThat(redrive.out()).contains("Replayed 1 failed events").contains("order-created-to-carrier");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(own.carrier.requests())
                .filteredOn(r -> r.body().contains("ord-43"))
                .extracting(r -> r.header("Idempotency-Key") + " " + JsonDocs.read(r.body()).path("eventId").asString())
                .as("the failed attempt, then the replayed delivery, both with the event's id (header and body)")
                .hasSizeGreaterThanOrEqualTo(2)
                .containsOnly(eventId + " " + eventId));
        assertThat(own.aws.sqs().receiveMessage(b -> b.queueUrl(outputs.get("CARRIER_DELIVERY_DLQ_URL"))
                .waitTimeSeconds(1)).messages()).isEmpty();
    }

    @Test
    @Order(12)
    void replaySendsTheArchivedOrderCreatedToTheCarrierAgainWithItsOriginalId() {
        long before = own.carrier.requests().stream().filter(r -> r.body().contains("ord-42")).count();
        String originalId = own.carrier.requests().stream().filter(r -> r.body().contains("ord-42")).findFirst()
                .orElseThrow().header("Idempotency-Key");

        Cli.Run replay = cli.run(args("replay", "--from", testStart.toString(), "--to", Instant.now().toString(),
                "--rule", "order-created-to-carrier"));

        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).contains("COMPLETED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(own.carrier.requests())
                .filteredOn(r -> r.body().contains("ord-42"))
                .hasSizeGreaterThan((int) before)
                .extracting(r -> r.header("Idempotency-Key") + " " + JsonDocs.read(r.body()).path("eventId").asString())
                .containsOnly(originalId + " " + originalId));
        assertThat(own.aws.sqs().receiveMessage(b -> b.queueUrl(outputs.get("ORDERS_INBOX_QUEUE_URL"))
                .waitTimeSeconds(1)).messages()).as("the replay went to the carrier's rule only").isEmpty();
    }

    @Test
    @Order(13)
    void destroyLeavesNothingBehind() {
        Cli.Run destroy = cli.run(args("destroy"));

        assertThat(destroy.exitCode()).as(destroy.out() + destroy.err()).isZero();
        assertThat(destroy.out()).contains("Destroy complete: 15 deleted");
        assertThat(own.aws.dynamo().listTables().tableNames()).isEmpty();
        assertThat(own.aws.sqs().listQueues().queueUrls()).isEmpty();
        assertThat(own.aws.events().listEventBuses(b -> { }).eventBuses())
                .allMatch(bus -> bus.name().equals("default"));
        assertThat(own.aws.events().listArchives(b -> { }).archives()).isEmpty();
        assertThat(own.aws.events().listConnections(b -> { }).connections()).isEmpty();
        assertThat(own.aws.events().listApiDestinations(b -> { }).apiDestinations()).isEmpty();
        assertThat(own.aws.apiGateway().getRestApis(b -> { }).items()).isEmpty();
        assertThat(own.aws.apiGateway().getApiKeys(b -> { }).items()).isEmpty();
        assertThat(own.aws.apiGateway().getUsagePlans(b -> { }).items()).isEmpty();
        assertThat(cli.run(args("plan")).out()).contains("Plan: 21 to create");
    }

    private static HttpResponse<String> post(String apiKey, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(outputs.get("GATEWAY_URL")))
                .header("Content-Type", "application/json").header("x-api-key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Message awaitOne(String queueUrl) {
        return awaitOne(queueUrl, true);
    }

    private static Message awaitOne(String queueUrl, boolean delete) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> delete ? receive(queueUrl)
                : own.aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).visibilityTimeout(1))
                        .messages(), m -> !m.isEmpty()).getFirst();
    }

    /** Receives and deletes what is there now. */
    private static List<Message> receive(String queueUrl) {
        List<Message> messages = own.aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
        messages.forEach(m -> own.aws.sqs()
                .deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages;
    }

    /** A queue that receives every com.carrier event on the bus, whoever sent it: proof an event was on the bus. */
    private static String auditQueueForCarrierEvents() {
        var arns = own.aws.arns();
        String ruleArn = arns.rule("eventgate", "test-audit");
        String url = own.aws.sqs().createQueue(b -> b.queueName("test-audit").attributes(Map.of(
                QueueAttributeName.POLICY, QueuePolicies.allowEventBridgeRules(arns.queue("test-audit"), List.of(ruleArn))))).queueUrl();
        own.aws.events().putRule(b -> b.name("test-audit").eventBusName("eventgate")
                .eventPattern("{\"source\":[\"com.carrier\"]}"));
        own.aws.events().putTargets(b -> b.rule("test-audit").eventBusName("eventgate")
                .targets(t -> t.id("audit").arn(arns.queue("test-audit"))));
        return url;
    }
}
