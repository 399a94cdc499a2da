package io.eventgate.deploy.services;

import io.eventgate.deploy.gateway.GatewayStack;
import io.eventgate.deploy.secrets.GeneratedSecrets;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.route53.CfnRecordSet;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * Both services on ECS Fargate: VPC, cluster, the public HTTPS load balancer, one Fargate service each with exactly
 * the permissions it needs, autoscaling and alarms. Images come from ECR; the gateway's names, secrets and table come
 * from the gateway stack.
 */
public final class ServicesStack extends Stack {

    static final int ORDERS_PORT = 8080;
    static final int CARRIER_PORT = 8081;
    /** The services' settings for their own credentials (Spring's relaxed binding of the properties). */
    static final String CARRIER_BACK_OFFICE_PASSWORD = "EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD";
    static final String ORDERS_OPERATOR_PASSWORD = "EVENTGATE_ORDERS_OPERATOR_PASSWORD";

    private final List<ISecret> serviceCredentials;
    private final OrdersService orders;
    private final CarrierService carrier;
    private final PublicEndpoint endpoint;

    public ServicesStack(Construct scope, String id, StackProps props, GatewayStack gateway,
                         Optional<String> existingVpcId) {
        super(scope, id, props);
        addDependency(gateway);
        String certificateArn = parameter("CertificateArn", null,
                "^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/.+$",
                "ACM certificate (same region) for the carrier's and the orders API's names").getValueAsString();
        String ordersDomain = parameter("OrdersDomainName", null, "^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$",
                "The name clients reach orders-service at, e.g. orders.example.com (covered by the certificate)")
                .getValueAsString();
        CfnParameter hostedZone = parameter("HostedZoneId", "", "^(Z[A-Z0-9]+)?$",
                "A Route 53 hosted zone to create both names in (empty: point them at the load balancer yourself)");

        Network network = new Network(this, "Network", existingVpcId);
        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .clusterName("eventgate")
                .vpc(network.vpc())
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();
        endpoint = new PublicEndpoint(this, "Endpoint", network.vpc(), certificateArn);

        // The services' own credentials, apart from the partner keys: the carrier's back office, orders' operators.
        ISecret backOffice = GeneratedSecrets.generated(this, "carrier-back-office-password",
                "carrier-service's back-office password (HTTP Basic, user back-office)");
        ISecret operator = GeneratedSecrets.generated(this, "orders-operator-password",
                "orders-service's operator password (HTTP Basic, user operator): listing orders");
        serviceCredentials = List.of(backOffice, operator);

        carrier = new CarrierService(this, "Carrier", new SpringBootService.Props("carrier-service", CARRIER_PORT,
                ServiceSize.SMALL, Shutdown.DEFAULT, image("Carrier", "eventgate/carrier-service"),
                gateway.carrier().withSecret(CARRIER_BACK_OFFICE_PASSWORD, backOffice),
                cluster, endpoint.https(),
                // Only what the API destination calls is public; the carrier's back office stays inside the VPC.
                List.of(ListenerCondition.hostHeaders(List.of(gateway.carrierDomainName())),
                        ListenerCondition.pathPatterns(List.of("/shipments")),
                        ListenerCondition.httpRequestMethods(List.of("POST"))), 10));
        orders = new OrdersService(this, "Orders", new SpringBootService.Props("orders-service", ORDERS_PORT,
                ServiceSize.SMALL, Shutdown.DEFAULT, image("Orders", "eventgate/orders-service"),
                gateway.orders().withSecret(ORDERS_OPERATOR_PASSWORD, operator),
                cluster, endpoint.https(), List.of(ListenerCondition.hostHeaders(List.of(ordersDomain))), 20),
                gateway.bus(), gateway.ordersInbox());

        new ServiceAlarms(this, "CarrierAlarms", gateway.alarmTopic(), "carrier-service", carrier.fargate());
        new ServiceAlarms(this, "OrdersAlarms", gateway.alarmTopic(), "orders-service", orders.fargate());
        dns(hostedZone, List.of(gateway.carrierDomainName(), ordersDomain));

        CfnOutput.Builder.create(this, "LoadBalancerDnsName").value(endpoint.loadBalancer().getLoadBalancerDnsName())
                .description("Point both names here (CNAME or alias) when no hosted zone was given").build();
        CfnOutput.Builder.create(this, "OrdersUrl").value("https://" + ordersDomain + "/orders")
                .description("orders-service's API").build();
        CfnOutput.Builder.create(this, "CarrierBackOfficePasswordSecret").value(backOffice.getSecretArn())
                .description("Secrets Manager: the carrier back office's password (user back-office)").build();
        CfnOutput.Builder.create(this, "OrdersOperatorPasswordSecret").value(operator.getSecretArn())
                .description("Secrets Manager: the orders operator's password (user operator)").build();
    }

    /** The secrets of the services' own credentials. */
    public List<ISecret> serviceCredentials() {
        return serviceCredentials;
    }

    public OrdersService orders() {
        return orders;
    }

    public CarrierService carrier() {
        return carrier;
    }

    public PublicEndpoint endpoint() {
        return endpoint;
    }

    /** An image from an ECR repository of this account and region, by repository name and tag. */
    private ContainerImage image(String service, String defaultRepository) {
        String repository = parameter(service + "ImageRepository", defaultRepository, "^[a-z0-9][a-z0-9._/-]*$",
                "ECR repository of " + service.toLowerCase() + "-service's image").getValueAsString();
        String tag = parameter(service + "ImageTag", null, "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$",
                "The image tag to deploy (e.g. the git commit)").getValueAsString();
        return ContainerImage.fromEcrRepository(Repository.fromRepositoryName(this, service + "Repository",
                repository), tag);
    }

    /** Alias records for the names, created only when a hosted zone is given. */
    private void dns(CfnParameter hostedZone, List<String> names) {
        CfnCondition hasZone = CfnCondition.Builder.create(this, "HasHostedZone")
                .expression(Fn.conditionNot(Fn.conditionEquals(hostedZone.getValueAsString(), "")))
                .build();
        for (int i = 0; i < names.size(); i++) {
            CfnRecordSet record = CfnRecordSet.Builder.create(this, "Alias" + i)
                    .hostedZoneId(hostedZone.getValueAsString())
                    .name(names.get(i))
                    .type("A")
                    .aliasTarget(CfnRecordSet.AliasTargetProperty.builder()
                            .dnsName(endpoint.loadBalancer().getLoadBalancerDnsName())
                            .hostedZoneId(endpoint.loadBalancer().getLoadBalancerCanonicalHostedZoneId())
                            .build())
                    .build();
            record.getCfnOptions().setCondition(hasZone);
        }
    }

    private CfnParameter parameter(String name, String defaultValue, String pattern, String description) {
        return CfnParameter.Builder.create(this, name)
                .type("String")
                .defaultValue(defaultValue)
                .allowedPattern(pattern)
                .description(description)
                .build();
    }
}
