package io.eventgate.deploy.topology;

import io.eventgate.infra.aws.AwsClients;
import io.eventgate.infra.provision.Resource;
import io.eventgate.infra.settings.InfraSettings;
import io.eventgate.infra.settings.Secrets;
import io.eventgate.infra.settings.SettingsLoader;
import io.eventgate.infra.topology.GatewayTopology;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * gateway-infra's description of the gateway — the same settings ({@code topology.yaml} through its loader, merged
 * with an optional YAML file as {@code --config} does), the same resources in the same order — computed for AWS
 * without calling it.
 *
 * @param settings  the validated settings
 * @param resources every resource, in the order {@code gateway-infra apply} converges them
 */
public record GatewayDescription(InfraSettings settings, List<Resource> resources) {

    /**
     * @param config         a YAML file merged over {@code topology.yaml}, as gateway-infra's {@code --config}
     * @param stage          the API Gateway stage name
     * @param carrierBaseUrl the carrier's HTTPS base URL (may hold a CloudFormation parameter's token)
     */
    public static GatewayDescription load(Optional<Path> config, String stage, String carrierBaseUrl) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("aws.endpoint", "aws");
        overrides.put("aws.region", Sentinels.REGION);
        overrides.put("aws.accountId", Sentinels.ACCOUNT);
        // The roles are part of the description on AWS; the stack creates them from it.
        overrides.put("iam.manage", "true");
        overrides.put("gateway.stage", stage);
        overrides.put("carrier.outbound.baseUrl", carrierBaseUrl);
        // No environment: a synthesis must not depend on the shell it runs in.
        InfraSettings settings = new SettingsLoader(Map.of()).load(config, overrides);
        // The SDK clients are created but never called: only the resources' descriptions are read.
        try (AwsClients unused = new AwsClients(settings.aws())) {
            List<Resource> resources = new GatewayTopology(settings, Secrets.none(),
                    (variable, value) -> {
                        throw new IllegalStateException("the CDK app generates no secret values");
                    }, unused).resources();
            return new GatewayDescription(settings, resources);
        }
    }

    /** The resources of one kind, in order. */
    public <T extends Resource> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The one resource of a kind. */
    public <T extends Resource> T only(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + type.getSimpleName() + " in gateway-infra's description,"
                    + " found " + found.size());
        }
        return found.getFirst();
    }
}
