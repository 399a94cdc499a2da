package io.eventgate.infra;

import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.localstack.LocalStackSetup;
import io.eventgate.infra.localstack.ServiceProcess;
import io.eventgate.infra.outputs.OutputsFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow on LocalStack, the containerised option: {@code gateway-infra apply} (verified, and a second apply
 * that changes nothing), then carrier-service and orders-service as processes on the host, started from their jars
 * with the outputs as settings, exactly as {@code ./eventgate run} does; three orders each reach the carrier through
 * the API destination, are dispatched and come back SHIPPED through the gateway, the bus and the inbox. The second and
 * third order are the point: LocalStack sends the {@code Idempotency-Key} header as the literal {@code $.id}, so only
 * the body's event id keeps them apart.
 *
 * <p>Runs only where Docker and a {@code LOCALSTACK_AUTH_TOKEN} are available (LocalStack's image needs the token since
 * 2026-03); skipped otherwise. With the token set, Maven packages both services before this module's tests (profile
 * {@code localstack-flow} in this module's pom). LocalStack enforces neither queue policies nor retry policies, so
 * this proves the flow, and the local-cloud tests prove the enforcement. Service logs land in
 * {@code target/localstack-flow/}.
 */
@EnabledIfEnvironmentVariable(named = "LOCALSTACK_AUTH_TOKEN", matches = ".+",
        disabledReason = "LocalStack's image needs LOCALSTACK_AUTH_TOKEN")
@org.testcontainers.junit.jupiter.Testcontainers(disabledWithoutDocker = true)
class LocalStackTopologyTest {

    private static final Path LOGS = Path.of("target", "localstack-flow");
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final HttpClient http = HttpClient.newHttpClient();
    /** The carrier's back office (dispatch, reading a shipment) needs its own credential, as on every deployment. */
    private static final String BACK_OFFICE_PASSWORD = "localstack-flow-back-office-" + java.util.UUID.randomUUID();

    @TempDir
    static Path directory;

    private static LocalStackContainer localstack;
    private static int carrierPort;
    private static int ordersPort;
    private static final List<ServiceProcess> services = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        carrierPort = ServiceProcess.freePort();
        ordersPort = ServiceProcess.freePort();
        // The API destination calls out of the container: the carrier is reachable there as host.testcontainers.internal.
        Testcontainers.exposeHostPorts(carrierPort);
        String image = System.getenv().getOrDefault("LOCALSTACK_IMAGE", LocalStackSetup.IMAGE);
        localstack = new LocalStackContainer(DockerImageName.parse(image).asCompatibleSubstituteFor(
                "localstack/localstack"))
                .withEnv("LOCALSTACK_AUTH_TOKEN", System.getenv("LOCALSTACK_AUTH_TOKEN"))
                .withEnv(LocalStackSetup.environment());
        localstack.start();
    }

    @AfterAll
    static void stop() {
        services.reversed().forEach(ServiceProcess::close);
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Test
    void appliesTheTopologyAndCarriesThreeOrdersToTheCarrierAndBackAsShipped() throws Exception {
        Path envFile = directory.resolve(".env");
        Cli cli = new Cli(Map.of());
        String[] target = {"--endpoint", localstack.getEndpoint().toString(), "--region", localstack.getRegion(),
                "--env-file", envFile.toString(),
                "--set", "carrier.outbound.baseUrl=http://host.testcontainers.internal:" + carrierPort};

        Cli.Run apply = cli.run(concat("apply", target));
        Cli.Run again = cli.run(concat("apply", target));

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).as(again.out()).contains("No changes.");

        Map<String, String> settings = new HashMap<>(new OutputsFile(envFile).read());
        settings.put("AWS_ACCESS_KEY_ID", "test");
        settings.put("AWS_SECRET_ACCESS_KEY", "test");
        settings.put("EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD", BACK_OFFICE_PASSWORD);
        ServiceProcess carrier = start("carrier-service", "eventgate.carrier-service.jar", carrierPort, settings);
        ServiceProcess orders = start("orders-service", "eventgate.orders-service.jar", ordersPort, settings);
        carrier.awaitHealthy(Duration.ofSeconds(120));
        orders.awaitHealthy(Duration.ofSeconds(120));

        for (int n = 1; n <= 3; n++) {
            String orderId = placeOrder(orders, n);

            await("order " + n + " reaches the carrier").atMost(DELIVERY).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(get(carrier, "/shipments/" + orderId).statusCode())
                            .as(carrier.tail()).isEqualTo(200));
            assertThat(json(get(carrier, "/shipments/" + orderId)).path("status").asString()).isEqualTo("RECEIVED");
            HttpResponse<String> dispatched = post(carrier, "/shipments/" + orderId + "/dispatch", null);
            assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
            await("order " + n + " SHIPPED").atMost(DELIVERY).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(json(get(orders, "/orders/" + orderId)).path("status")
                            .asString()).as(orders.tail()).isEqualTo("SHIPPED"));
        }
        assertThat(json(get(carrier, "/shipments?status=SHIPPED&limit=10")).path("shipments")).hasSize(3);

        services.reversed().forEach(ServiceProcess::close);
        services.clear();
        Cli.Run destroy = cli.run(concat("destroy", target));
        assertThat(destroy.exitCode()).as(destroy.out() + destroy.err()).isZero();
        assertThat(cli.run(concat("plan", target)).out()).contains("Plan: 21 to create");
    }

    private static ServiceProcess start(String name, String jarProperty, int port, Map<String, String> settings)
            throws Exception {
        ServiceProcess process = ServiceProcess.start(name, jarProperty, port, settings, LOGS);
        services.add(process);
        return process;
    }

    private static String placeOrder(ServiceProcess orders, int n) throws Exception {
        HttpResponse<String> created = post(orders, "/orders", """
                {"customerId":"c-%d","items":[{"sku":"SKU-%d","quantity":%d,"unitPrice":9.99}],
                 "shippingAddress":{"name":"Ada Lovelace","line1":"1 Analytical St","city":"London",
                                    "postalCode":"N1 9GU","country":"GB"}}""".formatted(n, n, n));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonDocs.read(created.body()).path("id").asString();
    }

    private static HttpResponse<String> get(ServiceProcess service, String path) throws Exception {
        return http.send(authorized(service, HttpRequest.newBuilder(service.base().resolve(path))
                        .timeout(Duration.ofSeconds(10))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ServiceProcess service, String path, String body) throws Exception {
        HttpRequest.Builder request = authorized(service, HttpRequest.newBuilder(service.base().resolve(path))
                .timeout(Duration.ofSeconds(10)));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The carrier's requests here are all back-office ones; the orders ones used here are open. */
    private static HttpRequest.Builder authorized(ServiceProcess service, HttpRequest.Builder request) {
        if (service.base().getPort() == carrierPort) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    ("back-office:" + BACK_OFFICE_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonDocs.read(response.body());
    }

    private static String[] concat(String command, String[] target) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(target));
        return all.toArray(String[]::new);
    }
}
