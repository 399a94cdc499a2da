package io.eventgate.deploy;

import io.eventgate.deploy.topology.GatewayDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One description, two back ends: the synthesized gateway stack and gateway-infra's desired state agree on every
 * property they share — rule patterns and targets (input transformers, headers, retry and age limits, DLQs), queue
 * attributes and policies, tables, connection and destination, roles, the REST API's model, validator, method,
 * mapping templates and error mapping, stage, key and usage-plan limits.
 */
class GatewayParityTest {

    /** gateway-infra's description loaded as the app loads it, with the carrier's domain as its template symbol. */
    static GatewayDescription description(Optional<Path> config) {
        return GatewayDescription.load(config, "prod", "https://«param:CarrierDomainName»");
    }

    @Test
    void templateAndGatewayInfraAgreeOnEverySharedProperty() {
        var expected = ExpectedState.of(description(Optional.empty()));
        var actual = TemplateState.of(Synthesized.APP.gateway.json());

        assertThat(Parity.differences(expected, actual)).isEmpty();
        assertThat(expected).containsKeys("rule order-created-to-carrier", "rule carrier-events-to-orders",
                "queue orders-inbox", "queue orders-inbox-dlq", "queue carrier-delivery-dlq", "usage-plan carrier-plan",
                "integration POST /events", "model GatewayEnvelope", "table orders", "table carrier-shipments");
    }

    @Test
    void findsATemplateThatDriftedFromTheDescription() {
        JsonNode template = Synthesized.APP.gateway.json().deepCopy();
        template.get("Resources").properties().stream()
                .filter(e -> e.getValue().at("/Properties/Name").asString().equals("order-created-to-carrier"))
                .forEach(e -> ((ObjectNode) e.getValue().at("/Properties/Targets/0/RetryPolicy"))
                        .put("MaximumRetryAttempts", 3));

        assertThat(Parity.differences(ExpectedState.of(description(Optional.empty())), TemplateState.of(template)))
                .containsExactly("rule order-created-to-carrier.Targets[0].RetryPolicy.MaximumRetryAttempts:"
                        + " gateway-infra 24, template 3");
    }

    @Test
    void findsADescriptionThatTheTemplateDoesNotFollow() throws Exception {
        Path config = Files.createTempFile("topology", ".yaml");
        Files.writeString(config, """
                orders:
                  maxReceiveCount: 7
                partners:
                  - {name: carrier, apiKeyName: carrier, usagePlanName: carrier-plan, sources: [com.carrier],
                     eventNames: [OrderShipped, OrderDelivered, OrderCancelled],
                     rateLimit: 50, burstLimit: 250, quotaLimit: 100000, quotaPeriod: DAY}
                """);

        var differences = Parity.differences(ExpectedState.of(description(Optional.of(config))),
                TemplateState.of(Synthesized.APP.gateway.json()));

        assertThat(differences).containsExactlyInAnyOrder(
                "queue orders-inbox.RedrivePolicy.maxReceiveCount: gateway-infra 7, template 5",
                "usage-plan carrier-plan.Throttle.BurstLimit: gateway-infra 250, template 100");
    }

}
