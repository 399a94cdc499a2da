package io.eventgate.orders.tracking;

import static io.eventgate.web.testing.ContainerRejectionsContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.NewOrder;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.ShippingAddress;
import io.eventgate.orders.support.SseClient;
import io.eventgate.orders.support.SseClient.Event;
import io.eventgate.web.testing.RawHttp;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The bounds of one instance's update streams: the cap, heartbeats and the idle timeout (short, for the test). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eventgate.orders.updates.max-streams=2",
        "eventgate.orders.updates.heartbeat=300ms",
        "eventgate.orders.updates.idle-timeout=3s",
        "eventgate.orders.updates.busy-retry-after=7s"})
class OrderUpdateLimitsTest extends LiveUpdatesTest {

    private String placeOrder() {
        Order order = orders.place(new NewOrder("cust-limits", List.of(new LineItem("SKU-1", 1, BigDecimal.ONE)),
                new ShippingAddress("Ada", "1 Main St", Optional.empty(), "Berlin", "10115", "DE")),
                Optional.empty()).order();
        return order.id();
    }

    private SseClient open(String orderId) {
        SseClient client = SseClient.open(port, "/orders/" + orderId + "/updates", Optional.empty());
        assertThat(client.status()).isEqualTo(200);
        return client;
    }

    @Test
    void refusesAStreamBeyondTheCapWithRetryAfterAndTakesOneAgainOnceASlotIsFree() {
        String orderId = placeOrder();
        await().atMost(WAIT).until(() -> streams.openStreams() == 0);
        try (SseClient first = open(orderId); SseClient second = open(orderId)) {
            first.next(WAIT);
            second.next(WAIT);

            RawHttp.Response refused = RawHttp.request(port, "GET", "/orders/" + orderId + "/updates", null,
                    "Accept: text/event-stream");

            assertProblem(refused, 503);
            assertThat(refused.header("retry-after")).hasValue("7");
            assertThat(refused.body()).contains("2 live update streams open");
            assertThat(streams.openStreams()).isEqualTo(2);

            first.close();
            // The server learns that the client left at the latest on the next heartbeat it cannot send.
            await().atMost(WAIT).until(() -> streams.openStreams() == 1);
            try (SseClient third = open(orderId)) {
                assertThat(third.next(WAIT).name()).isEqualTo("state");
            }
        }
    }

    @Test
    void sendsHeartbeatsAndEndsAStreamWithoutNews() {
        String orderId = placeOrder();
        await().atMost(WAIT).until(() -> streams.openStreams() == 0);
        try (SseClient client = open(orderId)) {
            Event heartbeat;
            do {
                heartbeat = client.take(WAIT);
            } while (!"heartbeat".equals(heartbeat.name()));
            assertThat(heartbeat.id()).as("a heartbeat does not move the client's place").isNull();
            assertThat(heartbeat.data()).contains("\"at\"");

            Event last;
            do {
                last = client.take(WAIT);
            } while (!"idle".equals(last.name()));
            assertThat(last.data()).contains("PT3S");
            assertThat(SseClient.isEnd(client.take(WAIT))).as("the server ended the stream").isTrue();
        }
        await().atMost(WAIT).until(() -> streams.openStreams() == 0);
    }
}
