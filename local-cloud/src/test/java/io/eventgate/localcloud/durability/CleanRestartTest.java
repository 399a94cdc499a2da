package io.eventgate.localcloud.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import io.eventgate.localcloud.TestClients;
import io.eventgate.localcloud.json.Json;
import java.net.InetSocketAddress;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * local-cloud stopped cleanly and started again on the same data directory carries on where it was: rules and their
 * targets, the connection's secret, API keys and their used quota, archived events (which can be replayed), queue
 * policies and messages, tables with their tags and recovery setting, the API Gateway account.
 */
class CleanRestartTest {

    private static final String SECRET = "restart-partner-secret-0123456789";

    @TempDir
    Path data;

    private final Set<String> atPartner = ConcurrentHashMap.newKeySet();
    private final Set<String> partnerKeys = ConcurrentHashMap.newKeySet();
    private HttpServer partner;
    private LocalCloud cloud;

    @AfterEach
    void stop() {
        if (cloud != null) {
            cloud.close();
        }
        if (partner != null) {
            partner.stop(0);
        }
    }

    private record Clients(EventBridgeClient events, SqsClient sqs, ApiGatewayClient gateway, DynamoDbClient dynamo)
            implements AutoCloseable {
        static Clients of(URI endpoint) {
            return new Clients(
                    TestClients.of(EventBridgeClient.builder(), endpoint),
                    TestClients.of(SqsClient.builder(), endpoint),
                    TestClients.of(ApiGatewayClient.builder(), endpoint),
                    TestClients.of(DynamoDbClient.builder(), endpoint));
        }

        @Override
        public void close() {
            events.close();
            sqs.close();
            gateway.close();
            dynamo.close();
        }
    }

