package io.eventgate.deploy;

import io.eventgate.deploy.gateway.EventGateway;
import io.eventgate.deploy.topology.GatewayDescription;
import io.eventgate.deploy.topology.Sentinels;
import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing of gateway-infra's description is left out of the AWS deployment without the synthesis saying so. */
class EventGatewayTest {

    @Test
    void refusesAResourceKindItDoesNotTranslate() {
        GatewayDescription description = GatewayParityTest.description(Optional.empty());
        List<Resource> resources = new ArrayList<>(description.resources());
        resources.add(new Resource() {
            @Override
            public String kind() {
                return "sns topic";
            }

            @Override
            public String name() {
                return "partner-notifications";
            }

            @Override
            public Change plan(Facts facts) {
                return Change.none();
            }

            @Override
            public Change planDeletion(Facts facts) {
                return Change.none();
            }
        });

        assertThatThrownBy(() -> new EventGateway(new Stack(new App(), "Probe"), "Gateway",
                new GatewayDescription(description.settings(), resources)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("sns topic").hasMessageContaining("partner-notifications")
                .hasMessageContaining("does not build yet");
    }

    @Test
    void refusesToDeployAStandInAccountItCannotReplace() {
        assertThat(Sentinels.resolve("arn:aws:sqs:" + Sentinels.REGION + ":" + Sentinels.ACCOUNT + ":q"))
                .doesNotContain(Sentinels.ACCOUNT).doesNotContain(Sentinels.REGION);
        assertThatThrownBy(() -> Sentinels.resolve("role/" + Sentinels.ACCOUNT + "-x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stand-in");
    }
}
