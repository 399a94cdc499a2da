package io.eventgate.carrier.observability;

import static io.eventgate.carrier.RunningCarrier.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgate.carrier.RunningCarrier;
import io.eventgate.carrier.StubGateway;
import io.eventgate.contracts.TraceParent;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.eventgate.web.testing.PrometheusSamples;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The carrier in the order's trace: it continues the trace a shipment request carries (in the W3C header, or only in
 * the body where the header arrives unresolved), keeps it with the shipment, and sends it back with every report —
 * header and metadata. Spans are kept by OpenTelemetry's in-memory exporter; meters are read from
 * {@code /actuator/prometheus}.
 */
class CarrierTraceTest {

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static StubGateway gateway;
    private static RunningCarrier carrier;

    @BeforeAll
    static void start() {
        gateway = StubGateway.start();
        carrier = RunningCarrier.start(RunningCarrier.newTable(), gateway.url(),
                builder -> builder.initializers(context -> context.getBeanFactory().registerSingleton("spans", SPANS)),
                "management.opentelemetry.tracing.export.schedule-delay=50ms",
                "eventgate.carrier.sender.metrics-refresh=100ms");
    }

    @AfterAll
    static void stop() {
        carrier.close();
        gateway.close();
    }

    @Test
    void continuesTheTraceOfTheHeaderAndSendsItBackWithTheReport() {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                io.eventgate.carrier.report.ReportSender.class);
        var lines = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        lines.start();
        logger.addAppender(lines);
        String trace = hex(16);
        String orderId = UUID.randomUUID().toString();
        String traceparent = "00-" + trace + "-" + hex(8) + "-01";

        HttpResponse<String> received = carrier.post("/shipments", request(orderId, traceparent),
                "Content-Type", "application/json", "x-api-key", RunningCarrier.API_KEY, "traceparent", traceparent);
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        String kept = carrier.shipment(orderId).path("traceparent").asString();
        assertThat(TraceParent.parse(kept)).hasValueSatisfying(context -> assertThat(context.traceId()).isEqualTo(trace));

        dispatchAndAwaitReport(orderId);

        StubGateway.Request report = gateway.requestsFor(orderId).getLast();
        assertThat(report.headers()).containsEntry("traceparent", kept);
        assertThat(json(report.body()).at("/metadata/traceparent").asString()).isEqualTo(kept);
        assertThat(carrier.report(orderId, "OrderShipped").path("eventId").asString())
                .as("the bus event id the gateway answered").isNotBlank();
        // What structured logs write as fields: every MDC entry of the line.
        assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().startsWith("gateway accepted OrderShipped of order "
                        + orderId)).singleElement().satisfies(line -> assertThat(line.getMDCPropertyMap())
                        .containsEntry("orderId", orderId).containsEntry("correlationId", "corr-" + orderId)
                        .containsEntry("traceId", trace).containsKey("spanId"));
        logger.detachAppender(lines);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(spansOf(trace))
                .anySatisfy(span -> assertThat(span.getName()).isEqualTo("http post /shipments"))
                .anySatisfy(span -> {
                    assertThat(span.getName()).isEqualTo("OrderShipped report");
                    assertThat(span.getAttributes().asMap().toString()).contains("outcome=accepted").contains(orderId);
                }));
    }

    @Test
    void continuesTheTraceOfTheBodyWhenTheHeaderArrivesAsAnUnresolvedPath() {
        String trace = hex(16);
        String orderId = UUID.randomUUID().toString();

        HttpResponse<String> received = carrier.post("/shipments", request(orderId, "00-" + trace + "-" + hex(8) + "-01"),
                "Content-Type", "application/json", "x-api-key", RunningCarrier.API_KEY,
                "traceparent", "$.detail.metadata.traceparent");

        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        assertThat(carrier.shipment(orderId).path("traceparent").asString()).contains(trace);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(spansOf(trace))
                .anySatisfy(span -> assertThat(span.getName()).isEqualTo("shipment receive")));
        dispatchAndAwaitReport(orderId);
        assertThat(json(gateway.requestsFor(orderId).getLast().body()).at("/metadata/traceparent").asString())
                .contains(trace);
    }

    @Test
    void ignoresATraceparentThatIsNotOne() {
        String orderId = UUID.randomUUID().toString();

        HttpResponse<String> received = carrier.post("/shipments", request(orderId, "not-a-trace</script>"),
                "Content-Type", "application/json", "x-api-key", RunningCarrier.API_KEY);

        assertThat(received.statusCode()).as("tracing never refuses a shipment").isEqualTo(201);
        assertThat(TraceParent.parse(carrier.shipment(orderId).path("traceparent").asString()))
                .as("the request's own trace instead").isPresent();
        assertThat(carrier.post("/shipments", request(UUID.randomUUID().toString(), "").replace("\"traceparent\":\"\",", ""),
                "Content-Type", "application/json", "x-api-key", RunningCarrier.API_KEY).statusCode()).isEqualTo(201);
    }

    @Test
    void theReportGaugesShowAReportWaitingForTheGatewayAndReturnToZero() {
        gateway.thenReply(503).thenReply(503).thenReply(503).thenReply(503).thenReply(503).thenReply(503);
        String orderId = UUID.randomUUID().toString();
        assertThat(carrier.post("/shipments", request(orderId, ""), "Content-Type", "application/json",
                "x-api-key", RunningCarrier.API_KEY).statusCode()).isEqualTo(201);

        assertThat(carrier.post("/shipments/" + orderId + "/dispatch", null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = prometheus();
            assertThat(value(metrics, "eventgate_carrier_reports_pending_reports")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "eventgate_carrier_reports_oldest_pending_age_seconds")).isPositive();
            assertThat(value(metrics, "eventgate_carrier_report_send_seconds_count", "event=\"OrderShipped\"",
                    "outcome=\"retry\"")).isPositive();
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = prometheus();
            assertThat(value(metrics, "eventgate_carrier_reports_pending_reports")).isZero();
            assertThat(value(metrics, "eventgate_carrier_reports_oldest_pending_age_seconds")).isZero();
            assertThat(value(metrics, "eventgate_carrier_report_send_seconds_count", "event=\"OrderShipped\"",
                    "outcome=\"accepted\"")).isPositive();
            assertThat(value(metrics, "http_server_requests_seconds_count", "method=\"POST\"", "uri=\"/shipments\"",
                    "status=\"201\"")).isPositive();
        });
    }

    private static void dispatchAndAwaitReport(String orderId) {
        assertThat(carrier.post("/shipments/" + orderId + "/dispatch", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(carrier.reportState(orderId, "OrderShipped")));
    }

    private static String prometheus() {
        HttpResponse<String> response = carrier.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double value(String exposition, String metric, String... labels) {
        return PrometheusSamples.value(exposition, metric, labels);
    }

    private static List<SpanData> spansOf(String traceId) {
        return SPANS.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static String request(String orderId, String traceparent) {
        return """
                {"orderId":"%s","customerId":"cust-1","correlationId":"corr-%s","traceparent":"%s",
                 "items":[{"sku":"SKU-1","quantity":1,"unitPrice":9.99}],
                 "shipTo":{"name":"Ada Lovelace","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}
                """.formatted(orderId, orderId, traceparent);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
