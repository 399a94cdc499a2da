package io.eventgate.infra;

import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.outputs.OutputsFile;
import io.eventgate.infra.settings.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code apply} checks that what it created works: a connection EventBridge deauthorized (here with AWS's own
 * {@code DeauthorizeConnection}, which removes its secret) fails the run with the reason and the remedy when the run
 * does not know the key, and is re-authorized by a run that does. Through the CLI, against local-cloud.
 */
class ApplyVerificationOnLocalCloudTest {

    private static final String ORDER_CREATED = """
            {"metadata":{"eventName":"OrderCreated","eventSchemaVersion":"1","correlationId":"corr-9"},
             "data":{"orderId":"ord-9","customerId":"cust-9","items":[{"sku":"SKU-1","quantity":1,"unitPrice":1}],
                     "shippingAddress":{"name":"N","line1":"L","city":"C","postalCode":"P","country":"DE"},
                     "createdAt":"2026-11-23T10:00:00Z"}}""";

    @TempDir
    static Path directory;

    @RegisterExtension
    static final OwnLocalCloud own = new OwnLocalCloud();

    @Test
    void failsWhileTheConnectionIsDeauthorizedAndItsKeyUnknownThenReauthorizesItWithTheKey() {
        Path envFile = directory.resolve(".env");
        Cli.Run first = new Cli(Map.of()).run(args(envFile));
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        String key = new OutputsFile(envFile).read().get(Secrets.CARRIER_INBOUND_API_KEY);
        own.aws.events().deauthorizeConnection(b -> b.name("carrier-connection"));
        // Another run that does not know the inbound key: its outputs file holds everything else.
        Path withoutKey = directory.resolve("without-key.env");
        Map<String, String> known = new LinkedHashMap<>(new OutputsFile(envFile).read());
        known.keySet().removeIf(name -> known.get(name).equals(key));
        new OutputsFile(withoutKey).write(known);

        Cli.Run blind = new Cli(Map.of()).run(args(withoutKey));

        assertThat(blind.exitCode()).as(blind.out() + blind.err()).isEqualTo(1);
        assertThat(blind.out())
                .contains("! eventbridge connection carrier-connection  FAILED: connection carrier-connection is"
                        + " DEAUTHORIZED (Deauthorized by DeauthorizeConnection)")
                .contains("Set CARRIER_INBOUND_API_KEY")
                .contains("Apply incomplete")
                .doesNotContain(key);

        Cli.Run fixed = new Cli(Map.of(Secrets.CARRIER_INBOUND_API_KEY, key)).run(args(withoutKey));

        assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
        assertThat(fixed.out()).contains("~ eventbridge connection carrier-connection")
                .contains("state DEAUTHORIZED (Deauthorized by DeauthorizeConnection) -> AUTHORIZED");
        assertThat(own.aws.events().describeConnection(b -> b.name("carrier-connection")).connectionStateAsString())
                .isEqualTo("AUTHORIZED");
        own.aws.events().putEvents(b -> b.entries(e -> e.eventBusName("eventgate").source("eventgate.orders")
                .detailType("OrderCreated").detail(ORDER_CREATED)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(own.carrier.requests())
                .anySatisfy(r -> {
                    assertThat(r.header("x-api-key")).isEqualTo(key);
                    assertThat(JsonDocs.read(r.body()).path("orderId").asString()).isEqualTo("ord-9");
                }));
    }

    private static String[] args(Path envFile) {
        return List.of("apply", "--endpoint", own.cloud.endpoint().toString(), "--env-file", envFile.toString(),
                "--set", "carrier.outbound.baseUrl=" + own.carrier.baseUrl()).toArray(String[]::new);
    }
}