    @Test
    void keepsRulesKeysArchivedEventsAndEverythingElseAcrossACleanRestart() throws Exception {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/shipments", exchange -> {
            partnerKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("x-api-key")));
            atPartner.add(Json.parse(exchange.getRequestBody().readAllBytes()).path("id").asString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        partner.start();
        Instant before = Instant.now().minusSeconds(60);

        cloud = LocalCloud.start(LocalCloudSettings.forTests().withDataDirectory(data));
        String queueUrl;
        String leftoverUrl;
        String keyValue;
        List<String> firstEvents;
        try (Clients c = Clients.of(cloud.endpoint())) {
            queueUrl = eventTopology(c, "http://127.0.0.1:" + partner.getAddress().getPort() + "/shipments");
            firstEvents = put(c, 5);
            await().atMost(Duration.ofSeconds(30)).until(() -> atPartner.containsAll(firstEvents));
            assertThat(drain(c, queueUrl, 5)).containsAll(firstEvents);
            keyValue = gatewayTopology(c);
            assertThat(ping(keyValue).statusCode()).isEqualTo(200);
            assertThat(ping(keyValue).statusCode()).isEqualTo(200);
            c.gateway().updateAccount(b -> b.patchOperations(PatchOperation.builder().op(Op.REPLACE)
                    .path("/cloudwatchRoleArn").value("arn:aws:iam::000000000000:role/logs").build()));
            tableWithTagsAndRecovery(c);
            leftoverUrl = c.sqs().createQueue(b -> b.queueName("leftover")).queueUrl();
            c.sqs().sendMessage(b -> b.queueUrl(leftoverUrl).messageBody("still here"));
        }
        cloud.close();

        cloud = LocalCloud.start(LocalCloudSettings.forTests().withDataDirectory(data));
        try (Clients c = Clients.of(cloud.endpoint())) {
            // rules and targets, tags
            assertThat(c.events().describeRule(b -> b.name("to-queue").eventBusName("shop")).eventPattern())
                    .contains("shop.orders");
            assertThat(c.events().listTargetsByRule(b -> b.rule("to-partner").eventBusName("shop")).targets())
                    .singleElement().satisfies(t -> assertThat(t.retryPolicy().maximumRetryAttempts()).isEqualTo(3));
            String ruleArn = c.events().describeRule(b -> b.name("to-queue").eventBusName("shop")).arn();
            assertThat(c.events().listTagsForResource(b -> b.resourceARN(ruleArn)).tags())
                    .anySatisfy(t -> assertThat(t.key()).isEqualTo("owner"));

            // new events reach the queue (its policy is still there) and the partner, with the connection's secret
            List<String> later = put(c, 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> atPartner.containsAll(later));
            assertThat(drain(c, queueUrl, 3)).containsAll(later);
            assertThat(partnerKeys).containsOnly(SECRET);

            // archived events: all eight, and the first five can be replayed
            assertThat(c.events().describeArchive(b -> b.archiveName("shop-archive")).eventCount()).isEqualTo(8);
            String archiveArn = c.events().describeArchive(b -> b.archiveName("shop-archive")).archiveArn();
            String busArn = c.events().describeEventBus(b -> b.name("shop")).arn();
            c.events().startReplay(b -> b.replayName("again").eventSourceArn(archiveArn).eventStartTime(before)
                    .eventEndTime(Instant.now()).destination(d -> d.arn(busArn)
                            .filterArns(ruleArn)));
            await().atMost(Duration.ofSeconds(30)).until(() -> c.events().describeReplay(b -> b.replayName("again"))
                    .state() == ReplayState.COMPLETED);
            List<JsonNodeWithId> replayed = drainEvents(c, queueUrl, 8);
            assertThat(replayed).allSatisfy(e -> assertThat(e.replayName()).isEqualTo("again"));
            assertThat(replayed.stream().map(JsonNodeWithId::id).toList()).containsAll(firstEvents);

            // the key still works; its quota (3 a day) remembers the two calls made before the restart
            assertThat(ping(keyValue).statusCode()).isEqualTo(200);
            HttpResponse<String> overQuota = ping(keyValue);
            assertThat(overQuota.statusCode()).isEqualTo(429);
            assertThat(overQuota.body()).contains("Limit Exceeded");
            assertThat(c.gateway().getAccount(b -> { }).cloudwatchRoleArn())
                    .isEqualTo("arn:aws:iam::000000000000:role/logs");

            // tables, tags, recovery setting; queue messages
            assertThat(c.dynamo().getItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("a"))))
                    .item()).containsEntry("v", AttributeValue.fromS("1"));
            String tableArn = c.dynamo().describeTable(b -> b.tableName("kept")).table().tableArn();
            assertThat(c.dynamo().listTagsOfResource(b -> b.resourceArn(tableArn)).tags())
                    .containsExactly(Tag.builder().key("team").value("orders").build());
            assertThat(c.dynamo().describeContinuousBackups(b -> b.tableName("kept")).continuousBackupsDescription()
                    .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                    .isEqualTo(PointInTimeRecoveryStatus.ENABLED);
            assertThat(c.sqs().receiveMessage(b -> b.queueUrl(leftoverUrl).waitTimeSeconds(2)).messages())
                    .extracting(Message::body).containsExactly("still here");
        }
    }

    private record JsonNodeWithId(String id, String replayName) {
    }

    private static String eventTopology(Clients c, String partnerUrl) {
        c.events().createEventBus(b -> b.name("shop"));
        String queueUrl = c.sqs().createQueue(b -> b.queueName("shop-orders")).queueUrl();
        String queueArn = c.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String ruleArn = c.events().putRule(b -> b.name("to-queue").eventBusName("shop")
                .eventPattern("{\"source\":[\"shop.orders\"]}").tags(t -> t.key("owner").value("shop"))).ruleArn();
        c.sqs().setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                ("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
                        + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"%s\",\"Condition\":{\"ArnEquals\":"
                        + "{\"aws:SourceArn\":\"%s\"}}}]}").formatted(queueArn, ruleArn))));
        c.events().putTargets(b -> b.rule("to-queue").eventBusName("shop")
                .targets(Target.builder().id("q").arn(queueArn).build()));
        String connection = c.events().createConnection(b -> b.name("carrier")
                .authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue(SECRET))))
                .connectionArn();
        String destination = c.events().createApiDestination(b -> b.name("carrier").connectionArn(connection)
                .invocationEndpoint(partnerUrl).httpMethod("POST").invocationRateLimitPerSecond(50))
                .apiDestinationArn();
        c.events().putRule(b -> b.name("to-partner").eventBusName("shop")
                .eventPattern("{\"source\":[\"shop.orders\"]}"));
        c.events().putTargets(b -> b.rule("to-partner").eventBusName("shop").targets(Target.builder().id("p")
                .arn(destination).roleArn("arn:aws:iam::000000000000:role/events")
                .retryPolicy(r -> r.maximumRetryAttempts(3).maximumEventAgeInSeconds(600)).build()));
        String busArn = c.events().describeEventBus(b -> b.name("shop")).arn();
        c.events().createArchive(b -> b.archiveName("shop-archive").eventSourceArn(busArn));
        return queueUrl;
    }

    private static List<String> put(Clients c, int count) {
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(PutEventsRequestEntry.builder().eventBusName("shop").source("shop.orders")
                    .detailType("OrderCreated").detail("{\"n\":" + i + "}").build());
        }
        var response = c.events().putEvents(b -> b.entries(entries));
        assertThat(response.failedEntryCount()).isZero();
        return response.entries().stream().map(e -> e.eventId()).toList();
    }

    private static List<String> drain(Clients c, String queueUrl, int count) {
        return drainEvents(c, queueUrl, count).stream().map(JsonNodeWithId::id).toList();
    }

    private static List<JsonNodeWithId> drainEvents(Clients c, String queueUrl, int count) {
        List<JsonNodeWithId> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (Message m : c.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                var event = Json.parse(m.body());
                events.add(new JsonNodeWithId(event.path("id").asString(), event.path("replay-name").asString(null)));
                c.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
            return events.size() >= count;
        });
        return events;
    }

    private static String gatewayTopology(Clients c) {
        var api = c.gateway().createRestApi(b -> b.name("restart").tags(Map.of("_custom_id_", "restart")));
        String root = c.gateway().getResources(b -> b.restApiId(api.id())).items().getFirst().id();
        String ping = c.gateway().createResource(b -> b.restApiId(api.id()).parentId(root).pathPart("ping")).id();
        c.gateway().putMethod(b -> b.restApiId(api.id()).resourceId(ping).httpMethod("GET").authorizationType("NONE")
                .apiKeyRequired(true));
        c.gateway().putIntegration(b -> b.restApiId(api.id()).resourceId(ping).httpMethod("GET")
                .type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        c.gateway().putMethodResponse(b -> b.restApiId(api.id()).resourceId(ping).httpMethod("GET").statusCode("200"));
        c.gateway().putIntegrationResponse(b -> b.restApiId(api.id()).resourceId(ping).httpMethod("GET")
                .statusCode("200").responseTemplates(Map.of("application/json", "{\"pong\": true}")));
        c.gateway().createDeployment(b -> b.restApiId(api.id()).stageName("dev"));
        var key = c.gateway().createApiKey(b -> b.name("partner").enabled(true));
        String plan = c.gateway().createUsagePlan(b -> b.name("three-a-day")
                .apiStages(ApiStage.builder().apiId(api.id()).stage("dev").build())
                .quota(q -> q.limit(3).period(QuotaPeriodType.DAY))).id();
        c.gateway().createUsagePlanKey(b -> b.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));
        return key.value();
    }

    private HttpResponse<String> ping(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(cloud.endpoint() + "/_aws/execute-api/restart/dev/ping"))
                .header("x-api-key", key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void tableWithTagsAndRecovery(Clients c) {
        c.dynamo().createTable(b -> b.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .tags(Tag.builder().key("team").value("orders").build()));
        c.dynamo().putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("a"),
                "v", AttributeValue.fromS("1"))));
        c.dynamo().updateContinuousBackups(b -> b.tableName("kept")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    }
}
