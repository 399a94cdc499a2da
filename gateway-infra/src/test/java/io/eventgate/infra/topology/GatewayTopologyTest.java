package io.eventgate.infra.topology;

import io.eventgate.infra.aws.AwsClients;
import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.provision.Resource;
import io.eventgate.infra.settings.InfraSettings;
import io.eventgate.infra.settings.InvalidSettingsException;
import io.eventgate.infra.settings.Secrets;
import io.eventgate.infra.settings.SettingsLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shape of the topology; building it calls no AWS API (clients are created lazily and not used here). */
class GatewayTopologyTest {

    private static final Secrets NO_SECRETS = Secrets.none();

    private static List<Resource> resources(Map<String, String> overrides) {
        InfraSettings settings = new SettingsLoader(Map.of()).load(Optional.empty(), overrides);
        try (AwsClients aws = new AwsClients(settings.aws())) {
            return new GatewayTopology(settings, NO_SECRETS, (name, value) -> { }, aws).resources();
        }
    }

    @Test
    void ordersResourcesSoThatEachComesAfterWhatItRefersTo() {
        List<String> addresses = resources(Map.of()).stream().map(r -> r.kind() + " " + r.name()).toList();

        assertThat(addresses).containsSubsequence("dynamodb table orders", "eventbridge bus eventgate",
                "eventbridge archive eventgate-archive", "sqs queue orders-inbox-dlq", "sqs queue orders-inbox",
                "eventbridge connection carrier-connection", "eventbridge api destination carrier-shipments",
                "apigateway rest api eventgate", "apigateway api key carrier",
                "apigateway integration POST /events -> events:PutEvents",
                "apigateway stage local", "apigateway usage plan carrier-plan",
                "eventbridge rule order-created-to-carrier", "eventbridge rule carrier-events-to-orders");
        assertThat(addresses).as("no IAM on a local endpoint").noneMatch(a -> a.startsWith("iam role eventgate"));
    }

    @Test
    void matchesTheCarriersEventsOnlyWithTheCarriersKey() {
        String pattern = GatewayTopology.partnerEventPattern(List.of("com.carrier"),
                List.of("OrderShipped", "OrderDelivered"), "key-id-1");

        assertThat(JsonDocs.read(pattern)).isEqualTo(JsonDocs.read("""
                {"source":["com.carrier"],"detail-type":["OrderShipped","OrderDelivered"],
                 "detail":{"metadata":{"apiKeyId":["key-id-1"]}}}"""));
    }

    @Test
    void matchesOurOwnEventsOnlyWhenNoGatewayKeyIdIsOnThem() {
        String pattern = GatewayTopology.ourEventPattern("eventgate.orders", List.of("OrderCreated"));

        assertThat(JsonDocs.read(pattern)).isEqualTo(JsonDocs.read("""
                {"source":["eventgate.orders"],"detail-type":["OrderCreated"],
                 "detail":{"metadata":{"apiKeyId":[{"exists":false}]}}}"""));
    }

    @Test
    void buildsTheCarriersPayloadFromTheOrderCreatedEventWithTheEventIdInTheBody() {
        var transformer = CarrierPayload.transformer();

        assertThat(transformer.inputPathsMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "eventId", "$.id", "orderId", "$.detail.data.orderId", "customerId", "$.detail.data.customerId",
                "correlationId", "$.detail.metadata.correlationId", "items", "$.detail.data.items",
                "shipTo", "$.detail.data.shippingAddress", "traceparent", "$.detail.metadata.traceparent"));
        assertThat(transformer.inputTemplate()).isEqualTo("{\"orderId\":<orderId>,\"eventId\":<eventId>,"
                + "\"customerId\":<customerId>,\"correlationId\":<correlationId>,\"traceparent\":\"<traceparent>\","
                + "\"items\":<items>,\"shipTo\":<shipTo>}");
        // Headers as extras: resolved on AWS, sent literally by LocalStack (and then ignored by the carrier).
        assertThat(CarrierPayload.httpParameters().headerParameters()).containsOnly(
                Map.entry("Idempotency-Key", "$.id"), Map.entry("traceparent", "$.detail.metadata.traceparent"));
    }

    @Test
    void onAwsNeedsRoleArnsUnlessItManagesIam() {
        Map<String, String> aws = Map.of("aws.endpoint", "aws", "aws.accountId", "123456789012",
                "carrier.outbound.baseUrl", "https://carrier.example.com");

        assertThatThrownBy(() -> resources(aws)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("--manage-iam");
        var managed = new java.util.HashMap<>(aws);
        managed.put("iam.manage", "true");
        assertThat(resources(managed)).extracting(r -> r.kind() + " " + r.name())
                .contains("iam role eventgate-apigateway-putevents", "iam role eventgate-eventbridge-carrier");
    }

    @Test
    void redrivesTheInboxDlqIntoTheInboxAndTheCarrierDlqByReplay() {
        InfraSettings settings = new SettingsLoader(Map.of()).load(Optional.empty(), Map.of());
        try (AwsClients aws = new AwsClients(settings.aws())) {
            var routes = new GatewayTopology(settings, NO_SECRETS, (n, v) -> { }, aws).redriveRoutes();

            assertThat(routes).containsEntry("orders-inbox-dlq", new RedriveRoute.ToQueue("orders-inbox"))
                    .containsEntry("carrier-delivery-dlq", new RedriveRoute.ByReplay("order-created-to-carrier"));
        }
    }
}
