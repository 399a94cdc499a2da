package io.eventgate.deploy;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** No secret in plain sight: the keys are generated in Secrets Manager and only ever referred to. */
class SecretsTest {

    private static final String INBOUND_KEY = "«secret:eventgate/connection-carrier-connection»";
    private static final String GATEWAY_KEY = "«secret:eventgate/api-key-carrier»";

    @Test
    void theCarrierReceivesItsTwoKeysAndItsBackOfficePasswordAsEcsSecretsOnly() {
        JsonNode carrier = container("carrier-service");

        assertThat(secrets(carrier)).containsExactlyInAnyOrder("EVENTGATE_CARRIER_API_KEY=" + INBOUND_KEY,
                "EVENTGATE_CARRIER_GATEWAY_API_KEY=" + GATEWAY_KEY,
                "EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD=«secret:eventgate/carrier-back-office-password»");
        assertThat(environment(carrier)).doesNotContainKeys("EVENTGATE_CARRIER_API_KEY",
                "EVENTGATE_CARRIER_GATEWAY_API_KEY", "EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD");
    }

    @Test
    void ordersReceivesOnlyItsOperatorPasswordAsAnEcsSecret() {
        assertThat(secrets(container("orders-service"))).containsExactly(
                "EVENTGATE_ORDERS_OPERATOR_PASSWORD=«secret:eventgate/orders-operator-password»");
    }

    private static List<String> secrets(JsonNode container) {
        return StreamSupport.stream(container.get("Secrets").spliterator(), false)
                .map(s -> s.get("Name").asString() + "=" + s.get("ValueFrom").asString())
                .toList();
    }

    @Test
    void noEnvironmentVariableHoldsASecretOrAReferenceToOne() {
        for (String service : List.of("orders-service", "carrier-service")) {
            assertThat(environment(container(service))).allSatisfy((name, value) -> {
                assertThat(name).doesNotContainIgnoringCase("KEY").doesNotContainIgnoringCase("SECRET")
                        .doesNotContainIgnoringCase("PASSWORD");
                assertThat(value).doesNotContain("secret", "resolve:");
            });
        }
    }

    @Test
    void theConnectionAndTheApiKeyReferToTheirSecretsDynamically() {
        TemplateState gateway = Synthesized.APP.gatewayResolved;

        assertThat(gateway.all("AWS::Events::Connection").values()).singleElement().satisfies(connection -> assertThat(
                connection.at("/AuthParameters/ApiKeyAuthParameters/ApiKeyValue").asString())
                .isEqualTo("{{resolve:secretsmanager:" + INBOUND_KEY + ":SecretString:::}}"));
        assertThat(gateway.all("AWS::ApiGateway::ApiKey").values()).singleElement().satisfies(key -> assertThat(
                key.get("Value").asString()).isEqualTo("{{resolve:secretsmanager:" + GATEWAY_KEY + ":SecretString:::}}"));
    }

    @Test
    void secretsManagerGeneratesTheValuesSoNoTemplateHoldsOne() {
        for (TemplateState stack : List.of(Synthesized.APP.gatewayResolved, Synthesized.APP.servicesResolved)) {
            assertThat(stack.all("AWS::SecretsManager::Secret").values()).hasSize(2).allSatisfy(secret -> {
                assertThat(secret.has("SecretString")).isFalse();
                assertThat(secret.at("/GenerateSecretString/PasswordLength").asInt()).isGreaterThanOrEqualTo(20);
            });
        }
        for (Synthesized.Stack stack : List.of(Synthesized.APP.gateway, Synthesized.APP.services)) {
            String text = stack.json().toString();
            List<String> references = List.of(text.split("\\{\\{resolve:", -1));
            assertThat(references.subList(1, references.size())).as("every dynamic reference is to Secrets Manager")
                    .allSatisfy(after -> assertThat(after).startsWith("secretsmanager:"));
            assertThat(text).doesNotContain("SecretString\":\"");
        }
    }

    private static JsonNode container(String name) {
        return Synthesized.APP.servicesResolved.all("AWS::ECS::TaskDefinition").values().stream()
                .map(task -> task.get("ContainerDefinitions").get(0))
                .filter(c -> c.get("Name").asString().equals(name))
                .findFirst().orElseThrow();
    }

    static Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new java.util.TreeMap<>();
        container.path("Environment").forEach(e -> environment.put(e.get("Name").asString(),
                e.get("Value").asString()));
        return environment;
    }
}
