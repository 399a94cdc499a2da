package io.eventgate.infra.trace;

import io.eventgate.infra.aws.JsonDocs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hops of a journey and where one stops, from the shapes orders-service ({@code /orders/{id}/journey}), the
 * carrier ({@code /shipments/{id}}) and local-cloud ({@code /_localcloud/deliveries}) answer with. The real stack
 * answering them is exercised by the end-to-end run ({@code ./eventgate e2e}).
 */
class JourneyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:01:00Z");
    private static final Duration STUCK_AFTER = Duration.ofSeconds(15);

    private static final String PUBLISHED = """
            {"orderId":"o-1","correlationId":"c-1","status":"%s","createdAt":"2026-12-01T10:00:00.000Z",
             "orderCreated":{"eventId":"c-1","published":true,"attempts":0,"publishedAt":"2026-12-01T10:00:00.040Z",
                             "busEventId":"bus-1","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"},
             "applied":[%s]}""";

    private static final String SHIPPED_SHIPMENT = """
            {"orderId":"o-1","status":"SHIPPED","receivedAt":"2026-12-01T10:00:00.100Z",
             "shippedAt":"2026-12-01T10:00:05.000Z","trackingNumber":"TRK-1",
             "reports":[{"eventName":"OrderShipped","state":"%s","attempts":%d,"lastError":%s,
                         "createdAt":"2026-12-01T10:00:05.000Z","sentAt":%s,"eventId":%s}]}""";

    private static String run(String order, String shipment, Map<String, String> deliveries) {
        return run(order, shipment, Optional.empty(), deliveries);
    }

    private static String run(String order, String shipment, Optional<String> carrierDown,
            Map<String, String> deliveries) {
        Journey journey = Journey.of(JsonDocs.read(order), Optional.ofNullable(shipment).map(JsonDocs::read), carrierDown,
                eventId -> Optional.ofNullable(deliveries.get(eventId)).map(JsonDocs::read), NOW, STUCK_AFTER);
        StringWriter text = new StringWriter();
        JourneyReport.print(journey, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void printsEveryHopOfAShippedOrderWithTimesAndDurations() {
        String out = run(PUBLISHED.formatted("SHIPPED",
                        "{\"eventId\":\"bus-2\",\"eventName\":\"OrderShipped\",\"appliedAt\":\"2026-12-01T10:00:05.300Z\"}"),
                SHIPPED_SHIPMENT.formatted("SENT", 1, "null", "\"2026-12-01T10:00:05.120Z\"", "\"bus-2\""),
                Map.of("bus-1", """
                        {"deliveries":[{"time":"2026-12-01T10:00:00.090Z","rule":"arn:aws:events:us-east-1:000000000000:rule/eventgate/order-created-to-carrier",
                                        "target":"carrier-shipments","eventId":"bus-1","attempt":1,"status":201,"outcome":"delivered","latencyMs":40}]}"""));

        assertThat(out).contains("order o-1: SHIPPED — trace 4bf92f3577b34da6a3ce929d0e0e4736")
                .containsPattern("placed at orders-service +2026-12-01T10:00:00.000Z")
                .containsPattern("published to the bus \\(outbox relay\\) +2026-12-01T10:00:00.040Z +\\+40 ms +event bus-1")
                .containsPattern("delivered to the carrier \\(API destination\\) +2026-12-01T10:00:00.100Z +\\+60 ms +1 delivery attempt\\(s\\), last HTTP 201 delivered")
                .containsPattern("dispatched by the carrier +2026-12-01T10:00:05.000Z +\\+4.90 s")
                .containsPattern("OrderShipped accepted by the gateway +2026-12-01T10:00:05.120Z +\\+120 ms +event bus-2, 1 attempt")
                .containsPattern("OrderShipped applied by orders-service \\(inbox\\) +2026-12-01T10:00:05.300Z +\\+180 ms")
                .contains("every hop done, 5.30 s from placement to the last one");
    }

    @Test
    void namesTheDeliveryToTheCarrierWhenItsAttemptsFail() {
        String out = run(PUBLISHED.formatted("PENDING", ""), null, Map.of("bus-1", """
                {"deliveries":[
                  {"time":"2026-12-01T10:00:00.090Z","rule":"arn:aws:events:us-east-1:000000000000:rule/eventgate/order-created-to-carrier",
                   "target":"carrier-shipments","eventId":"bus-1","attempt":1,"error":"Connection refused","outcome":"retry"},
                  {"time":"2026-12-01T10:00:01.000Z","rule":"arn:aws:events:us-east-1:000000000000:rule/eventgate/order-created-to-carrier",
                   "target":"carrier-shipments","eventId":"bus-1","attempt":2,"status":503,"outcome":"retry"}]}"""));

        assertThat(out).contains("STUCK at \"delivered to the carrier (API destination)\": the bus could not deliver it: "
                + "2 attempt(s), last HTTP 503 retry at 2026-12-01T10:00:01.000Z");
        assertThat(out).doesNotContain("dispatched");
    }

    @Test
    void namesTheDeliveryToTheCarrierWhenTheCarrierDoesNotAnswer() {
        String out = run(PUBLISHED.formatted("PENDING", ""), null,
                Optional.of("carrier-service at http://localhost:8081/ does not answer (ConnectException)"), Map.of());

        assertThat(out).contains("STUCK at \"delivered to the carrier (API destination)\": carrier-service at "
                + "http://localhost:8081/ does not answer");
    }

    @Test
    void namesTheOutboxWhenPublishingFailed() {
        String order = """
                {"orderId":"o-1","correlationId":"c-1","status":"PENDING","createdAt":"2026-12-01T10:00:00Z",
                 "orderCreated":{"eventId":"c-1","published":false,"attempts":2},"applied":[]}""";

        assertThat(run(order, null, Map.of())).contains("STUCK at \"published to the bus (outbox relay)\": not published "
                + "after 2 failed round(s)");
    }

    @Test
    void namesTheReportThatTheCarrierKeepsRetrying() {
        String out = run(PUBLISHED.formatted("PENDING", ""),
                SHIPPED_SHIPMENT.formatted("PENDING", 4, "\"HTTP 503: {\\\"message\\\":\\\"The event bus is unavailable\\\"}\"",
                        "null", "null"), Map.of());

        assertThat(out).contains("STUCK at \"OrderShipped accepted by the gateway\": the carrier keeps retrying "
                + "(4 attempt(s)), last: HTTP 503");
    }

    @Test
    void saysWhatItWaitsForWhileNothingIsWrong() {
        String received = """
                {"orderId":"o-1","status":"RECEIVED","receivedAt":"2026-12-01T10:00:00.100Z","reports":[]}""";

        assertThat(run(PUBLISHED.formatted("PENDING", ""), received, Map.of()))
                .contains("in progress: waiting for \"dispatched by the carrier\"");
    }

    @Test
    void namesTheInboxWhenTheGatewayTookTheReportButNothingWasApplied() {
        String out = run(PUBLISHED.formatted("PENDING", ""),
                SHIPPED_SHIPMENT.formatted("SENT", 1, "null", "\"2026-12-01T10:00:05.120Z\"", "\"bus-2\""), Map.of());

        assertThat(out).contains("STUCK at \"OrderShipped applied by orders-service (inbox)\": not applied");
    }

    @Test
    void reportsNoTraceIdForAnOrderPlacedOutsideAnyTrace() {
        JsonNode order = JsonDocs.read("""
                {"orderId":"o-1","correlationId":"c-1","status":"PENDING","createdAt":"2026-12-01T10:00:59Z",
                 "orderCreated":{"eventId":"c-1","published":false,"attempts":0},"applied":[]}""");
        StringWriter text = new StringWriter();
        JourneyReport.print(Journey.of(order, Optional.empty(), Optional.empty(), id -> Optional.empty(), NOW,
                        STUCK_AFTER),
                new PrintWriter(text));

        assertThat(text.toString()).contains("no trace id").contains("in progress: waiting for \"published to the bus");
    }
}
