package io.eventgate.carrier.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.carrier.RunningCarrier;
import io.eventgate.carrier.StubGateway;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void isAliveButNotReadyAndAnswersAPlainProblemWhileItsTableIsMissing() {
        try (StubGateway gateway = StubGateway.start();
             RunningCarrier carrier = RunningCarrier.start(RunningCarrier.newTable(), gateway.url(),
                     "eventgate.carrier.store.create-table=false")) {
            assertThat(carrier.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(carrier.get("/actuator/health/readiness").statusCode()).isEqualTo(503);

            var refused = carrier.requestShipment(RunningCarrier.shipmentRequest("o-no-table", "SKU-1"), null);
            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).doesNotContain("carrier-test").doesNotContain("ResourceNotFound");
        }
    }
}
