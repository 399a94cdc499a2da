package io.eventgate.infra.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsLoaderTest {

    @TempDir
    Path directory;

    @Test
    void loadsTheBuiltInTopology() {
        InfraSettings settings = new SettingsLoader(Map.of()).load(Optional.empty(), Map.of());

        assertThat(settings.aws().local()).isTrue();
        assertThat(settings.aws().endpoint()).isEqualTo("http://localhost:4566");
        assertThat(settings.bus().name()).isEqualTo("eventgate");
        assertThat(settings.orders().inboxQueue()).isEqualTo("orders-inbox");
        assertThat(settings.orders().inboxDlq()).isEqualTo("orders-inbox-dlq");
        assertThat(settings.carrier().eventNames()).containsExactly("OrderShipped", "OrderDelivered",
                "OrderCancelled");
        assertThat(settings.gateway().stage()).isEqualTo("local");
        assertThat(settings.carrier().outbound().shipmentsUrl()).isEqualTo("http://localhost:8081/shipments");
    }

    @Test
    void appliesFileThenEnvironmentThenOverrides() throws Exception {
        Path file = directory.resolve("mine.yaml");
        Files.writeString(file, """
                bus:
                  name: from-file
                gateway:
                  stage: prod
                """);
        var environment = Map.of("EVENTGATE_AWS_ENDPOINT", "http://localhost:4599",
                "EVENTGATE_EVENT_BUS_NAME", "from-env");

        InfraSettings settings = new SettingsLoader(environment).load(Optional.of(file),
                Map.of("carrier.outbound.baseUrl", "http://carrier-service:8081/",
                        "carrier.eventNames", "[OrderShipped]",
                        "carrier.outbound.rateLimitPerSecond", "3"));

        assertThat(settings.aws().local()).isTrue();
        assertThat(settings.bus().name()).isEqualTo("from-env");
        assertThat(settings.gateway().stage()).isEqualTo("prod");
        assertThat(settings.carrier().outbound().shipmentsUrl()).isEqualTo("http://carrier-service:8081/shipments");
        assertThat(settings.carrier().eventNames()).containsExactly("OrderShipped");
        assertThat(settings.carrier().outbound().rateLimitPerSecond()).isEqualTo(3);
    }

    @Test
    void rejectsUnknownSettings() {
        assertThatThrownBy(() -> new SettingsLoader(Map.of()).load(Optional.empty(), Map.of("bus.nmae", "x")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("bus.nmae");
    }

    @Test
    void rejectsValuesAwsWouldReject() {
        assertThatThrownBy(() -> new SettingsLoader(Map.of()).load(Optional.empty(),
                Map.of("carrier.outbound.rateLimitPerSecond", "0")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("carrier.outbound.rateLimitPerSecond");
        assertThatThrownBy(() -> new SettingsLoader(Map.of()).load(Optional.empty(),
                Map.of("orders.inboxQueue", "no spaces allowed")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("orders.inboxQueue");
    }

    @Test
    void acceptsOnlyEventNamesThatHaveAContract() {
        assertThatThrownBy(() -> new SettingsLoader(Map.of()).load(Optional.empty(),
                Map.of("carrier.eventNames", "[OrderShiped]")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("OrderShiped");
    }

    @Test
    void requiresHttpsForTheCarrierOnAws() {
        assertThat(new SettingsLoader(Map.of()).load(Optional.empty(), Map.of("aws.endpoint", "aws",
                "carrier.outbound.baseUrl", "https://carrier.example.com")).aws().local()).isFalse();
        assertThatThrownBy(() -> new SettingsLoader(Map.of()).load(Optional.empty(),
                Map.of("aws.endpoint", "aws", "carrier.outbound.baseUrl", "http://carrier.example.com")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("https");
    }

    @Test
    void readsSecretsFromTheEnvironmentBeforeTheOutputsFileAndNeverPrintsThem() {
        String fromEnvironment = "e".repeat(32);
        String fromFile = "f".repeat(32);

        Secrets secrets = Secrets.from(Map.of(Secrets.CARRIER_INBOUND_API_KEY, fromEnvironment),
                Map.of(Secrets.CARRIER_INBOUND_API_KEY, fromFile, Secrets.CARRIER_GATEWAY_API_KEY, fromFile));

        assertThat(secrets.carrierInboundApiKey()).contains(fromEnvironment);
        assertThat(secrets.carrierGatewayApiKey()).contains(fromFile);
        assertThat(secrets.toString()).doesNotContain(fromEnvironment).doesNotContain(fromFile);
    }

    @Test
    void rejectsShortSecrets() {
        assertThatThrownBy(() -> Secrets.from(Map.of(Secrets.CARRIER_GATEWAY_API_KEY, "short"), Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(Secrets.CARRIER_GATEWAY_API_KEY)
                .hasMessageNotContaining("short");
    }
}
