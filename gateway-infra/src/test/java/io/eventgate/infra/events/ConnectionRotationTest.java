package io.eventgate.infra.events;

import io.eventgate.infra.LocalTopology;
import io.eventgate.infra.SharedLocalCloud;
import io.eventgate.infra.StubCarrier;
import io.eventgate.infra.aws.AwsClients;
import io.eventgate.infra.aws.CloudErrors;
import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Provisioner;
import io.eventgate.infra.provision.Report;
import io.eventgate.infra.provision.Resource;
import io.eventgate.infra.settings.SecretKeeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The connection's key: generated and kept once, verified without being readable, rotated when it changes. */
class ConnectionRotationTest {

    private static final String BUS = "rotation-test";
    private static AwsClients aws;
    private static StubCarrier carrier;
    private final Provisioner provisioner = new Provisioner(CloudErrors::describe);
    private final List<String> kept = new ArrayList<>();
    private final SecretKeeper keeper = (name, value) -> kept.add(name + "=" + value);

    @BeforeAll
    static void start() throws Exception {
        aws = new AwsClients(LocalTopology.settings(SharedLocalCloud.get().endpoint(), Map.of()).aws());
        carrier = new StubCarrier();
    }

    @AfterAll
    static void stop() {
        aws.close();
        carrier.close();
    }

    private List<Resource> topology(Optional<String> key) {
        return List.of(new EventBusResource(BUS, aws.events()),
                new ConnectionResource("rotation-connection", "x-api-key", key, keeper, aws.events()),
                new ApiDestinationResource("rotation-destination", "rotation-connection",
                        carrier.baseUrl() + "/shipments", 50, aws.events()),
                new RuleResource("rotation-rule", BUS, facts -> new RuleResource.Desired("test",
                        "{\"source\":[\"test\"]}", List.of(Target.builder().id("carrier")
                        .arn(facts.require(ApiDestinationResource.arnFact("rotation-destination")))
                        .roleArn(aws.arns().role("test")).build())), aws.events()));
    }

    @Test
    void generatesAKeyOnceThenRotatesItWhenTheConfiguredOneDiffers() {
        Report created = provisioner.apply(topology(Optional.empty()));
        assertThat(created.succeeded()).as(created.outcomes().toString()).isTrue();
        assertThat(kept).singleElement().satisfies(k -> assertThat(k).startsWith("CARRIER_INBOUND_API_KEY="));
        String generated = kept.getFirst().substring("CARRIER_INBOUND_API_KEY=".length());
        assertThat(aws.events().describeConnection(b -> b.name("rotation-connection")).description())
                .doesNotContain(generated);
        assertThat(keyReceivedFor("first")).isEqualTo(generated);

        assertThat(provisioner.plan(topology(Optional.of(generated))).changes()).isEmpty();
        String rotated = "rotated-key-0123456789abcdefghij";
        Report plan = provisioner.plan(topology(Optional.of(rotated)));
        Report applied = provisioner.apply(topology(Optional.of(rotated)));

        assertThat(plan.changes()).singleElement().satisfies(o -> {
            assertThat(o.change().action()).isEqualTo(Change.Action.UPDATE);
            assertThat(o.change().details()).containsExactly("api key value: rotated");
        });
        assertThat(applied.succeeded()).isTrue();
        assertThat(keyReceivedFor("second")).isEqualTo(rotated);
        assertThat(provisioner.plan(topology(Optional.of(rotated))).changes()).isEmpty();
        assertThat(kept).as("a configured key is never generated or kept").hasSize(1);
    }

    private static String keyReceivedFor(String marker) {
        aws.events().putEvents(b -> b.entries(e -> e.eventBusName(BUS).source("test").detailType("Test")
                .detail("{\"marker\":\"" + marker + "\"}")));
        return await().atMost(Duration.ofSeconds(20)).until(() -> carrier.requests().stream()
                        .filter(r -> r.body().contains(marker)).findFirst(), Optional::isPresent)
                .orElseThrow().header("x-api-key");
    }
}
