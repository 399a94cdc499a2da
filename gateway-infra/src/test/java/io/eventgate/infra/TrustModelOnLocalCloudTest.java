package io.eventgate.infra;

import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.outputs.OutputsFile;
import io.eventgate.infra.sqs.QueuePolicies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trust model through the real gateway route on local-cloud, with two partners (the carrier and acme, which may
 * publish only {@code OrderDelivered} from {@code com.acme}) and a key in no partner's grants: a test per rule proves a
 * foreign key cannot trigger it, and every contract-breaking event is refused at the door. An audit queue receives
 * every event on the bus, so "never reached the bus" is checked, not assumed.
 */
class TrustModelOnLocalCloudTest {

    private static final String ACME = """
            partners:
              - {name: carrier, apiKeyName: carrier, usagePlanName: carrier-plan, sources: [com.carrier],
                 eventNames: [OrderShipped, OrderDelivered, OrderCancelled], rateLimit: 50, burstLimit: 100,
                 quotaLimit: 100000, quotaPeriod: DAY}
              - {name: acme, apiKeyName: acme, usagePlanName: acme-plan, sources: [com.acme],
                 eventNames: [OrderDelivered], rateLimit: 50, burstLimit: 100, quotaLimit: 100000, quotaPeriod: DAY}
            """;
    private static final String OTHER_KEY = "other-partner-key-0123456789abcdef";
    private static final Duration NEVER = Duration.ofSeconds(3);

    @TempDir
    static Path directory;

    @RegisterExtension
    static final OwnLocalCloud own = new OwnLocalCloud();

    private static Map<String, String> outputs;
    private static String auditUrl;
    private static final List<JsonNode> onTheBus = new CopyOnWriteArrayList<>();
    private static final List<JsonNode> inTheInbox = new CopyOnWriteArrayList<>();
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void applyTheTopologyWithTwoPartners() throws Exception {
        Path config = directory.resolve("partners.yaml");
        Files.writeString(config, ACME);
        Path envFile = directory.resolve(".env");
        Cli.Run apply = new Cli(Map.of()).run("apply", "--endpoint", own.cloud.endpoint().toString(),
                "--env-file", envFile.toString(), "--config", config.toString(),
                "--set", "carrier.outbound.baseUrl=" + own.carrier.baseUrl());
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        outputs = new OutputsFile(envFile).read();
        auditUrl = auditQueueForEverythingOnTheBus();
        // A valid key of the stage that no partner's grants name: any key holder the provisioner does not know.
        String otherKeyId = own.aws.apiGateway()
                .createApiKey(b -> b.name("other").enabled(true).value(OTHER_KEY)).id();
        String planId = own.aws.apiGateway().getUsagePlans(b -> b.limit(500)).items().stream()
                .filter(p -> p.name().equals("acme-plan")).findFirst().orElseThrow().id();
        own.aws.apiGateway().createUsagePlanKey(b -> b.usagePlanId(planId).keyId(otherKeyId).keyType("API_KEY"));
    }

    @Test
    void orderCreatedToCarrierFiresForOurOwnOrderCreatedOnly() throws Exception {
        String ours = orderCreated("ours-1");
        own.aws.events().putEvents(b -> b.entries(e -> e.eventBusName("eventgate").source("eventgate.orders")
                .detailType("OrderCreated").detail(ours)));
        // What a gateway-stamped OrderCreated would look like on the bus: the rule must not fire for it either.
        String stamped = orderCreated("stamped-1").replace("\"correlationId\":\"c-1\"",
                "\"correlationId\":\"c-1\",\"apiKeyId\":\"" + outputs.get("ACME_GATEWAY_API_KEY_ID") + "\"");
        own.aws.events().putEvents(b -> b.entries(e -> e.eventBusName("eventgate").source("eventgate.orders")
                .detailType("OrderCreated").detail(stamped)));

        for (String[] spoof : List.of(new String[] {"ACME_GATEWAY_API_KEY", "spoof-acme"},
                new String[] {"CARRIER_GATEWAY_API_KEY", "spoof-carrier"}, new String[] {null, "spoof-other"})) {
            String key = spoof[0] == null ? OTHER_KEY : outputs.get(spoof[0]);
            HttpResponse<String> answer = post(key, """
                    {"metadata":{"source":"eventgate.orders","eventName":"OrderCreated","eventSchemaVersion":"1"},
                     "data":%s}""".formatted(JsonDocs.read(orderCreated(spoof[1])).path("data")));

            assertThat(answer.statusCode()).as(spoof[1] + ": " + answer.body()).isEqualTo(403);
            assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
            assertThat(JsonDocs.read(answer.body()).path("retryable").asBoolean(true)).isFalse();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> shipmentsFor("ours-1") == 1);
        await().during(NEVER).atMost(NEVER.plusSeconds(2)).untilAsserted(() -> {
            assertThat(shipmentsFor("stamped-1") + shipmentsFor("spoof-acme") + shipmentsFor("spoof-carrier")
                    + shipmentsFor("spoof-other")).as("shipment requests the carrier got for them").isZero();
            assertThat(busOrderIds()).contains("ours-1", "stamped-1")
                    .doesNotContain("spoof-acme", "spoof-carrier", "spoof-other");
        });
    }

