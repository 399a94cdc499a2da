package io.eventgate.carrier.shipment;

import static io.eventgate.carrier.RunningCarrier.json;
import static io.eventgate.carrier.RunningCarrier.shipmentRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgate.carrier.RunningCarrier;
import io.eventgate.carrier.RunningCarrierTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The shipments and products API over real HTTP, against DynamoDB Local, with a stub gateway accepting reports. */
class ShipmentApiTest extends RunningCarrierTest {

    private static String newOrderId() {
        return "o-" + UUID.randomUUID();
    }

    @Test
    void rejectsAMissingApiKeyAndStoresNothing() {
        String orderId = newOrderId();

        HttpResponse<String> response = carrier.post("/shipments", shipmentRequest(orderId, "SKU-1"),
                "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body()).path("status").asInt()).isEqualTo(401);
        assertThat(carrier.get("/shipments/" + orderId).statusCode()).isEqualTo(404);
    }

    @Test
    void rejectsAWrongApiKeyAndStoresNothing() {
        String orderId = newOrderId();

        HttpResponse<String> response = carrier.post("/shipments", shipmentRequest(orderId, "SKU-1"),
                "Content-Type", "application/json", "x-api-key", RunningCarrier.API_KEY + "x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain(RunningCarrier.API_KEY);
        assertThat(carrier.get("/shipments/" + orderId).statusCode()).isEqualTo(404);
    }

    @Test
    void storesAReceivedShipmentToleratingExtraItemFields() {
        String orderId = newOrderId();

        HttpResponse<String> response = carrier.requestShipment(shipmentRequest(orderId, "SKU-1", "SKU-2"), "evt-" + orderId);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/shipments/" + orderId);
        JsonNode stored = carrier.shipment(orderId);
        assertThat(stored.path("status").asString()).isEqualTo("RECEIVED");
        assertThat(stored.path("correlationId").asString()).isEqualTo("corr-" + orderId);
        assertThat(stored.path("items")).hasSize(2);
        assertThat(stored.path("items").get(0).path("sku").asString()).isEqualTo("SKU-1");
        assertThat(stored.path("shipTo").path("country").asString()).isEqualTo("DE");
        assertThat(stored.path("reports")).isEmpty();
        assertThat(json(response.body()).path("status").asString()).isEqualTo("RECEIVED");
    }

    @Test
    void defaultsTheCorrelationIdToTheOrderId() {
        String orderId = newOrderId();
        String body = """
                {"orderId":"%s","items":[{"sku":"SKU-1","quantity":3}],
                 "shipTo":{"name":"Ada","line1":"1 Main St","line2":"Flat 2","city":"Berlin","postalCode":"10115","country":"DE"}}
                """.formatted(orderId);

        assertThat(carrier.requestShipment(body, null).statusCode()).isEqualTo(201);

        JsonNode stored = carrier.shipment(orderId);
        assertThat(stored.path("correlationId").asString()).isEqualTo(orderId);
        assertThat(stored.path("shipTo").path("line2").asString()).isEqualTo("Flat 2");
        assertThat(stored.has("customerId")).isFalse();
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesOneShipment() {
        String orderId = newOrderId();
        String body = shipmentRequest(orderId, "SKU-1");

        HttpResponse<String> first = carrier.requestShipment(body, "evt-1-" + orderId);
        HttpResponse<String> again = carrier.requestShipment(body, "evt-1-" + orderId);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body())).isEqualTo(json(first.body()));
        assertThat(ordersIn("RECEIVED")).containsOnlyOnce(orderId);
    }

    @Test
    void concurrentRedeliveriesCreateExactlyOneShipment() throws Exception {
        String orderId = newOrderId();
        String body = shipmentRequest(orderId, "SKU-1");
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(() -> carrier.requestShipment(body, "evt-race-" + orderId).statusCode());
        }

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> status : pool.invokeAll(deliveries)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(ordersIn("RECEIVED")).containsOnlyOnce(orderId);
    }

