package io.eventgate.deploy;

import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awscdk.Environment;
import software.constructs.Node;

/**
 * What is decided at synthesis (CDK context, {@code cdk synth -c name=value}); everything decided at deployment is a
 * CloudFormation parameter of the stacks instead.
 *
 * @param region         the region the stacks are for ({@code eventgate:region}, else the CLI's
 *                       {@code CDK_DEFAULT_REGION}); the load balancer's access logging needs it at synthesis
 * @param account        the account, needed only to look an existing VPC up (the CLI's {@code CDK_DEFAULT_ACCOUNT})
 * @param stage          the API Gateway stage ({@code eventgate:stage}, default {@code prod})
 * @param topologyConfig a YAML file merged over gateway-infra's {@code topology.yaml}
 *                       ({@code eventgate:topologyConfig})
 * @param existingVpcId  deploy into this VPC instead of a new one ({@code eventgate:vpcId})
 */
public record DeploySettings(String region, Optional<String> account, String stage, Optional<Path> topologyConfig,
                             Optional<String> existingVpcId) {

    public static final String REGION = "eventgate:region";
    public static final String STAGE = "eventgate:stage";
    public static final String TOPOLOGY_CONFIG = "eventgate:topologyConfig";
    public static final String VPC_ID = "eventgate:vpcId";

    public DeploySettings {
        if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("the stacks need their region at synthesis: configure one for the AWS"
                    + " CLI (AWS_REGION or the profile's region, which cdk passes on), or pass -c " + REGION
                    + "=<region>; was " + region);
        }
        if (existingVpcId.isPresent() && account.isEmpty()) {
            throw new IllegalArgumentException("looking up " + existingVpcId.get() + " needs the account: run cdk with"
                    + " credentials of the target account");
        }
    }

    /** A new VPC, stage {@code prod}, gateway-infra's topology as it is. */
    public static DeploySettings defaults(String region) {
        return new DeploySettings(region, Optional.empty(), "prod", Optional.empty(), Optional.empty());
    }

    /**
     * @param defaultRegion  the CLI's {@code CDK_DEFAULT_REGION}, if set
     * @param defaultAccount the CLI's {@code CDK_DEFAULT_ACCOUNT}, if set
     */
    public static DeploySettings from(Node context, Optional<String> defaultRegion, Optional<String> defaultAccount) {
        Optional<String> vpcId = text(context, VPC_ID);
        return new DeploySettings(text(context, REGION).or(() -> defaultRegion).orElse(null),
                vpcId.isPresent() ? defaultAccount : Optional.empty(), text(context, STAGE).orElse("prod"),
                text(context, TOPOLOGY_CONFIG).map(Path::of), vpcId);
    }

    /** The stacks' environment: always the region; the account only when a lookup needs it. */
    public Environment environment() {
        return Environment.builder().region(region).account(account.orElse(null)).build();
    }

    private static Optional<String> text(Node context, String key) {
        return Optional.ofNullable(context.tryGetContext(key)).map(String::valueOf).filter(value -> !value.isBlank());
    }
}
