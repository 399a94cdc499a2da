package io.eventgate.infra.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(settings.carrierPartner().eventNames()).containsExactly("OrderShipped", "OrderDelivered",
                "OrderCancelled");
        assertThat(settings.carrierPartner().sources()).containsExactly("com.carrier");
        assertThat(settings.carrierPartner().apiKeyVariable()).isEqualTo(Secrets.CARRIER_GATEWAY_API_KEY);
        assertThat(settings.gateway().stage()).isEqualTo("local");
        assertThat(settings.carrier().outbound().shipmentsUrl()).isEqualTo("http://localhost:8081/shipments");
    }

    @Test
    void takesTheTablesFromTheServicesLayoutFiles() throws Exception {
        InfraSettings settings = new SettingsLoader(Map.of()).load(Optional.empty(), Map.of());

        assertThat(SettingsLoader.TABLE_LAYOUTS).hasSize(2);
        assertThat(settings.tables()).extracting(TableSettings::name).containsExactly("orders", "carrier-shipments");
        // The files themselves are the services' (copied by this module's build), not a copy kept beside them.
        for (String layout : SettingsLoader.TABLE_LAYOUTS) {
            String owner = layout.endsWith("orders.yaml") ? "orders-service" : "carrier-service";
            Path source = Path.of("..", owner, "src/main/resources", layout);
            try (var onClasspath = getClass().getClassLoader().getResourceAsStream(layout)) {
                assertThat(onClasspath).as(layout).isNotNull();
                assertThat(new String(onClasspath.readAllBytes())).isEqualTo(Files.readString(source));
            }
        }
        TableSettings orders = settings.tables().getFirst();
        assertThat(orders.streamViewType()).isEqualTo("NEW_IMAGE");
        assertThat(orders.timeToLiveAttribute()).isEqualTo("expiresAt");
        assertThat(orders.outputVariables()).containsExactly("EVENTGATE_ORDERS_TABLE_NAME");
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
                        "carrier.outbound.rateLimitPerSecond", "3"));

        assertThat(settings.aws().local()).isTrue();
        assertThat(settings.bus().name()).isEqualTo("from-env");
        assertThat(settings.gateway().stage()).isEqualTo("prod");
        assertThat(settings.carrier().outbound().shipmentsUrl()).isEqualTo("http://carrier-service:8081/shipments");
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
    void readsThePartnersFromAFileTheListReplacedAsAWhole() throws Exception {
        Path file = directory.resolve("partners.yaml");
        Files.writeString(file, partners("""
                  - {name: acme, apiKeyName: acme, usagePlanName: acme-plan, sources: [com.acme],
                     eventNames: [OrderDelivered], rateLimit: 5, burstLimit: 10, quotaLimit: 1000, quotaPeriod: DAY}
                """));

        InfraSettings settings = new SettingsLoader(Map.of()).load(Optional.of(file), Map.of());

        assertThat(settings.partners()).extracting(PartnerSettings::name).containsExactly("carrier", "acme");
        assertThat(settings.partners().get(1).apiKeyVariable()).isEqualTo("ACME_GATEWAY_API_KEY");
        assertThat(settings.partners().get(1).apiKeyIdVariable()).isEqualTo("ACME_GATEWAY_API_KEY_ID");
    }

    @Test
    void acceptsOnlyEventNamesThatHaveAContract() {
        assertThatThrownBy(() -> load(partners("""
                  - {name: acme, apiKeyName: acme, usagePlanName: acme-plan, sources: [com.acme],
                     eventNames: [OrderShiped], rateLimit: 5, burstLimit: 10, quotaLimit: 1000, quotaPeriod: DAY}
                """))).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("OrderShiped");
    }

    @Test
    void refusesATrustModelThatLetsAPartnerSpeakAsUsOrAsAnotherPartner() {
        assertThatThrownBy(() -> load(partners("""
                  - {name: acme, apiKeyName: acme, usagePlanName: acme-plan, sources: [eventgate.orders],
                     eventNames: [OrderDelivered], rateLimit: 5, burstLimit: 10, quotaLimit: 1000, quotaPeriod: DAY}
                """))).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("only orders-service");
        assertThatThrownBy(() -> load(partners("""
                  - {name: acme, apiKeyName: acme, usagePlanName: acme-plan, sources: [com.carrier],
                     eventNames: [OrderDelivered], rateLimit: 5, burstLimit: 10, quotaLimit: 1000, quotaPeriod: DAY}
                """))).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("belongs to one partner");
        assertThatThrownBy(() -> load(partners("""
                  - {name: acme, apiKeyName: acme, usagePlanName: acme-plan, sources: [aws.acme],
                     eventNames: [OrderDelivered], rateLimit: 5, burstLimit: 10, quotaLimit: 1000, quotaPeriod: DAY}
                """))).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("aws.acme");
        assertThatThrownBy(() -> new SettingsLoader(Map.of()).load(Optional.empty(),
                Map.of("carrier.partner", "nobody")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("carrier.partner");
    }

    /** The built-in carrier followed by more partners, as a YAML file would list them. */
    private static String partners(String more) {
        return """
                partners:
                  - {name: carrier, apiKeyName: carrier, usagePlanName: carrier-plan, sources: [com.carrier],
                     eventNames: [OrderShipped, OrderDelivered, OrderCancelled], rateLimit: 50, burstLimit: 100,
                     quotaLimit: 100000, quotaPeriod: DAY}
                """ + more;
    }

    private InfraSettings load(String yaml) throws Exception {
        Path file = Files.createTempFile(directory, "settings", ".yaml");
        Files.writeString(file, yaml);
        return new SettingsLoader(Map.of()).load(Optional.of(file), Map.of());
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
                Map.of(Secrets.CARRIER_INBOUND_API_KEY, fromFile, Secrets.CARRIER_GATEWAY_API_KEY, fromFile),
                List.of(Secrets.CARRIER_GATEWAY_API_KEY, "ACME_GATEWAY_API_KEY"));

        assertThat(secrets.carrierInboundApiKey()).contains(fromEnvironment);
        assertThat(secrets.carrierGatewayApiKey()).contains(fromFile);
        assertThat(secrets.gatewayApiKey("ACME_GATEWAY_API_KEY")).isEmpty();
        assertThat(secrets.toString()).doesNotContain(fromEnvironment).doesNotContain(fromFile);
    }

    @Test
    void rejectsShortSecrets() {
        assertThatThrownBy(() -> Secrets.from(Map.of(Secrets.CARRIER_GATEWAY_API_KEY, "short"), Map.of(),
                List.of(Secrets.CARRIER_GATEWAY_API_KEY)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(Secrets.CARRIER_GATEWAY_API_KEY)
                .hasMessageNotContaining("short");
    }
}
