package io.eventgate.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgate.testprocesses.Program;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * One order is one trace across every process: orders-service, the bus and the API destination (local-cloud),
 * carrier-service, the gateway, and orders-service's inbox. Both services export their spans over OTLP to a receiver
 * in this test that keeps them in memory; the order is placed with a known trace id, so every span of it can be
 * picked out. Then the same after a crash: orders-service killed (SIGKILL) with the order's event unpublished, a new
 * process publishes it — still in the order's trace.
 */
class OneTracePerOrderIT extends StackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BACK_OFFICE_PASSWORD = "system-test-back-office-0123";

    @Test
    void theOrdersSpansInEveryServiceShareOneTraceIdAlsoAfterARelayRestart() throws Exception {
        try (OtlpReceiver otlp = new OtlpReceiver()) {
            URI carrier = stack.carrier;
            URI orders = stack.orders;
            stack.startLocalCloud();
            Map<String, String> settings = stack.applyTopology();
            settings.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", otlp.tracesEndpoint().toString());
            settings.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms");
            settings.put("EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD", BACK_OFFICE_PASSWORD);

            stack.awaitHealthy(stack.startCarrier(List.of("--server.port=" + stack.carrierPort), settings));
            Program ordersService = startOrders(settings, List.of());

            // 1. The whole flow, one trace.
            String trace = hex(16);
            String orderId = placeOrder(orders, trace);
            await().atMost(Duration.ofMinutes(1)).until(() -> status(carrier.resolve("/shipments/" + orderId)).equals("RECEIVED"));
            assertThat(post(carrier.resolve("/shipments/" + orderId + "/dispatch")).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofMinutes(1)).until(() -> status(orders.resolve("/orders/" + orderId)).equals("SHIPPED"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(otlp.spans(trace))
                    .extracting(span -> span.service() + ": " + span.name())
                    .contains("orders-service: http post /orders", "orders-service: OrderCreated publish",
                            "carrier-service: http post /shipments", "carrier-service: OrderShipped report",
                            "orders-service: OrderShipped apply"));

            // 2. The relay dies with the event unpublished (the bus unreachable for it); a new process publishes it.
            ordersService.close();
            stack.stopped(ordersService);
            int deadPort = Program.freePort();
            ordersService = startOrders(settings, List.of(
                    "--eventgate.aws.event-bridge-endpoint=http://127.0.0.1:" + deadPort));
            String afterCrash = hex(16);
            String stranded = placeOrder(orders, afterCrash);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(otlp.spans(afterCrash))
                    .extracting(span -> span.service() + ": " + span.name())
                    .contains("orders-service: OrderCreated publish")); // the failed attempt
            ordersService.kill();
            stack.stopped(ordersService);
            startOrders(settings, List.of());

            await().atMost(Duration.ofMinutes(2)).until(() -> status(carrier.resolve("/shipments/" + stranded)).equals("RECEIVED"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(otlp.spans(afterCrash))
                    .extracting(span -> span.service() + ": " + span.name())
                    .contains("orders-service: http post /orders", "carrier-service: http post /shipments")
                    .filteredOn(name -> name.equals("orders-service: OrderCreated publish")).hasSizeGreaterThanOrEqualTo(2));
        }
    }

    private Program startOrders(Map<String, String> settings, List<String> extra) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + stack.ordersPort,
                // a record left by a killed process is taken over soon, and retried soon
                "--eventgate.orders.outbox.lease=2s", "--eventgate.orders.outbox.sweep-interval=500ms",
                "--eventgate.orders.outbox.backoff=100ms", "--eventgate.orders.outbox.max-backoff=1s"));
        arguments.addAll(extra);
        return stack.awaitHealthy(stack.startOrders(arguments, settings));
    }

    private String placeOrder(URI orders, String traceId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(orders.resolve("/orders"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId":"c-trace","items":[{"sku":"SKU-1","quantity":1,"unitPrice":9.99}],
                         "shippingAddress":{"name":"Ada","line1":"1 Main St","city":"Berlin","postalCode":"10115",
                         "country":"DE"}}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    /** A request to the carrier's back office, with its credential. */
    private HttpRequest.Builder backOffice(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("back-office:" + BACK_OFFICE_PASSWORD)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> post(URI uri) throws Exception {
        return http.send(backOffice(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a carrier shipment (back office) or of an order (open to whoever holds its id). */
    private String status(URI resource) throws Exception {
        HttpRequest.Builder request = resource.getPath().startsWith("/shipments/") ? backOffice(resource)
                : HttpRequest.newBuilder(resource).timeout(Duration.ofSeconds(10));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() != 200 ? "HTTP " + response.statusCode()
                : JSON.readTree(response.body()).path("status").asString();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
