package io.eventgate.deploy;

import io.eventgate.deploy.services.Network;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cloud_assembly_schema.ContextProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A new VPC over two zones, or an existing one found by id. */
class NetworkTest {

    @Test
    void buildsAVpcOverTwoZonesWithOneNatGatewayAndRejectedTrafficLogged() {
        Template services = Synthesized.APP.services.template();

        services.resourceCountIs("AWS::EC2::VPC", 1);
        services.resourceCountIs("AWS::EC2::Subnet", 4);
        services.resourceCountIs("AWS::EC2::NatGateway", 1);
        services.hasResourceProperties("AWS::EC2::FlowLog", Map.of("TrafficType", "REJECT",
                "LogDestinationType", "cloud-watch-logs"));
    }

    @Test
    void looksAnExistingVpcUpInsteadOfBuildingOne() {
        App app = new App();
        Stack stack = new Stack(app, "Lookup", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-central-1").build()).build());

        new Network(stack, "Network", Optional.of("vpc-0123456789abcdef0"));

        assertThat(Template.fromStack(stack).findResources("AWS::EC2::VPC")).isEmpty();
        assertThat(app.synth().getManifest().getMissing()).singleElement().satisfies(missing -> {
            assertThat(missing.getProvider()).isEqualTo(ContextProvider.VPC_PROVIDER);
            assertThat(missing.getKey()).contains("vpc-0123456789abcdef0").contains("123456789012");
        });
    }

    @Test
    void needsTheRegionAndForALookupTheAccount() {
        assertThatThrownBy(() -> DeploySettings.defaults(null)).hasMessageContaining("-c eventgate:region=");
        assertThatThrownBy(() -> new DeploySettings("eu-central-1", Optional.empty(), "prod", Optional.empty(),
                Optional.of("vpc-1"))).hasMessageContaining("needs the account");
    }
}
