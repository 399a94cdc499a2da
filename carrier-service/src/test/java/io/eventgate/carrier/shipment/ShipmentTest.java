package io.eventgate.carrier.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-22T11:00:00Z");

    private static Shipment received() {
        return Shipment.received(new NewShipment("o-1", "cust-1", "corr-1",
                List.of(new Parcel("SKU-1", 2), new Parcel("SKU-2", 1), new Parcel("SKU-1", 1)),
                new Address("Ada", "1 Main St", null, "Berlin", "10115", "DE"), "evt-1"), RECEIVED_AT);
    }

    @Test
    void dispatchShipsAReceivedShipmentAndReportsOrderShipped() {
        Transition transition = received().dispatch("EGC123", LATER);

        assertThat(transition.from().status()).isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(transition.to().status()).isEqualTo(ShipmentStatus.SHIPPED);
        assertThat(transition.to().statusAt()).isEqualTo(LATER);
        assertThat(transition.to().trackingNumber()).isEqualTo("EGC123");
        assertThat(transition.event().contract().eventName()).isEqualTo("OrderShipped");
        assertThat(transition.event().data()).containsExactly(
                org.assertj.core.api.Assertions.entry("orderId", "o-1"),
                org.assertj.core.api.Assertions.entry("trackingNumber", "EGC123"),
                org.assertj.core.api.Assertions.entry("carrier", "eventgate-carrier"),
                org.assertj.core.api.Assertions.entry("shippedAt", "2026-11-22T11:00:00Z"));
    }

    @Test
    void deliverNeedsAShippedShipment() {
        assertThatThrownBy(() -> received().deliver(LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Shipment o-1 is RECEIVED; deliver needs SHIPPED");

        Transition delivered = received().dispatch("EGC123", LATER).to().deliver(LATER.plusSeconds(60));
        assertThat(delivered.to().status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(delivered.to().trackingNumber()).isEqualTo("EGC123");
        assertThat(delivered.event().data()).containsEntry("deliveredAt", "2026-11-22T11:01:00Z");
    }

    @Test
    void onlyAReceivedShipmentCanBeCancelled() {
        Transition cancelled = received().cancel("Product SKU-1 discontinued", LATER);
        assertThat(cancelled.to().status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(cancelled.event().data()).containsEntry("reason", "Product SKU-1 discontinued")
                .containsEntry("cancelledAt", "2026-11-22T11:00:00Z");

        Shipment shipped = received().dispatch("EGC123", LATER).to();
        assertThatThrownBy(() -> shipped.cancel("too late", LATER)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> cancelled.to().dispatch("EGC9", LATER)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void knowsItsDistinctSkusAndOrdersItsEventsWithinAnOrder() {
        assertThat(received().skus()).containsExactly("SKU-1", "SKU-2");
        Transition shipped = received().dispatch("EGC123", LATER);
        assertThat(shipped.event().stage()).isLessThan(shipped.to().deliver(LATER).event().stage());
    }

    @Test
    void needsAtLeastOneParcelWithAPositiveQuantity() {
        assertThatThrownBy(() -> new Parcel("SKU-1", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shipment.received(new NewShipment("o-1", null, "o-1", List.of(),
                new Address("Ada", "1 Main St", null, "Berlin", "10115", "DE"), null), RECEIVED_AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
