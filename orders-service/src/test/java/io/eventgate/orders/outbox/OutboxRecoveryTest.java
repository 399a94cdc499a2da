package io.eventgate.orders.outbox;

import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.NewOrder;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.ShippingAddress;
import io.eventgate.orders.support.IntegrationTest;
import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.OutboxItem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.enhanced.dynamodb.Key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The running relay finds records nobody signalled — what a crash between commit and publish leaves behind. */
class OutboxRecoveryTest extends IntegrationTest {

    @Autowired
    OrdersTable table;
    @Autowired
    OrderCreatedOutbox outbox;

    @Test
    void publishesARecordLeftBehindByACrash() {
        Order order = Order.place(UUID.randomUUID().toString(), new NewOrder("cust-crash",
                List.of(new LineItem("SKU-1", 1, BigDecimal.ONE)),
                new ShippingAddress("Ada", "1 Main St", Optional.empty(), "Berlin", "10115", "DE")), Instant.now());
        OutboxItem leftover = outbox.recordFor(order);
        table.outbox().putItem(leftover);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(EVENT_BRIDGE.entries())
                .anySatisfy(entry -> assertThat(entry.get("Detail").asString()).contains(order.id())));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(table.outbox()
                .getItem(Key.builder().partitionValue(OrdersTable.outboxKey(leftover.getEventId())).build())
                .getOutboxState()).isNull());
    }
}
