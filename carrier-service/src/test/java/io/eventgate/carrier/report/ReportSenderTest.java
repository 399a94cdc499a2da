package io.eventgate.carrier.report;

import static io.eventgate.carrier.RunningCarrier.json;
import static io.eventgate.carrier.RunningCarrier.shipmentRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgate.carrier.Contracts;
import io.eventgate.carrier.RunningCarrier;
import io.eventgate.carrier.RunningCarrierTest;
import io.eventgate.carrier.StubGateway;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The background sender against a scripted gateway. Tests run one after another against one sender, and each waits
 * until its reports are settled, so every script is consumed by the report it was written for.
 */
class ReportSenderTest extends RunningCarrierTest {

    @Test
    void retriesThroughThreeFailuresThenIsAccepted() {
        gateway.thenReply(503).thenReply(502).thenReply(500);
        String orderId = dispatchedOrder();

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(carrier.reportState(orderId, "OrderShipped")));

        JsonNode report = carrier.report(orderId, "OrderShipped");
        assertThat(report.path("attempts").asInt()).isEqualTo(4);
        assertThat(report.path("lastError").asString()).startsWith("HTTP 500");
        assertThat(report.path("sentAt").asString()).isNotBlank();
        List<StubGateway.Request> requests = gateway.requestsFor(orderId);
        assertThat(requests).hasSize(4);
        assertThat(requests).extracting(StubGateway.Request::body).containsOnly(requests.getFirst().body());
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/_aws/execute-api/eventgate/local/events");
            assertThat(request.headers()).containsEntry("x-api-key", RunningCarrier.GATEWAY_KEY)
                    .containsEntry("content-type", "application/json");
        });
        JsonNode body = json(requests.getFirst().body());
        assertThat(body.path("metadata").path("source").asString()).isEqualTo("com.carrier");
        assertThat(body.path("metadata").path("correlationId").asString()).isEqualTo("corr-" + orderId);
        assertThat(body.path("data").path("trackingNumber").asString())
                .isEqualTo(carrier.shipment(orderId).path("trackingNumber").asString());
    }

    @Test
    void honoursRetryAfter() {
        gateway.thenReply(429, "Retry-After", "1");
        String orderId = dispatchedOrder();

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(carrier.reportState(orderId, "OrderShipped")));

        List<StubGateway.Request> requests = gateway.requestsFor(orderId);
        assertThat(requests).hasSize(2);
        // the backoff alone is at most 200 ms here: only the header explains a second's wait
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void stopsOnA400AndKeepsTheReportForInspection() {
        gateway.thenReply(400);
        String refused = dispatchedOrder();

        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(carrier.reportState(refused, "OrderShipped")));
        String next = dispatchedOrder();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(carrier.reportState(next, "OrderShipped")));

        JsonNode report = carrier.report(refused, "OrderShipped");
        assertThat(report.path("attempts").asInt()).isEqualTo(1);
        assertThat(report.path("lastError").asString()).startsWith("HTTP 400");
        assertThat(gateway.requestsFor(refused)).hasSize(1);
        assertThat(carrier.shipment(refused).path("status").asString()).isEqualTo("SHIPPED");
    }

    @Test
    void sendsTheReportsOfAnOrderInTheOrderTheyHappened() {
        gateway.thenReply(503).thenReply(503);
        String orderId = dispatchedOrder();
        assertThat(carrier.post("/shipments/" + orderId + "/deliver", null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(carrier.reportState(orderId, "OrderDelivered")));

        assertThat(gateway.requestsFor(orderId))
                .extracting(r -> json(r.body()).path("metadata").path("eventName").asString())
                .containsExactly("OrderShipped", "OrderShipped", "OrderShipped", "OrderDelivered");
    }

    @Test
    void everyReportConformsToTheEventContracts() {
        String delivered = dispatchedOrder();
        carrier.post("/shipments/" + delivered + "/deliver", null);
        String sku = "SKU-C-" + UUID.randomUUID().toString().substring(0, 8);
        String cancelled = "o-" + UUID.randomUUID();
        carrier.requestShipment(shipmentRequest(cancelled, sku), null);
        carrier.post("/products/" + sku + "/discontinue", null);

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(carrier.reportState(delivered, "OrderDelivered"))
                && "SENT".equals(carrier.reportState(cancelled, "OrderCancelled")));

        assertThat(gateway.requests()).extracting(r -> json(r.body()).path("metadata").path("eventName").asString())
                .contains("OrderShipped", "OrderDelivered", "OrderCancelled");
        gateway.requests().forEach(request -> Contracts.assertConforms(request.body()));
    }

    private static String dispatchedOrder() {
        String orderId = "o-" + UUID.randomUUID();
        assertThat(carrier.requestShipment(shipmentRequest(orderId, "SKU-1"), "evt-" + orderId).statusCode()).isEqualTo(201);
        assertThat(carrier.post("/shipments/" + orderId + "/dispatch", null).statusCode()).isEqualTo(200);
        return orderId;
    }
}
