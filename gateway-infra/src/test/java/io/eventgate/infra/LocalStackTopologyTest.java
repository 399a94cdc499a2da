package io.eventgate.infra;

import io.eventgate.infra.aws.AwsClients;
import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.outputs.OutputsFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same topology applied to LocalStack, the containerised option. Runs only where Docker and a
 * {@code LOCALSTACK_AUTH_TOKEN} are available (LocalStack's image needs the token since 2026-03); skipped otherwise.
 *
 * <p>LocalStack checks API keys but enforces neither queue policies nor retry policies, so this proves that the
 * topology applies, converges and carries events there; the local-cloud test proves the enforcement.
 */
@EnabledIfEnvironmentVariable(named = "LOCALSTACK_AUTH_TOKEN", matches = ".+",
        disabledReason = "LocalStack's image needs LOCALSTACK_AUTH_TOKEN")
@org.testcontainers.junit.jupiter.Testcontainers(disabledWithoutDocker = true)
class LocalStackTopologyTest {

    /** Override with LOCALSTACK_IMAGE to pin a calendar-versioned tag. */
    private static final String DEFAULT_IMAGE = "localstack/localstack:2026.08.3";

    @TempDir
    static Path directory;

    private static LocalStackContainer localstack;
    private static StubCarrier carrier;

    @BeforeAll
    static void start() throws Exception {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        carrier = new StubCarrier();
        // API destinations call out of the container: the stub is reachable there as host.testcontainers.internal.
        Testcontainers.exposeHostPorts(carrier.port());
        String image = System.getenv().getOrDefault("LOCALSTACK_IMAGE", DEFAULT_IMAGE);
        localstack = new LocalStackContainer(DockerImageName.parse(image).asCompatibleSubstituteFor(
                "localstack/localstack"))
                .withEnv("LOCALSTACK_AUTH_TOKEN", token)
                .withServices("dynamodb", "sqs", "events", "apigateway", "sts");
        localstack.start();
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            localstack.stop();
        }
        if (carrier != null) {
            carrier.close();
        }
    }

    @Test
    void appliesTheTopologyIdempotentlyAndCarriesEventsBothWays() throws Exception {
        Path envFile = directory.resolve(".env");
        Cli cli = new Cli(Map.of());
        String[] target = {"--endpoint", localstack.getEndpoint().toString(), "--region", localstack.getRegion(),
                "--env-file", envFile.toString(),
                "--set", "carrier.outbound.baseUrl=http://host.testcontainers.internal:" + carrier.port()};

        Cli.Run apply = cli.run(concat("apply", target));
        Cli.Run again = cli.run(concat("apply", target));

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(again.out()).as(again.out()).contains("No changes.");
        Map<String, String> outputs = new OutputsFile(envFile).read();
        try (AwsClients aws = new AwsClients(LocalTopology.settings(localstack.getEndpoint(), Map.of()).aws())) {
            String eventId = aws.events().putEvents(b -> b.entries(e -> e.eventBusName("eventgate")
                    .source("eventgate.orders").detailType("OrderCreated").detail("""
                            {"metadata":{"eventName":"OrderCreated","eventSchemaVersion":"1","correlationId":"c-1"},
                             "data":{"orderId":"o-1","customerId":"c-1",
                                     "items":[{"sku":"A","quantity":1,"unitPrice":1}],
                                     "shippingAddress":{"name":"N","line1":"L","city":"C","postalCode":"P",
                                                        "country":"DE"},
                                     "createdAt":"2026-11-23T10:00:00Z"}}""")))
                    .entries().getFirst().eventId();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(carrier.requests())
                    .anySatisfy(r -> {
                        assertThat(r.path()).isEqualTo("/shipments");
                        assertThat(r.header("x-api-key")).isEqualTo(outputs.get("CARRIER_INBOUND_API_KEY"));
                        assertThat(r.header("Idempotency-Key")).isEqualTo(eventId);
                        assertThat(JsonDocs.read(r.body()).path("orderId").asString()).isEqualTo("o-1");
                    }));

            HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(outputs.get("GATEWAY_URL")))
                    .header("Content-Type", "application/json")
                    .header("x-api-key", outputs.get("CARRIER_GATEWAY_API_KEY"))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"metadata":{"source":"com.carrier","eventName":"OrderShipped","eventSchemaVersion":"1"},
                             "data":{"orderId":"o-1","trackingNumber":"T","carrier":"X",
                                     "shippedAt":"2026-11-23T11:00:00Z"}}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            List<Message> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                received.addAll(aws.sqs().receiveMessage(b -> b.queueUrl(outputs.get("ORDERS_INBOX_QUEUE_URL"))
                        .waitTimeSeconds(1)).messages());
                assertThat(received).isNotEmpty();
            });
            assertThat(JsonDocs.read(received.getFirst().body()).at("/detail/metadata/apiKeyId").asString())
                    .isEqualTo(outputs.get("CARRIER_GATEWAY_API_KEY_ID"));
        }

        Cli.Run destroy = cli.run(concat("destroy", target));
        assertThat(destroy.exitCode()).as(destroy.out() + destroy.err()).isZero();
        assertThat(cli.run(concat("plan", target)).out()).contains("Plan: 21 to create");
    }

    private static String[] concat(String command, String[] target) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(target));
        return all.toArray(String[]::new);
    }
}
