package io.eventgate.orders.tracking;

import static io.eventgate.web.testing.ContainerRejectionsContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgate.orders.order.CarrierEvent.OrderDelivered;
import io.eventgate.orders.order.CarrierEvent.OrderShipped;
import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.NewOrder;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.OrderStatus;
import io.eventgate.orders.order.ShippingAddress;
import io.eventgate.orders.support.SseClient;
import io.eventgate.orders.support.SseClient.Event;
import io.eventgate.orders.support.TestCloud;
import io.eventgate.orders.table.OrdersTable;
import io.eventgate.web.testing.RawHttp;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /orders/{id}/updates} against the real table's stream in local-cloud (DynamoDB Local): what a client
 * gets first, each transition as it is stored — also when another process stored it — and resuming after a reconnect.
 */
class OrderUpdatesTest extends LiveUpdatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Order placeOrder() {
        return orders.place(new NewOrder("cust-live", List.of(new LineItem("SKU-1", 1, BigDecimal.TEN)),
                new ShippingAddress("Ada", "1 Main St", Optional.empty(), "Berlin", "10115", "DE")),
                Optional.empty()).order();
    }

    private SseClient open(String orderId, Optional<String> lastEventId) {
        SseClient client = SseClient.open(port, "/orders/" + orderId + "/updates", lastEventId);
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.header("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        return client;
    }

    private static JsonNode data(Event event) {
        return JSON.readTree(event.data());
    }

    private static List<String> stepsOf(Event event) {
        List<String> steps = new ArrayList<>();
        data(event).get("steps").forEach(step -> steps.add(step.get("step").asString()));
        return steps;
    }

    /** Events until one named {@code name} (included), skipping a {@code sent} that may come first. */
    private static Event nextSkippingSent(SseClient client) {
        Event event = client.next(WAIT);
        return "sent".equals(event.name()) ? client.next(WAIT) : event;
    }

    private void ship(String orderId) {
        orders.apply(UUID.randomUUID().toString(), new OrderShipped(orderId, "TRK-LIVE-1", "ACME",
                Instant.parse("2026-11-23T10:00:00Z")));
    }

    private void deliver(String orderId) {
        orders.apply(UUID.randomUUID().toString(), new OrderDelivered(orderId, Instant.parse("2026-11-23T12:00:00Z")));
    }

    @Test
    void sendsTheCurrentStateAtOnceThenEachTransitionAsItIsStored() {
        Order order = placeOrder();
        try (SseClient client = open(order.id(), Optional.empty())) {
            Event state = client.next(WAIT);
            assertThat(state.name()).isEqualTo("state");
            assertThat(state.id()).startsWith("placed");
            assertThat(data(state).get("status").asString()).isEqualTo("PENDING");
            assertThat(data(state).get("orderId").asString()).isEqualTo(order.id());
            assertThat(state.data()).as("no personal data in the stream").doesNotContain("Ada", "Berlin");

            ship(order.id());
            Event shipped = nextSkippingSent(client);
            assertThat(shipped.name()).isEqualTo("shipped");
            assertThat(data(shipped).get("status").asString()).isEqualTo("SHIPPED");
            assertThat(shipped.data()).contains("\"trackingNumber\":\"TRK-LIVE-1\"", "\"carrier\":\"ACME\"");
            assertThat(shipped.id()).contains("placed", "shipped");

            deliver(order.id());
            Event delivered = nextSkippingSent(client);
            assertThat(delivered.name()).isEqualTo("delivered");
            assertThat(data(delivered).get("status").asString()).isEqualTo("DELIVERED");
            assertThat(stepsOf(delivered)).containsSubsequence("placed", "shipped", "delivered");
        }
    }

    @Test
    void tellsWhenTheBusAcceptedTheOrderForTheCarrier() {
        Order order = placeOrder();
        try (SseClient client = open(order.id(), Optional.empty())) {
            // The relay publishes within moments: either the first state has the step, or it follows on its own.
            Event first = client.next(WAIT);
            Event sent = stepsOf(first).contains("sent") ? first : client.next(WAIT);
            assertThat(stepsOf(sent)).contains("placed", "sent");
            assertThat(data(sent).get("status").asString()).isEqualTo("PENDING");
        }
    }

    @Test
    void aTransitionStoredByAnotherProcessReachesThisInstancesClients() {
        Order order = placeOrder();
        try (SseClient client = open(order.id(), Optional.empty())) {
            client.next(WAIT);
            // Another instance cancelling the order: nothing in this JVM's service knows of the write but the stream.
            TestCloud.dynamo().updateItem(r -> r.tableName("orders")
                    .key(Map.of(OrdersTable.PARTITION_KEY, AttributeValue.fromS(OrdersTable.orderKey(order.id()))))
                    .updateExpression("SET #s = :s, reason = :r, cancelledAt = :at, version = version + :one")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("CANCELLED"),
                            ":r", AttributeValue.fromS("Product SKU-1 discontinued"),
                            ":at", AttributeValue.fromS("2026-11-23T11:00:00.000000Z"),
                            ":one", AttributeValue.fromN("1"))));

            Event cancelled = nextSkippingSent(client);
            assertThat(cancelled.name()).isEqualTo("cancelled");
            assertThat(data(cancelled).get("status").asString()).isEqualTo("CANCELLED");
            assertThat(cancelled.data()).contains("\"reason\":\"Product SKU-1 discontinued\"");
        }
    }

    @Test
    void resumesAfterAReconnectWithExactlyTheStepsMissed() {
        Order order = placeOrder();
        String lastId;
        try (SseClient client = open(order.id(), Optional.empty())) {
            lastId = client.next(WAIT).id();
        }
        ship(order.id());
        deliver(order.id());
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.DELIVERED);

        try (SseClient resumed = open(order.id(), Optional.of(lastId))) {
            List<String> names = new ArrayList<>();
            Event event;
            do {
                event = resumed.next(WAIT);
                names.add(event.name());
            } while (!"delivered".equals(event.name()));
            assertThat(names).as("no whole state again, each missed step once, in order")
                    .doesNotContain("state", "placed").containsSubsequence("shipped", "delivered");
            assertThat(names.stream().filter("shipped"::equals)).hasSize(1);
            assertThat(event.id().split(",")).contains("placed", "shipped", "delivered");
        }
    }

    @Test
    void aClientThatMissedNothingGetsNothingAgain() {
        Order order = placeOrder();
        ship(order.id());
        String lastId;
        try (SseClient client = open(order.id(), Optional.empty())) {
            Event state = client.next(WAIT);
            lastId = state.id();
            await().atMost(WAIT).until(() -> orders.track(order.id()).sentToCarrierAt().isPresent());
            if (!lastId.contains("sent")) {
                lastId = client.next(WAIT).id();
            }
        }
        try (SseClient resumed = open(order.id(), Optional.of(lastId))) {
            deliver(order.id());
            Event next = resumed.next(WAIT);
            assertThat(next.name()).as("the first event after resuming is the new step").isEqualTo("delivered");
        }
    }

    @Test
    void anUnknownOrderIs404AndOpensNoStream() {
        int before = streams.openStreams();
        String unknown = UUID.randomUUID().toString();

        RawHttp.Response response = RawHttp.request(port, "GET", "/orders/" + unknown + "/updates", null,
                "Accept: text/event-stream");

        assertProblem(response, 404);
        assertThat(response.header("content-type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("event:");
        // (Streams of earlier tests may close meanwhile, so the count can only have gone down.)
        assertThat(streams.openStreams()).isLessThanOrEqualTo(before);
    }

    @Test
    void refusesWhatCannotNameAnOrderOrAPlaceInTheStream() {
        RawHttp.Response badId = RawHttp.request(port, "GET", "/orders/not-an-id/updates", null,
                "Accept: text/event-stream");
        assertProblem(badId, 400);
        assertThat(badId.body()).contains("\"field\":\"id\"");

        Order order = placeOrder();
        for (String forged : new String[] {"placed,bogus", "placed,placed", "x".repeat(65), "42", "placed;shipped"}) {
            RawHttp.Response badResume = RawHttp.request(port, "GET", "/orders/" + order.id() + "/updates", null,
                    "Accept: text/event-stream", "Last-Event-ID: " + forged);
            assertProblem(badResume, 400);
            assertThat(badResume.body()).contains("\"field\":\"Last-Event-ID\"");
        }
    }

    @Test
    void theUpdatesAndTheTrackingPageNeedNoCredential() {
        RawHttp.Response page = RawHttp.request(port, "GET", "/track", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Track an order</h1>");
        assertThat(page.header("content-security-policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(RawHttp.request(port, "GET", "/track/track.js", null).status()).isEqualTo(200);
        assertThat(RawHttp.request(port, "GET", "/", null).header("location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/track"));
    }
}
