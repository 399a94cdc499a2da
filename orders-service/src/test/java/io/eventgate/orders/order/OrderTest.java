package io.eventgate.orders.order;

import io.eventgate.orders.order.CarrierEvent.OrderCancelled;
import io.eventgate.orders.order.CarrierEvent.OrderDelivered;
import io.eventgate.orders.order.CarrierEvent.OrderShipped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);

    static NewOrder request() {
        return new NewOrder("cust-1",
                List.of(new LineItem("SKU-1", 2, new BigDecimal("10.25")), new LineItem("SKU-2", 1, BigDecimal.ZERO)),
                new ShippingAddress("Ada", "1 Main St", Optional.empty(), "Berlin", "10115", "DE"));
    }

    static Order pending() {
        return Order.place("o-1", request(), T0);
    }

    static OrderShipped shipped() {
        return new OrderShipped("o-1", "TRK-1", "ACME", T1);
    }

    static Order applied(Order order, CarrierEvent event) {
        Transition result = order.apply(event, T1);
        assertThat(result).isInstanceOf(Transition.Applied.class);
        return ((Transition.Applied) result).order();
    }

    @Test
    void placesAPendingOrderWaitingForShipping() {
        Order order = pending();

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.reason()).isEqualTo("Waiting for shipping");
        assertThat(order.total()).isEqualByComparingTo("20.50");
    }

    @Test
    void shipsAPendingOrderThenDeliversIt() {
        Order shipped = applied(pending(), shipped());
        Order delivered = applied(shipped, new OrderDelivered("o-1", T1.plusSeconds(5)));

        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.shipment()).contains(new Shipment("TRK-1", "ACME", T1));
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.deliveredAt()).contains(T1.plusSeconds(5));
        assertThat(delivered.version()).as("the store bumps the version, not the aggregate").isZero();
    }

    @Test
    void cancelsAPendingOrderWithTheCarriersReason() {
        Order cancelled = applied(pending(), new OrderCancelled("o-1", "Address unreachable", Optional.empty()));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("Address unreachable");
        assertThat(cancelled.cancelledAt()).contains(T1);
    }

    @Test
    void ignoresIllegalAndStaleTransitions() {
        Order shipped = applied(pending(), shipped());
        Order cancelled = applied(pending(), new OrderCancelled("o-1", "gone", Optional.empty()));
        Order delivered = applied(shipped, new OrderDelivered("o-1", T1));

        assertThat(shipped.apply(new OrderCancelled("o-1", "too late", Optional.empty()), T1))
                .isInstanceOf(Transition.Ignored.class);
        assertThat(shipped.apply(shipped(), T1)).isInstanceOf(Transition.Ignored.class);
        assertThat(cancelled.apply(shipped(), T1)).isInstanceOf(Transition.Ignored.class);
        assertThat(cancelled.apply(new OrderDelivered("o-1", T1), T1)).isInstanceOf(Transition.Ignored.class);
        assertThat(delivered.apply(new OrderDelivered("o-1", T1), T1)).isInstanceOf(Transition.Ignored.class);
        assertThat(delivered.apply(shipped(), T1)).as("shipment known already").isInstanceOf(Transition.Ignored.class);
    }

    @Test
    void aDeliveryThatOvertookItsShipmentDeliversAndTheLateShipmentOnlyAddsTracking() {
        Order delivered = applied(pending(), new OrderDelivered("o-1", T1));
        Order withTracking = applied(delivered, shipped());

        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.shipment()).isEmpty();
        assertThat(withTracking.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(withTracking.shipment()).contains(new Shipment("TRK-1", "ACME", T1));
    }

    @Test
    void refusesAnEventForAnotherOrder() {
        assertThatThrownBy(() -> pending().apply(new OrderDelivered("o-2", T1), T1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintIgnoresNumberNotationButNotContent() {
        NewOrder same = new NewOrder("cust-1",
                List.of(new LineItem("SKU-1", 2, new BigDecimal("10.250")), new LineItem("SKU-2", 1, new BigDecimal("0.00"))),
                new ShippingAddress("Ada", "1 Main St", Optional.of(" "), "Berlin", "10115", "DE"));
        NewOrder other = new NewOrder("cust-1",
                List.of(new LineItem("SKU-1", 3, new BigDecimal("10.25")), new LineItem("SKU-2", 1, BigDecimal.ZERO)),
                new ShippingAddress("Ada", "1 Main St", Optional.empty(), "Berlin", "10115", "DE"));

        assertThat(same.fingerprint()).isEqualTo(request().fingerprint());
        assertThat(other.fingerprint()).isNotEqualTo(request().fingerprint());
    }

    @Test
    void keepsMoneyAtTwoDecimalsAndNeverRounds() {
        assertThat(new LineItem("SKU-1", 1, new BigDecimal("9.5")).unitPrice()).hasToString("9.50");
        assertThat(new LineItem("SKU-1", 1, new BigDecimal("1E+9")).unitPrice()).hasToString("1000000000.00");
        assertThat(new LineItem("SKU-1", 1, new BigDecimal("0E-999999999")).unitPrice()).hasToString("0.00");
        assertThat(pending().total()).hasToString("20.50");
        for (String price : new String[] {"0.001", "1E-131", "-0.01", "1000000000.01", "9.999999999999999999999999999999999999999"}) {
            assertThatThrownBy(() -> new LineItem("SKU-1", 1, new BigDecimal(price))).as(price)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new LineItem("SKU-1", LineItem.MAX_QUANTITY + 1, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orderIdsAreRandomLowerCaseUuidsAndNothingElseIsOne() {
        String id = OrderIds.next();

        assertThat(OrderIds.isWellFormed(id)).isTrue();
        assertThat(OrderIds.next()).isNotEqualTo(id);
        for (String notAnId : new String[] {null, "", "o-1", id.toUpperCase(), id + "x", "x".repeat(3_000),
                "00000000-0000-0000-0000-000000000000", id.replace('-', '_')}) {
            assertThat(OrderIds.isWellFormed(notAnId)).as(notAnId).isFalse();
        }
    }
}
