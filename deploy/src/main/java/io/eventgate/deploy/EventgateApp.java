package io.eventgate.deploy;

import io.eventgate.deploy.gateway.GatewayStack;
import io.eventgate.deploy.nag.NagRules;
import io.eventgate.deploy.services.ServicesStack;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/** The two stacks of the deployment, checked by cdk-nag's AwsSolutions pack. */
public final class EventgateApp {

    public static final String GATEWAY_STACK = "EventgateGateway";
    public static final String SERVICES_STACK = "EventgateServices";

    /** The app's stacks. */
    public record Stacks(GatewayStack gateway, ServicesStack services) {
    }

    private EventgateApp() {
    }

    public static Stacks build(App app, DeploySettings settings) {
        StackProps.Builder props = StackProps.builder().env(settings.environment());
        GatewayStack gateway = new GatewayStack(app, GATEWAY_STACK, props
                .description("eventgate: the event gateway (bus, rules, API destination, queues, tables, partner API)")
                .build(), settings.topologyConfig(), settings.stage());
        ServicesStack services = new ServicesStack(app, SERVICES_STACK, props
                .description("eventgate: orders-service and carrier-service on ECS Fargate behind HTTPS")
                .build(), gateway, settings.existingVpcId());
        Tags.of(app).add("project", "eventgate");
        NagRules.apply(app, gateway, services);
        return new Stacks(gateway, services);
    }
}
