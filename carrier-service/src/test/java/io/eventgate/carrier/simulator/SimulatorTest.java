package io.eventgate.carrier.simulator;

import static io.eventgate.carrier.RunningCarrier.json;
import static io.eventgate.carrier.RunningCarrier.shipmentRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgate.carrier.RunningCarrier;
import io.eventgate.carrier.StubGateway;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void dispatchesAndDeliversOnItsOwnWhenEnabled() {
        try (StubGateway gateway = StubGateway.start();
             RunningCarrier carrier = RunningCarrier.start(RunningCarrier.newTable(), gateway.url(),
                     "eventgate.carrier.simulator.enabled=true", "eventgate.carrier.simulator.dispatch-after=100ms",
                     "eventgate.carrier.simulator.deliver-after=100ms", "eventgate.carrier.simulator.poll-interval=50ms")) {
            String orderId = "o-" + UUID.randomUUID();
            assertThat(carrier.requestShipment(shipmentRequest(orderId, "SKU-1"), null).statusCode()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(carrier.reportState(orderId, "OrderDelivered")));

            assertThat(carrier.shipment(orderId).path("status").asString()).isEqualTo("DELIVERED");
            assertThat(gateway.requestsFor(orderId))
                    .extracting(r -> json(r.body()).path("metadata").path("eventName").asString())
                    .containsExactly("OrderShipped", "OrderDelivered");
        }
    }
}