    @Test
    void aSecondRequestForTheSameOrderIsTheSameShipment() {
        String orderId = newOrderId();
        carrier.requestShipment(shipmentRequest(orderId, "SKU-1"), "evt-a-" + orderId);

        HttpResponse<String> again = carrier.requestShipment(shipmentRequest(orderId, "SKU-9"), "evt-b-" + orderId);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).path("items").get(0).path("sku").asString()).isEqualTo("SKU-1");
    }

    @Test
    void refusesAnIdempotencyKeyAlreadyUsedForAnotherOrder() {
        String first = newOrderId();
        String second = newOrderId();
        carrier.requestShipment(shipmentRequest(first, "SKU-1"), "evt-shared-" + first);

        HttpResponse<String> response = carrier.requestShipment(shipmentRequest(second, "SKU-1"), "evt-shared-" + first);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(carrier.get("/shipments/" + second).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAnInvalidPayloadNamingTheFieldsAndStoresNothing() {
        String orderId = newOrderId();
        String body = """
                {"orderId":"%s","items":[],
                 "shipTo":{"name":"","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"de"}}
                """.formatted(orderId);

        HttpResponse<String> response = carrier.requestShipment(body, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(fields(problem)).contains("items", "shipTo.name", "shipTo.country");
        assertThat(problem.path("detail").asString()).contains("items").contains("shipTo.country");
        assertThat(carrier.get("/shipments/" + orderId).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesMissingRequiredFieldsAndBadItems() {
        HttpResponse<String> response = carrier.requestShipment(
                "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":0},{\"quantity\":1}]}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(json(response.body()))).contains("orderId", "shipTo", "items[0].quantity", "items[1].sku");
    }

    @Test
    void refusesAnUnknownTopLevelField() {
        String orderId = newOrderId();
        String body = shipmentRequest(orderId, "SKU-1").replaceFirst("\\{", "{\"priority\":\"express\",");

        HttpResponse<String> response = carrier.requestShipment(body, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(json(response.body()))).containsExactly("priority");
        assertThat(carrier.get("/shipments/" + orderId).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAWronglyTypedQuantityAndMalformedJson() {
        String wrongType = shipmentRequest(newOrderId(), "SKU-1").replace("\"quantity\":1", "\"quantity\":\"two\"");

        HttpResponse<String> typed = carrier.requestShipment(wrongType, null);
        HttpResponse<String> malformed = carrier.requestShipment("{\"orderId\":", null);

        assertThat(typed.statusCode()).isEqualTo(400);
        assertThat(fields(json(typed.body()))).containsExactly("items[0].quantity");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void refusesAnUnusableIdempotencyKey() {
        HttpResponse<String> response = carrier.requestShipment(shipmentRequest(newOrderId(), "SKU-1"), "x".repeat(200));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(json(response.body()))).containsExactly("Idempotency-Key");
    }

    @Test
    void dispatchesAndDeliversAndReportsBoth() {
        String orderId = newOrderId();
        carrier.requestShipment(shipmentRequest(orderId, "SKU-1"), null);

        HttpResponse<String> dispatched = carrier.post("/shipments/" + orderId + "/dispatch", null);
        assertThat(dispatched.statusCode()).isEqualTo(200);
        JsonNode shipped = json(dispatched.body());
        assertThat(shipped.path("status").asString()).isEqualTo("SHIPPED");
        assertThat(shipped.path("trackingNumber").asString()).matches("EGC[A-Z0-9]{12}");
        assertThat(shipped.path("carrier").asString()).isEqualTo("eventgate-carrier");

        HttpResponse<String> delivered = carrier.post("/shipments/" + orderId + "/deliver", null);
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(json(delivered.body()).path("status").asString()).isEqualTo("DELIVERED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(carrier.reportState(orderId, "OrderShipped")).isEqualTo("SENT");
            assertThat(carrier.reportState(orderId, "OrderDelivered")).isEqualTo("SENT");
        });
        assertThat(gateway.requestsFor(orderId)).extracting(r -> json(r.body()).path("metadata").path("eventName").asString())
                .containsExactly("OrderShipped", "OrderDelivered");
    }

    @Test
    void refusesToDeliverBeforeDispatch() {
        String orderId = newOrderId();
        carrier.requestShipment(shipmentRequest(orderId, "SKU-1"), null);

        HttpResponse<String> response = carrier.post("/shipments/" + orderId + "/deliver", null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body()).path("status").asInt()).isEqualTo(409);
        assertThat(json(response.body()).path("detail").asString()).contains("RECEIVED").contains("deliver");
        assertThat(json(response.body()).path("shipmentStatus").asString()).isEqualTo("RECEIVED");
        assertThat(carrier.shipment(orderId).path("status").asString()).isEqualTo("RECEIVED");
        assertThat(carrier.shipment(orderId).path("reports")).isEmpty();
    }

    @Test
    void refusesToDispatchTwice() {
        String orderId = newOrderId();
        carrier.requestShipment(shipmentRequest(orderId, "SKU-1"), null);
        String tracking = json(carrier.post("/shipments/" + orderId + "/dispatch", null).body()).path("trackingNumber").asString();

        assertThat(carrier.post("/shipments/" + orderId + "/dispatch", null).statusCode()).isEqualTo(409);
        assertThat(carrier.shipment(orderId).path("trackingNumber").asString()).isEqualTo(tracking);
    }

    @Test
    void answersNotFoundForAnUnknownOrderAndBadRequestForABadId() {
        HttpResponse<String> missing = carrier.get("/shipments/" + newOrderId());
        HttpResponse<String> dispatchMissing = carrier.post("/shipments/" + newOrderId() + "/dispatch", null);
        HttpResponse<String> badId = carrier.get("/shipments/a%23b");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(dispatchMissing.statusCode()).isEqualTo(404);
        assertThat(badId.statusCode()).isEqualTo(400);
    }

    @Test
    void listsShipmentsByStatus() {
        String received = newOrderId();
        String shipped = newOrderId();
        carrier.requestShipment(shipmentRequest(received, "SKU-1"), null);
        carrier.requestShipment(shipmentRequest(shipped, "SKU-1"), null);
        carrier.post("/shipments/" + shipped + "/dispatch", null);

        assertThat(ordersIn("RECEIVED")).contains(received).doesNotContain(shipped);
        assertThat(ordersIn("SHIPPED")).contains(shipped).doesNotContain(received);
        HttpResponse<String> badStatus = carrier.get("/shipments?status=LOST");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void discontinuingAProductCancelsOnlyUnshippedShipmentsContainingIt() {
        String sku = "SKU-D-" + UUID.randomUUID().toString().substring(0, 8);
        String unshippedWithSku = newOrderId();
        String unshippedWithout = newOrderId();
        String shippedWithSku = newOrderId();
        carrier.requestShipment(shipmentRequest(unshippedWithSku, "SKU-1", sku), null);
        carrier.requestShipment(shipmentRequest(unshippedWithout, "SKU-1"), null);
        carrier.requestShipment(shipmentRequest(shippedWithSku, sku), null);
        carrier.post("/shipments/" + shippedWithSku + "/dispatch", null);

        HttpResponse<String> response = carrier.post("/products/" + sku + "/discontinue", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).path("cancelledOrders").values()).extracting(JsonNode::asString)
                .containsExactly(unshippedWithSku);
        JsonNode cancelled = carrier.shipment(unshippedWithSku);
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("cancelReason").asString()).isEqualTo("Product " + sku + " discontinued");
        assertThat(carrier.shipment(unshippedWithout).path("status").asString()).isEqualTo("RECEIVED");
        assertThat(carrier.shipment(shippedWithSku).path("status").asString()).isEqualTo("SHIPPED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(carrier.reportState(unshippedWithSku, "OrderCancelled")).isEqualTo("SENT"));
        JsonNode report = json(gateway.requestsFor(unshippedWithSku).getFirst().body());
        assertThat(report.path("data").path("reason").asString()).isEqualTo("Product " + sku + " discontinued");
        assertThat(gateway.requestsFor(unshippedWithout)).isEmpty();
    }

    @Test
    void publishesAnOpenApiDocumentOfTheContract() {
        HttpResponse<String> response = carrier.get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json(response.body());
        assertThat(document.path("paths").has("/shipments")).isTrue();
        assertThat(document.path("paths").has("/shipments/{orderId}/dispatch")).isTrue();
        assertThat(document.path("paths").has("/products/{sku}/discontinue")).isTrue();
        assertThat(document.path("components").path("schemas").has("ShipmentRequest")).isTrue();
        assertThat(document.path("components").path("securitySchemes").path("carrierApiKey").path("name").asString())
                .isEqualTo("x-api-key");
        assertThat(response.body()).contains("Idempotency-Key");
    }

    @Test
    void reportsLivenessAndReadiness() {
        assertThat(carrier.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = carrier.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness.body()).path("status").asString()).isEqualTo("UP");
        assertThat(json(carrier.get("/actuator/health").body()).path("status").asString()).isEqualTo("UP");
    }

    private static List<String> ordersIn(String status) {
        HttpResponse<String> response = carrier.get("/shipments?status=" + status + "&limit=1000");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> orders = new ArrayList<>();
        json(response.body()).path("shipments").forEach(s -> orders.add(s.path("orderId").asString()));
        return orders;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}
