package io.eventgate.orders.order.storage;

import io.eventgate.orders.order.ConcurrentOrderUpdateException;
import io.eventgate.orders.order.IdempotencyClaim;
import io.eventgate.orders.order.IdempotencyKeyTakenException;
import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.NewOrder;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.OrderCreated;
import io.eventgate.orders.order.CarrierEvent;
import io.eventgate.orders.order.ShippingAddress;
import io.eventgate.orders.order.Transition;
import io.eventgate.orders.outbox.OrderCreatedOutbox;
import io.eventgate.orders.support.IntegrationTest;
import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.OutboxItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The storage adapter against DynamoDB Local: what its transactions guarantee. */
class DynamoDbOrdersTest extends IntegrationTest {

    @Autowired
    DynamoDbOrders orders;
    @Autowired
    OrdersTable table;
    @Autowired
    OrderCreatedOutbox outbox;

    static Order newOrder() {
        return Order.place(UUID.randomUUID().toString(), new NewOrder("cust-storage",
                List.of(new LineItem("SKU-1", 1, BigDecimal.ONE)),
                new ShippingAddress("Ada", "1 Main St", Optional.empty(), "Berlin", "10115", "DE")), Instant.now());
    }

    OutboxItem outboxRecordOf(Order order) {
        return table.outbox().getItem(Key.builder()
                .partitionValue(OrdersTable.outboxKey(OrderCreated.eventIdFor(order.id()))).build());
    }

    @Test
    void returnsTheOrderExactlyAsAReadReturnsIt() {
        Order order = Order.place(UUID.randomUUID().toString(), new NewOrder("cust-storage",
                List.of(new LineItem("SKU-1", 2, new BigDecimal("4.20")), new LineItem("SKU-2", 1, new BigDecimal("100.00")),
                        new LineItem("SKU-3", 3, new BigDecimal("0.05"))),
                new ShippingAddress("Ada", "1 Main St", Optional.of("Flat 2"), "Berlin", "10115", "DE")),
                Instant.parse("2026-12-01T10:00:00.123456789Z"));

        Order returned = orders.add(order, Optional.empty());

        assertThat(returned).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(orders.find(order.id()).orElseThrow());
        assertThat(returned.createdAt()).as("at the stored precision").isEqualTo("2026-12-01T10:00:00.123456Z");
        assertThat(returned.version()).isEqualTo(1);
    }

    @Test
    void storesTheOrderAndItsOutboxRecordTogether() {
        Order order = newOrder();

        orders.add(order, Optional.empty());

        assertThat(orders.find(order.id())).hasValueSatisfying(stored -> assertThat(stored.version()).isEqualTo(1));
        assertThat(outboxRecordOf(order)).isNotNull();
    }

    @Test
    void storesNeitherWhenTheOutboxRecordCannotBeWritten() {
        Order order = newOrder();
        // An outbox record already sits where this order's would go: its put fails, so the whole transaction must.
        table.outbox().putItem(outbox.recordFor(order));

        assertThatThrownBy(() -> orders.add(order, Optional.empty())).isInstanceOf(TransactionCanceledException.class);

        assertThat(orders.find(order.id())).isEmpty();
    }

    @Test
    void storesNothingWhenTheIdempotencyKeyWasTakenMeanwhile() {
        String key = "key-" + UUID.randomUUID();
        Order first = newOrder();
        Order second = newOrder();
        orders.add(first, Optional.of(new IdempotencyClaim(key, "f", first.id())));

        assertThatThrownBy(() -> orders.add(second, Optional.of(new IdempotencyClaim(key, "f", second.id()))))
                .isInstanceOf(IdempotencyKeyTakenException.class);

        assertThat(orders.find(second.id())).isEmpty();
        assertThat(outboxRecordOf(second)).isNull();
        assertThat(orders.findClaim(key)).hasValueSatisfying(c -> assertThat(c.orderId()).isEqualTo(first.id()));
    }

    @Test
    void appliesAnEventOnceAndRefusesAStaleVersion() {
        Order order = newOrder();
        orders.add(order, Optional.empty());
        Order stored = orders.find(order.id()).orElseThrow();
        Order shipped = ((Transition.Applied) stored.apply(
                new CarrierEvent.OrderShipped(order.id(), "TRK", "ACME", Instant.now()), Instant.now())).order();
        String eventId = UUID.randomUUID().toString();

        assertThat(orders.saveApplying(shipped, eventId, "OrderShipped")).isTrue();
        assertThat(orders.saveApplying(shipped, eventId, "OrderShipped")).as("same event again").isFalse();
        assertThat(orders.isApplied(eventId)).isTrue();
        assertThatThrownBy(() -> orders.saveApplying(shipped, UUID.randomUUID().toString(), "OrderShipped"))
                .as("written from a stale read").isInstanceOf(ConcurrentOrderUpdateException.class);
        assertThat(orders.find(order.id()).orElseThrow().version()).isEqualTo(2);
    }
}