    @Test
    void carrierEventsToOrdersFiresForTheCarriersKeyOnly() throws Exception {
        HttpResponse<String> genuine = post(outputs.get("CARRIER_GATEWAY_API_KEY"), shipped("com.carrier", "gen-1"));
        HttpResponse<String> acmeAsCarrier = post(outputs.get("ACME_GATEWAY_API_KEY"),
                shipped("com.carrier", "acme-as-carrier"));
        HttpResponse<String> otherAsCarrier = post(OTHER_KEY, shipped("com.carrier", "other-as-carrier"));
        HttpResponse<String> acmeOwn = post(outputs.get("ACME_GATEWAY_API_KEY"), """
                {"metadata":{"source":"com.acme","eventName":"OrderDelivered","eventSchemaVersion":"1"},
                 "data":{"orderId":"acme-own","deliveredAt":"2026-11-23T12:00:00Z"}}""");
        HttpResponse<String> acmeShipped = post(outputs.get("ACME_GATEWAY_API_KEY"), shipped("com.acme", "acme-shp"));
        // On the bus with the carrier's source but another key's id (as if a key had reached the bus unchecked).
        own.aws.events().putEvents(b -> b.entries(e -> e.eventBusName("eventgate").source("com.carrier")
                .detailType("OrderShipped").detail("""
                        {"metadata":{"source":"com.carrier","eventName":"OrderShipped","eventSchemaVersion":"1",
                                     "correlationId":"c-1","apiKeyId":"%s"},
                         "data":{"orderId":"foreign-id","trackingNumber":"T","carrier":"X",
                                 "shippedAt":"2026-11-23T11:00:00Z"}}""".formatted(
                        outputs.get("ACME_GATEWAY_API_KEY_ID")))));

        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
        assertThat(acmeOwn.statusCode()).as("acme's own grant: " + acmeOwn.body()).isEqualTo(200);
        assertThat(List.of(acmeAsCarrier, otherAsCarrier, acmeShipped)).allSatisfy(refused -> {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("NotAuthorizedForSource");
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOrderIds().contains("gen-1"));
        await().during(NEVER).atMost(NEVER.plusSeconds(2)).untilAsserted(() -> {
            assertThat(inboxOrderIds()).containsExactly("gen-1");
            assertThat(busOrderIds()).contains("gen-1", "acme-own", "foreign-id")
                    .doesNotContain("acme-as-carrier", "other-as-carrier", "acme-shp");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no trackingNumber     | {\"orderId\":\"bad-1\",\"carrier\":\"X\",\"shippedAt\":\"2026-11-23T11:00:00Z\"}",
            "numeric orderId       | {\"orderId\":12345,\"trackingNumber\":\"T\",\"carrier\":\"X\",\"shippedAt\":\"2026-11-23T11:00:00Z\"}",
            "unknown extra field   | {\"orderId\":\"bad-3\",\"trackingNumber\":\"T\",\"carrier\":\"X\",\"shippedAt\":\"2026-11-23T11:00:00Z\",\"extra\":1}",
            "shippedAt yesterday   | {\"orderId\":\"bad-4\",\"trackingNumber\":\"T\",\"carrier\":\"X\",\"shippedAt\":\"yesterday\"}",
            "lone surrogate        | {\"orderId\":\"bad-5\",\"trackingNumber\":\"T\\ud800\",\"carrier\":\"X\",\"shippedAt\":\"2026-11-23T11:00:00Z\"}",
            "U+FFFF                | {\"orderId\":\"bad-6\",\"trackingNumber\":\"T\",\"carrier\":\"\\uffff\",\"shippedAt\":\"2026-11-23T11:00:00Z\"}",
            "February 30th         | {\"orderId\":\"bad-7\",\"trackingNumber\":\"T\",\"carrier\":\"X\",\"shippedAt\":\"2026-02-30T11:00:00Z\"}",
            "data not an object    | [\"bad-8\"]"})
    void contractBreakingOrderShippedGets400AndNothingReachesTheBus(String what, String data) throws Exception {
        String body = """
                {"metadata":{"source":"com.carrier","eventName":"OrderShipped","eventSchemaVersion":"1"},
                 "data":%s}""".formatted(data);

        HttpResponse<String> answer = post(outputs.get("CARRIER_GATEWAY_API_KEY"), body);

        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(400);
        assertThat(JsonDocs.read(answer.body()).path("message").asString()).isEqualTo("Invalid request body");
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("BadRequestException");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(busOrderIds()).noneMatch(id -> id.startsWith("bad-")));
    }

    @Test
    void refusesAVersionItHasNoContractForAForgedKeyIdAndAnOversizedEventWith400() throws Exception {
        String version2 = shipped("com.carrier", "v2-1").replace("\"eventSchemaVersion\":\"1\"",
                "\"eventSchemaVersion\":\"2\"");
        String forged = shipped("com.carrier", "forged-1").replace("\"eventSchemaVersion\":\"1\"",
                "\"eventSchemaVersion\":\"1\",\"apiKeyId\":\"" + outputs.get("CARRIER_GATEWAY_API_KEY_ID") + "\"");
        String oversized = shipped("com.carrier", "big-1").replace("\"T\"", "\"" + "T".repeat(1_100_000) + "\"");

        for (String body : List.of(version2, forged, oversized)) {
            HttpResponse<String> answer = post(outputs.get("CARRIER_GATEWAY_API_KEY"), body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(busOrderIds()).doesNotContain("v2-1", "forged-1", "big-1"));
    }

    private static String orderCreated(String orderId) {
        return """
                {"metadata":{"eventName":"OrderCreated","eventSchemaVersion":"1","correlationId":"c-1"},
                 "data":{"orderId":"%s","customerId":"cust-1","items":[{"sku":"S","quantity":1,"unitPrice":1}],
                         "shippingAddress":{"name":"N","line1":"L","city":"C","postalCode":"P","country":"DE"},
                         "createdAt":"2026-11-23T10:00:00Z"}}""".formatted(orderId);
    }

    private static String shipped(String source, String orderId) {
        return """
                {"metadata":{"source":"%s","eventName":"OrderShipped","eventSchemaVersion":"1"},
                 "data":{"orderId":"%s","trackingNumber":"T","carrier":"X","shippedAt":"2026-11-23T11:00:00Z"}}"""
                .formatted(source, orderId);
    }

    private static HttpResponse<String> post(String apiKey, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(outputs.get("GATEWAY_URL")))
                .header("Content-Type", "application/json").header("x-api-key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long shipmentsFor(String orderId) {
        return own.carrier.requests().stream().filter(r -> r.path().equals("/shipments"))
                .filter(r -> orderId.equals(JsonDocs.read(r.body()).path("orderId").asString())).count();
    }

    /** The order ids of every event that reached the bus so far. */
    private static List<String> busOrderIds() {
        drain(auditUrl, onTheBus);
        return onTheBus.stream().map(e -> e.at("/detail/data/orderId").asString("")).toList();
    }

    private static List<String> inboxOrderIds() {
        drain(outputs.get("ORDERS_INBOX_QUEUE_URL"), inTheInbox);
        return inTheInbox.stream().map(e -> e.at("/detail/data/orderId").asString("")).toList();
    }

    private static synchronized void drain(String queueUrl, List<JsonNode> into) {
        var messages = own.aws.sqs()
                .receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
        messages.forEach(m -> {
            into.add(JsonDocs.read(m.body()));
            own.aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        });
    }

    /** A queue that receives every event on the bus, whoever sent it. */
    private static String auditQueueForEverythingOnTheBus() {
        var arns = own.aws.arns();
        String ruleArn = arns.rule("eventgate", "test-audit-all");
        String url = own.aws.sqs().createQueue(b -> b.queueName("test-audit-all").attributes(Map.of(
                QueueAttributeName.POLICY, QueuePolicies.allowEventBridgeRules(arns.queue("test-audit-all"),
                        List.of(ruleArn))))).queueUrl();
        own.aws.events().putRule(b -> b.name("test-audit-all").eventBusName("eventgate")
                .eventPattern("{\"version\":[\"0\"]}"));
        own.aws.events().putTargets(b -> b.rule("test-audit-all").eventBusName("eventgate")
                .targets(t -> t.id("audit").arn(arns.queue("test-audit-all"))));
        return url;
    }
}
