package io.eventgate.infra;

import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.localstack.LocalStackSetup;
import io.eventgate.infra.outputs.OutputsFile;
import io.eventgate.testprocesses.Program;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
    private static final List<Program> services = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        carrierPort = Program.freePort();
        ordersPort = Program.freePort();
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
    static void stop() throws InterruptedException {
        closeServices();
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
        Program carrier = start("carrier-service", carrierPort, settings);
        Program orders = start("orders-service", ordersPort, settings);
        carrier.awaitHealthy(base(carrierPort).resolve("/actuator/health"), Duration.ofSeconds(120));
        orders.awaitHealthy(base(ordersPort).resolve("/actuator/health"), Duration.ofSeconds(120));

        for (int n = 1; n <= 3; n++) {
            String orderId = placeOrder(n);

            await("order " + n + " reaches the carrier").atMost(DELIVERY).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(get(carrierPort, "/shipments/" + orderId).statusCode())
                            .as(carrier.tail()).isEqualTo(200));
            assertThat(json(get(carrierPort, "/shipments/" + orderId)).path("status").asString()).isEqualTo("RECEIVED");
            HttpResponse<String> dispatched = post(carrierPort, "/shipments/" + orderId + "/dispatch", null);
            assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
            await("order " + n + " SHIPPED").atMost(DELIVERY).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(json(get(ordersPort, "/orders/" + orderId)).path("status")
                            .asString()).as(orders.tail()).isEqualTo("SHIPPED"));
        }
        assertThat(json(get(carrierPort, "/shipments?status=SHIPPED&limit=10")).path("shipments")).hasSize(3);

        closeServices();
        Cli.Run destroy = cli.run(concat("destroy", target));
        assertThat(destroy.exitCode()).as(destroy.out() + destroy.err()).isZero();
        assertThat(cli.run(concat("plan", target)).out()).contains("Plan: 21 to create");
    }

    /** A service from its jar on the port, as {@code ./eventgate run} starts it: settings from the environment. */
    private static Program start(String name, int port, Map<String, String> settings) throws Exception {
        Program process = Program.of(Files.createDirectories(LOGS), name, List.of("-XX:TieredStopAtLevel=1"),
                List.of("--server.port=" + port), settings).start();
        services.add(process);
        return process;
    }

    private static void closeServices() throws InterruptedException {
        for (Program service : services.reversed()) {
            service.close();
        }
        services.clear();
    }

    private static URI base(int port) {
        return URI.create("http://localhost:" + port);
    }

    private static String placeOrder(int n) throws Exception {
        HttpResponse<String> created = post(ordersPort, "/orders", """
                {"customerId":"c-%d","items":[{"sku":"SKU-%d","quantity":%d,"unitPrice":9.99}],
                 "shippingAddress":{"name":"Ada Lovelace","line1":"1 Analytical St","city":"London",
                                    "postalCode":"N1 9GU","country":"GB"}}""".formatted(n, n, n));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonDocs.read(created.body()).path("id").asString();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(authorized(port, HttpRequest.newBuilder(base(port).resolve(path))
                        .timeout(Duration.ofSeconds(10))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int port, String path, String body) throws Exception {
        HttpRequest.Builder request = authorized(port, HttpRequest.newBuilder(base(port).resolve(path))
                .timeout(Duration.ofSeconds(10)));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The carrier's requests here are all back-office ones; the orders ones used here are open. */
    private static HttpRequest.Builder authorized(int port, HttpRequest.Builder request) {
        if (port == carrierPort) {
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
