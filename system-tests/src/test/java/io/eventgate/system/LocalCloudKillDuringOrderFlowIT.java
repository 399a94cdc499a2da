package io.eventgate.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgate.testprocesses.Program;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole stack as {@code ./eventgate run} starts it — local-cloud with a data directory, gateway-infra's topology,
 * carrier-service answering (and dispatching and delivering on its own), orders-service — with 200 orders flowing
 * through it while local-cloud is killed with SIGKILL and started again on the same directory. Every order the API
 * accepted reaches the carrier and comes back applied ({@code DELIVERED}), and both dead-letter queues stay empty.
 *
 * <p>Each run logs to its own directory (see {@link Program#runLogs}). Should an order not arrive, the failure says
 * where each such order is: orders-service's journey of it (outbox record included), local-cloud's delivery attempts
 * of its event, the carrier's shipment, and {@code gateway-infra trace}'s verdict — so the report alone tells where it
 * stopped.
 */
class LocalCloudKillDuringOrderFlowIT extends StackTest {

    private static final int ORDERS = 200;
    /** How long after the last order was accepted every order must have arrived on both sides. */
    private static final Duration DELIVERY_WAIT = Duration.ofMinutes(8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The most stuck orders the failure report describes one by one (each costs a few requests and a trace run). */
    private static final int DIAGNOSED = 5;

    @Test
    void deliversAndAppliesEveryAcceptedOrderAcrossAKillOfLocalCloud() throws Exception {
        URI carrier = stack.carrier;
        URI orders = stack.orders;

        Program localCloud = stack.startLocalCloud();
        Map<String, String> settings = stack.applyTopology();
        String backOffice = UUID.randomUUID().toString();
        settings.put("EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD", backOffice);
        String operator = UUID.randomUUID().toString();
        settings.put("EVENTGATE_ORDERS_OPERATOR_PASSWORD", operator);
        String backOfficeAuth = basic("back-office", backOffice);
        String operatorAuth = basic("operator", operator);

        Program carrierService = stack.startCarrier(List.of("--server.port=" + stack.carrierPort,
                "--eventgate.carrier.simulator.enabled=true", "--eventgate.carrier.simulator.dispatch-after=1s",
                "--eventgate.carrier.simulator.deliver-after=1s", "--eventgate.carrier.simulator.poll-interval=250ms"),
                settings);
        Program ordersService = stack.startOrders(List.of("--server.port=" + stack.ordersPort), settings);
        stack.awaitHealthy(carrierService);
        stack.awaitHealthy(ordersService);

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger placed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            int n = i;
            work.add(clients.submit(() -> {
                accepted.add(placeUntilAccepted(orders, n));
                placed.incrementAndGet();
                return null;
            }));
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> placed.get() >= ORDERS / 3);
        localCloud.kill(); // mid-flow: orders are being placed, published, shipped and reported
        assertThat(localCloud.exitValue()).isEqualTo(137);
        stack.stopped(localCloud);
        stack.startLocalCloud();
        for (Future<?> order : work) {
            order.get();
        }
        clients.shutdown();
        assertThat(accepted).hasSize(ORDERS);

        try {
            await().atMost(DELIVERY_WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(notYetDelivered(accepted, orders, carrier, backOfficeAuth))
                            .as("orders not yet delivered at the carrier and applied").isEmpty());
        } catch (ConditionTimeoutException timedOut) {
            List<String> stuck = notYetDelivered(accepted, orders, carrier, backOfficeAuth);
            String report = stuck.size() + " of " + ORDERS + " accepted orders not DELIVERED at the carrier and in "
                    + "orders-service " + DELIVERY_WAIT + " after the last was accepted (logs: " + stack.logs + ")\n"
                    + diagnose(stuck, orders, carrier, stack.edge, operatorAuth, backOfficeAuth, settings);
            Files.writeString(stack.logs.resolve("stuck-orders.txt"), report);
            throw new AssertionError(report, timedOut);
        }
        try (SqsClient sqs = SqsClient.builder().endpointOverride(stack.edge).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            for (String dlq : List.of(settings.get("ORDERS_INBOX_DLQ_URL"), settings.get("CARRIER_DELIVERY_DLQ_URL"))) {
                Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                assertThat(counts).as(dlq).containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                        .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
            }
        }
    }

    /** The accepted orders that are not DELIVERED on both sides yet. */
    private List<String> notYetDelivered(Set<String> accepted, URI orders, URI carrier, String backOfficeAuth)
            throws Exception {
        List<String> notYet = new ArrayList<>();
        for (String id : accepted) {
            if (!"DELIVERED".equals(status(orders.resolve("/orders/" + id), null))
                    || !"DELIVERED".equals(status(carrier.resolve("/shipments/" + id), backOfficeAuth))) {
                notYet.add(id);
            }
        }
        return notYet;
    }

    /**
     * Where each stuck order is, from every side: orders-service's journey (the order's status and its
     * {@code OrderCreated} outbox record: published or not, attempts, who holds it until when, the bus event id),
     * local-cloud's delivery attempts of that bus event, the carrier's shipment and reports, and
     * {@code gateway-infra trace}'s reading of all three.
     */
    private String diagnose(List<String> stuck, URI orders, URI carrier, URI edge, String operatorAuth,
            String backOfficeAuth, Map<String, String> settings) throws Exception {
        StringBuilder report = new StringBuilder();
        for (String id : stuck.subList(0, Math.min(DIAGNOSED, stuck.size()))) {
            report.append("\n=== order ").append(id).append('\n');
            String journey = body(orders.resolve("/orders/" + id + "/journey"), operatorAuth);
            report.append("orders-service GET /orders/").append(id).append(": ")
                    .append(body(orders.resolve("/orders/" + id), null)).append('\n');
            report.append("orders-service journey: ").append(journey).append('\n');
            String busEventId = "";
            try {
                busEventId = JSON.readTree(journey.substring(journey.indexOf('{'))).path("orderCreated")
                        .path("busEventId").asString("");
            } catch (RuntimeException notJson) {
                // the journey's own text above says why
            }
            report.append("local-cloud deliveries of its bus event: ").append(busEventId.isEmpty()
                    ? "(none: orders-service never had it accepted by the bus)"
                    : body(edge.resolve("/_localcloud/deliveries?limit=1000&eventId=" + busEventId), null))
                    .append('\n');
            report.append("carrier GET /shipments/").append(id).append(": ")
                    .append(body(carrier.resolve("/shipments/" + id), backOfficeAuth)).append('\n');
            Map<String, String> credentials = Map.of(
                    "EVENTGATE_ORDERS_OPERATOR_PASSWORD", settings.get("EVENTGATE_ORDERS_OPERATOR_PASSWORD"),
                    "EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD", settings.get("EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD"));
            report.append(Program.of(stack.logs, "gateway-infra", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                    List.of("trace", id, "--orders-url", orders.toString(), "--carrier-url", carrier.toString(),
                            "--local-cloud-url", edge.toString()), credentials)
                    .runForOutput(Duration.ofMinutes(2))).append('\n');
        }
        if (stuck.size() > DIAGNOSED) {
            report.append("\n... and ").append(stuck.size() - DIAGNOSED).append(" more: ")
                    .append(stuck.subList(DIAGNOSED, stuck.size())).append('\n');
        }
        return report.toString();
    }

    /** A GET's status and body, whatever the status; or why there was no answer. */
    private String body(URI resource, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resource).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return "HTTP " + response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * POSTs an order with its own Idempotency-Key until the API accepts it (201, or 200 for a repeat): while
     * local-cloud is down the service cannot store it and says so, and the client tries again, as a client should.
     */
    private String placeUntilAccepted(URI orders, int n) throws Exception {
        String key = "crash-" + n + "-" + UUID.randomUUID();
        String body = """
                {"customerId":"c-%d","items":[{"sku":"SKU-%d","quantity":1,"unitPrice":9.99}],
                 "shippingAddress":{"name":"Ada %d","line1":"1 Main St","city":"Berlin","postalCode":"10115",
                 "country":"DE"}}""".formatted(n, n % 7, n);
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(orders.resolve("/orders"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    return JSON.readTree(response.body()).path("id").asString();
                }
                if (response.statusCode() < 500) {
                    throw new AssertionError("order " + n + " refused: " + response.statusCode() + " "
                            + response.body());
                }
            } catch (IOException e) {
                // the service did not answer in time while local-cloud was away: try again
            }
            if (attempt > 600) {
                throw new AssertionError("order " + n + " was never accepted");
            }
            Thread.sleep(500);
        }
    }

    /** The status of an order or shipment ({@code authorization}: the back office's, for the carrier). */
    private String status(URI resource, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(resource).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        JsonNode body = JSON.readTree(response.body());
        return body.path("status").asString();
    }
}
