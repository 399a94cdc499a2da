package io.eventgate.orders.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.orders.order.CarrierEvent.OrderDelivered;
import io.eventgate.orders.order.CarrierEvent.OrderShipped;
import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.NewOrder;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.OrderChange;
import io.eventgate.orders.order.OrderStatus;
import io.eventgate.orders.order.ShippingAddress;
import io.eventgate.orders.order.Tracked;
import io.eventgate.orders.order.Transition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackingViewTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ID = "7f9c1c1e-2b5d-4c7e-9f4a-0a7d1e2b3c4d";

    private static Order placed() {
        return Order.place(ID, new NewOrder("c-1", List.of(new LineItem("SKU-1", 1, BigDecimal.ONE)),
                new ShippingAddress("Ada", "1 Main St", Optional.empty(), "Berlin", "10115", "DE")), T0);
    }

    private static Order applied(Transition transition) {
        return ((Transition.Applied) transition).order();
    }

    @Test
    void changesArrivingInAnyOrderOrTwiceAddUpToTheSameView() {
        Order shipped = applied(placed().apply(new OrderShipped(ID, "TRK-1", "ACME", T0.plusSeconds(60)), T0));
        TrackingView sent = TrackingView.of(new OrderChange.SentToCarrier(ID, T0.plusSeconds(1)));
        TrackingView stored = TrackingView.of(new OrderChange.Stored(shipped));

        TrackingView one = sent.merge(stored).merge(stored);
        TrackingView other = stored.merge(sent);

        assertThat(one.progress()).isEqualTo(other.progress()).isEqualTo(Progress.parse("placed,sent,shipped"));
        assertThat(one.message()).isEqualTo(other.message());
        assertThat(one.status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void aDeliveryThatOvertookItsShipmentHasNoShippedStepUntilTheLateReport() {
        Order delivered = applied(placed().apply(new OrderDelivered(ID, T0.plusSeconds(90)), T0));
        TrackingView view = TrackingView.of(new Tracked(delivered, Optional.empty()));

        assertThat(view.progress()).isEqualTo(Progress.parse("placed,delivered"));
        assertThat(view.status()).isEqualTo(OrderStatus.DELIVERED);

        Order late = applied(delivered.apply(new OrderShipped(ID, "TRK-9", "ACME", T0.plusSeconds(60)), T0));
        TrackingView after = view.merge(TrackingView.of(new OrderChange.Stored(late)));
        assertThat(Progress.parse("placed,delivered").missing(after.progress())).containsExactly(Step.SHIPPED);
    }

    @Test
    void aViewUpToAClientsPlaceShowsTheStatusItHadThen() {
        Order delivered = applied(applied(placed().apply(new OrderShipped(ID, "TRK-1", "ACME", T0), T0))
                .apply(new OrderDelivered(ID, T0.plusSeconds(90)), T0));
        TrackingView view = TrackingView.of(new Tracked(delivered, Optional.of(T0.plusSeconds(1))));

        TrackingView then = view.upTo(Progress.parse("placed,sent,shipped"));

        assertThat(then.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(then.message().steps()).extracting(TrackingView.StepMessage::step)
                .containsExactly("placed", "sent", "shipped");
    }
}
