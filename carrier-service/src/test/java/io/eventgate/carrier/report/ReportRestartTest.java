package io.eventgate.carrier.report;

import static io.eventgate.carrier.RunningCarrier.shipmentRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgate.carrier.Contracts;
import io.eventgate.carrier.RunningCarrier;
import io.eventgate.carrier.StubGateway;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A gateway outage spanning a restart of the carrier delays reports but loses none. */
class ReportRestartTest {

    @Test
    void sendsReportsStillPendingAfterARestart() throws IOException {
        String table = RunningCarrier.newTable();
        String orderId = "o-" + UUID.randomUUID();

        try (RunningCarrier before = RunningCarrier.start(table, unreachableGateway())) {
            before.requestShipment(shipmentRequest(orderId, "SKU-1"), null);
            assertThat(before.post("/shipments/" + orderId + "/dispatch", null).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> before.report(orderId, "OrderShipped").path("attempts").asInt() >= 2);
            JsonNode pending = before.report(orderId, "OrderShipped");
            assertThat(pending.path("state").asString()).isEqualTo("PENDING");
            assertThat(pending.path("lastError").asString()).startsWith("network:");
        }

        try (StubGateway gateway = StubGateway.start();
             RunningCarrier after = RunningCarrier.start(table, gateway.url())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(after.reportState(orderId, "OrderShipped")));

            assertThat(gateway.requestsFor(orderId)).hasSize(1);
            Contracts.assertConforms(gateway.requestsFor(orderId).getFirst().body());
        }
    }

    /** A URL on a port nobody listens on: every POST fails to connect. */
    private static URI unreachableGateway() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/_aws/execute-api/eventgate/local/events");
    }
}
