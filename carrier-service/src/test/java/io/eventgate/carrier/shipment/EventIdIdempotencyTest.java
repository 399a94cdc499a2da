package io.eventgate.carrier.shipment;

import static io.eventgate.carrier.RunningCarrier.json;
import static io.eventgate.carrier.RunningCarrier.shipmentRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.carrier.RunningCarrier;
import io.eventgate.carrier.RunningCarrierTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The event id as idempotency key, from the body (where the input transformer puts it on AWS and LocalStack alike)
 * or from a resolved {@code Idempotency-Key} header; never from a header that is a JSON path sent as it stands.
 * Over real HTTP against DynamoDB Local.
 */
class EventIdIdempotencyTest extends RunningCarrierTest {

    /** What LocalStack sends for {@code HeaderParameters: {"Idempotency-Key": "$.id"}} (localstack#12062). */
    private static final String UNRESOLVED = "$.id";

    @Test
    void acceptsTheEventIdFromTheBodyAndAnswersItsRedeliveryWithTheStoredShipment() {
        String orderId = newOrderId();
        String body = withEventId(shipmentRequest(orderId, "SKU-1"), "evt-body-" + orderId);

        HttpResponse<String> first = carrier.requestShipment(body, null);
        HttpResponse<String> redelivery = carrier.requestShipment(body, null);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(json(redelivery.body())).isEqualTo(json(first.body()));
        assertThat(received()).containsOnlyOnce(orderId);
    }

    @Test
    void ignoresAnUnresolvedJsonPathHeaderSoThatEveryOrderGetsItsShipmentAndRedeliveriesAreRecognised() {
        List<String> orders = List.of(newOrderId(), newOrderId(), newOrderId());
        List<Integer> statuses = new ArrayList<>();

        for (String orderId : orders) {
            statuses.add(carrier.requestShipment(withEventId(shipmentRequest(orderId, "SKU-1"), "evt-" + orderId),
                    UNRESOLVED).statusCode());
        }
        HttpResponse<String> redelivery = carrier.requestShipment(
                withEventId(shipmentRequest(orders.get(1), "SKU-1"), "evt-" + orders.get(1)), UNRESOLVED);

        assertThat(statuses).containsExactly(201, 201, 201);
        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(received()).containsAll(orders);
    }

    @Test
    void neverStoresAnUnresolvedJsonPathAsAKeyEvenWithoutABodyEventId() {
        String first = newOrderId();
        String second = newOrderId();

        HttpResponse<String> one = carrier.requestShipment(shipmentRequest(first, "SKU-1"), UNRESOLVED);
        HttpResponse<String> two = carrier.requestShipment(shipmentRequest(second, "SKU-1"), UNRESOLVED);
        HttpResponse<String> again = carrier.requestShipment(shipmentRequest(second, "SKU-1"), UNRESOLVED);

        assertThat(one.statusCode()).isEqualTo(201);
        assertThat(two.statusCode()).as("not 422: $.id is no key").isEqualTo(201);
        assertThat(again.statusCode()).as("the order id still dedups").isEqualTo(200);
    }

    @Test
    void refusesAnUnresolvedJsonPathAsTheBodysEventIdAndStoresNothing() {
        String orderId = newOrderId();

        HttpResponse<String> response = carrier.requestShipment(
                withEventId(shipmentRequest(orderId, "SKU-1"), UNRESOLVED), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(json(response.body()))).containsExactly("eventId");
        assertThat(carrier.get("/shipments/" + orderId).statusCode()).isEqualTo(404);
    }

    @Test
    void aResolvedHeaderAndTheBodyNamingTheSameEventAreOneKey() {
        String orderId = newOrderId();
        String other = newOrderId();
        String eventId = "evt-both-" + orderId;

        HttpResponse<String> first = carrier.requestShipment(withEventId(shipmentRequest(orderId, "SKU-1"), eventId),
                eventId);
        HttpResponse<String> headerOnly = carrier.requestShipment(shipmentRequest(orderId, "SKU-1"), eventId);
        HttpResponse<String> sameEventOtherOrder = carrier.requestShipment(
                withEventId(shipmentRequest(other, "SKU-1"), eventId), null);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(headerOnly.statusCode()).isEqualTo(200);
        assertThat(sameEventOtherOrder.statusCode()).as("the event id was stored as the key").isEqualTo(422);
        assertThat(carrier.get("/shipments/" + other).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAHeaderThatNamesAnotherEventThanTheBodyAndStoresNothing() {
        String orderId = newOrderId();

        HttpResponse<String> response = carrier.requestShipment(
                withEventId(shipmentRequest(orderId, "SKU-1"), "evt-a-" + orderId), "evt-b-" + orderId);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(json(response.body()))).containsExactly("Idempotency-Key");
        assertThat(carrier.get("/shipments/" + orderId).statusCode()).isEqualTo(404);
    }

    private static String newOrderId() {
        return "o-" + UUID.randomUUID();
    }

    private static String withEventId(String body, String eventId) {
        return "{\"eventId\":\"" + eventId + "\"," + body.strip().substring(1);
    }

    private static List<String> received() {
        List<String> ids = new ArrayList<>();
        json(carrier.get("/shipments?status=RECEIVED&limit=1000").body()).path("shipments")
                .forEach(s -> ids.add(s.path("orderId").asString()));
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
