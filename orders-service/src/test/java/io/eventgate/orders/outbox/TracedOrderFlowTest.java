package io.eventgate.orders.outbox;

import io.eventgate.contracts.TraceParent;
import io.eventgate.orders.order.OrderCreated;
import io.eventgate.orders.support.EventBridgeStub;
import io.eventgate.orders.support.TestCloud;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.TableSettings;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.eventgate.web.testing.PrometheusSamples;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order's trace and the service's meters, observed as the flow runs: tracing on, spans kept by OpenTelemetry's
 * in-memory exporter, meters read from {@code /actuator/prometheus}. Its own table, inbox queue and EventBridge stub,
 * so that no other test context's relay or listener takes its records or messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTracing
@AutoConfigureMetrics
class TracedOrderFlowTest {

    /** The most any step may take; a ceiling for a loaded machine, not a speed claim (the steps take milliseconds). */
    private static final Duration WAIT = Duration.ofSeconds(60);

    static final EventBridgeStub EVENT_BRIDGE = new EventBridgeStub();
    static final String TABLE = "orders-traced";
    static final String QUEUE = "orders-inbox-traced";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String OPERATOR_PASSWORD = "traced-operator-password-0123";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("eventgate.aws.endpoint", () -> TestCloud.endpoint().toString());
        registry.add("eventgate.aws.event-bridge-endpoint", () -> EVENT_BRIDGE.endpoint().toString());
        registry.add("eventgate.orders.table.name", () -> TABLE);
        registry.add("eventgate.orders.table.create-on-start", () -> "true");
        registry.add("eventgate.orders.inbox.queue", () -> QUEUE);
        registry.add("eventgate.orders.inbox.dead-letter-queue", () -> QUEUE + "-dlq");
        registry.add("eventgate.orders.inbox.create-on-start", () -> "true");
        registry.add("eventgate.orders.inbox.poll-timeout", () -> "1s");
        registry.add("eventgate.orders.outbox.sweep-interval", () -> "200ms");
        // A relay restart waits out the stopped instance's lease: 10 s instead of the default 30 s keeps that test
        // short, and is still far above a publication's time on a loaded machine (no record leased twice).
        registry.add("eventgate.orders.outbox.lease", () -> "10s");
        registry.add("eventgate.orders.outbox.backoff", () -> "20ms");
        registry.add("eventgate.orders.outbox.max-backoff", () -> "200ms");
        registry.add("eventgate.orders.outbox.metrics-refresh", () -> "100ms");
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "50ms");
        registry.add("eventgate.orders.operator.password", () -> OPERATOR_PASSWORD);
    }

    @TestConfiguration
    static class Spans {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    InMemorySpanExporter spans;
    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxStore store;
    @Autowired
    OutboxSettings settings;
    @Autowired
    ObservationRegistry observations;
    @Autowired
    DynamoDbClient dynamo;
    @LocalServerPort
    int port;

    @BeforeEach
    void busUp() {
        EVENT_BRIDGE.acceptEverything();
    }

    @AfterAll
    static void stopStub() {
        EVENT_BRIDGE.close();
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void theJourneyAndTheMetricsNeedTheOperator() throws Exception {
        for (String path : List.of("/actuator/prometheus", "/orders/" + UUID.randomUUID() + "/journey")) {
            assertThat(HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void exportsNothingWhenNoOtlpEndpointIsSet() {
        assertThat(context.getBeansOfType(io.opentelemetry.sdk.trace.export.SpanExporter.class).values())
                .as("only this test's in-memory exporter: no OTLP span exporter without an endpoint")
                .containsExactly(spans);
        assertThat(context.getBeansOfType(io.micrometer.core.instrument.MeterRegistry.class).values())
                .noneMatch(registry -> registry.getClass().getSimpleName().startsWith("Otlp"));
    }

    @Test
    void thePublicationContinuesTheTraceOfThePostAndCarriesIt() throws Exception {
        String trace = traceId();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = listen();

        String orderId = placeOrder(trace);

        // What structured logs write as fields: every MDC entry of the line.
        assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().contains(orderId + " placed"))
                .singleElement().satisfies(line -> assertThat(line.getMDCPropertyMap())
                        .containsEntry("orderId", orderId)
                        .containsEntry("correlationId", OrderCreated.eventIdFor(orderId))
                        .containsEntry("traceId", trace)
                        .containsKey("spanId"));

        JsonNode entry = await().atMost(WAIT).until(() -> entryFor(orderId), e -> e != null);
        TraceParent carried = TraceParent.parse(JSON.readTree(entry.get("Detail").asString())
                .at("/metadata/traceparent").asString()).orElseThrow();
        assertThat(carried.traceId()).as("the event continues the caller's trace").isEqualTo(trace);
        assertThat(entry.get("TraceHeader").asString()).isEqualTo(carried.xRayTraceHeader());
        await().atMost(WAIT).untilAsserted(() -> assertThat(spansOf(trace))
                .anySatisfy(span -> {
                    assertThat(span.getName()).isEqualTo("http post /orders");
                    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                })
                .anySatisfy(span -> assertThat(span.getSpanId()).as("the event names a span of the request")
                        .isEqualTo(carried.parentId()))
                .anySatisfy(span -> {
                    assertThat(span.getName()).isEqualTo("OrderCreated publish");
                    assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
                    assertThat(span.getParentSpanId()).isEqualTo(carried.parentId());
                    assertThat(span.getAttributes().asMap().toString()).contains(orderId).contains("outcome=published");
                }));
    }

    @Test
    void aPublicationAfterARelayRestartContinuesTheSameTrace() throws Exception {
        EVENT_BRIDGE.server().stubFor(EventBridgeStub.putEvents().atPriority(1).willReturn(EventBridgeStub.outage()));
        String trace = traceId();
        String orderId = placeOrder(trace);
        String eventId = OrderCreated.eventIdFor(orderId);
        await().atMost(WAIT).until(() -> record(eventId).getAttempts() > 0);
        relay.stop(); // the instance that wrote it goes away with the record unpublished
        JsonNode waiting = JSON.readTree(get("/orders/" + orderId + "/journey")).path("orderCreated");
        assertThat(waiting.path("published").asBoolean()).isFalse();
        assertThat(waiting.path("attempts").asInt()).isPositive();
        assertThat(Instant.parse(waiting.path("leaseUntil").asString())).as("when its next try is due")
                .isEqualTo(Instant.ofEpochMilli(record(eventId).getLeaseUntil()));

        try {
            EVENT_BRIDGE.acceptEverything();
            OutboxRelay restarted = new OutboxRelay(new OutboxStore(TestCloud.enhanced(), TestCloud.ordersTable(TABLE)),
                    new EventBridgePublisher(
                            software.amazon.awssdk.services.eventbridge.EventBridgeClient.builder()
                                    .endpointOverride(EVENT_BRIDGE.endpoint())
                                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                                    .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials
                                            .create("eventgatelocal", "eventgatelocal"))
                                    .build(), settings),
                    settings, Clock.systemUTC(), observations);
            assertThat(restarted.owner()).isNotEqualTo(relay.owner());
            await().atMost(WAIT).until(() -> {
                restarted.sweep();
                return record(eventId).getOutboxState() == null;
            });
            JsonNode published = JSON.readTree(get("/orders/" + orderId + "/journey")).path("orderCreated");
            assertThat(published.path("published").asBoolean()).isTrue();
            assertThat(published.hasNonNull("leaseOwner")).as("nobody holds a published record").isFalse();
            assertThat(published.hasNonNull("leaseUntil")).isFalse();
        } finally {
            relay.start();
        }

        JsonNode entry = entryFor(orderId);
        assertThat(JSON.readTree(entry.get("Detail").asString()).at("/metadata/traceparent").asString())
                .contains(trace);
        await().atMost(WAIT).untilAsserted(() -> assertThat(spansOf(trace))
                .filteredOn(span -> span.getName().equals("OrderCreated publish"))
                .extracting(span -> span.getAttributes().asMap().toString())
                .anySatisfy(attributes -> assertThat(attributes).contains("outcome=unavailable"))
                .anySatisfy(attributes -> assertThat(attributes).contains("outcome=published")));
        assertThat(record(eventId).getBusEventId()).as("the bus event id is kept with the record").isNotBlank();
    }

    @Test
    void theInboxContinuesTheTraceTheCarrierEventCarries() throws Exception {
        String orderId = placeOrder(traceId());
        String trace = traceId();
        String eventId = UUID.randomUUID().toString();

        send(shippedEnvelope(eventId, orderId, "00-" + trace + "-" + hex(8) + "-01"));
        send(shippedEnvelope(eventId, orderId, "00-" + trace + "-" + hex(8) + "-01"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(spansOf(trace))
                .filteredOn(span -> span.getName().equals("OrderShipped apply"))
                .extracting(span -> span.getAttributes().asMap().toString())
                .anySatisfy(attributes -> assertThat(attributes).contains("outcome=applied").contains(orderId))
                .anySatisfy(attributes -> assertThat(attributes).contains("outcome=ignored")));
        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = prometheus();
            assertThat(value(metrics, "eventgate_inbox_apply_seconds_count", "event=\"OrderShipped\"",
                    "outcome=\"applied\"")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "eventgate_inbox_apply_seconds_count", "event=\"OrderShipped\"",
                    "outcome=\"ignored\"")).isGreaterThanOrEqualTo(1);
        });
        JsonNode journey = JSON.readTree(get("/orders/" + orderId + "/journey?event=" + eventId));
        assertThat(journey.at("/status").asString()).isEqualTo("SHIPPED");
        assertThat(journey.at("/applied/0/eventName").asString()).isEqualTo("OrderShipped");
    }

    @Test
    void theOutboxGaugesGrowWhileTheBusIsUnreachableAndReturnToZeroAfter() throws Exception {
        double publishedBefore = value(prometheus(), "eventgate_outbox_publish_seconds_count", "outcome=\"published\"");
        EVENT_BRIDGE.server().stubFor(EventBridgeStub.putEvents().atPriority(1).willReturn(EventBridgeStub.outage()));

        String orderId = placeOrder(traceId());

        double firstAge = await().atMost(WAIT)
                .until(() -> value(prometheus(), "eventgate_outbox_oldest_pending_age_seconds"), age -> age > 0);
        await().atMost(WAIT)
                .until(() -> value(prometheus(), "eventgate_outbox_oldest_pending_age_seconds"), age -> age > firstAge + 0.5);
        String during = prometheus();
        assertThat(value(during, "eventgate_outbox_pending_records")).isGreaterThanOrEqualTo(1);
        assertThat(value(during, "eventgate_outbox_publish_seconds_count", "outcome=\"unavailable\"")).isPositive();

        EVENT_BRIDGE.acceptEverything();

        await().atMost(WAIT).untilAsserted(() -> {
            String after = prometheus();
            assertThat(value(after, "eventgate_outbox_pending_records")).isZero();
            assertThat(value(after, "eventgate_outbox_oldest_pending_age_seconds")).isZero();
            assertThat(value(after, "eventgate_outbox_publish_seconds_count", "outcome=\"published\""))
                    .isGreaterThan(publishedBefore);
        });
        assertThat(entryFor(orderId)).isNotNull();
        assertThat(value(prometheus(), "http_server_requests_seconds_count", "method=\"POST\"", "uri=\"/orders\"",
                "status=\"201\"")).isPositive();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> listen() {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                io.eventgate.orders.order.OrderService.class);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    private String placeOrder(String traceId) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/orders"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId":"c-traced","items":[{"sku":"SKU-1","quantity":1,"unitPrice":5}],
                         "shippingAddress":{"name":"Ada","line1":"1 Main St","city":"Berlin","postalCode":"10115",
                                            "country":"DE"}}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    /** A GET as the operator: the journey and the metrics are not part of the public API. */
    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("operator:" + OPERATOR_PASSWORD).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private String prometheus() throws IOException, InterruptedException {
        return get("/actuator/prometheus");
    }

    private static double value(String exposition, String metric, String... labels) {
        return PrometheusSamples.value(exposition, metric, labels);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static JsonNode entryFor(String orderId) {
        return EVENT_BRIDGE.entries().stream()
                .filter(entry -> entry.get("Detail").asString().contains(orderId))
                .reduce((first, last) -> last).orElse(null);
    }

    private OutboxItem record(String eventId) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build()
                .table(TABLE, TableSchema.fromBean(OutboxItem.class))
                .getItem(Key.builder().partitionValue("outbox#" + eventId).build());
    }

    private static void send(String body) {
        String url = TestCloud.sqs().getQueueUrl(b -> b.queueName(QUEUE)).queueUrl();
        TestCloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
    }

    private static String shippedEnvelope(String eventId, String orderId, String traceparent) {
        return """
                {"version":"0","id":"%s","detail-type":"OrderShipped","source":"com.carrier","account":"000000000000",
                 "time":"2026-11-23T10:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"metadata":{"source":"com.carrier","eventName":"OrderShipped","eventSchemaVersion":"1",
                                       "correlationId":"c-1","apiKeyId":"k-carrier","traceparent":"%s"},
                           "data":{"orderId":"%s","trackingNumber":"TRK-1","carrier":"ACME",
                                   "shippedAt":"2026-11-23T10:00:00Z"}}}
                """.formatted(eventId, traceparent, orderId);
    }

    private static String traceId() {
        return hex(16);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros
        return HexFormat.of().formatHex(random);
    }
}
