package io.eventgate.infra.topology;

import io.eventgate.contracts.EventContract;
import io.eventgate.infra.apigateway.ApiFacts;
import io.eventgate.infra.apigateway.ApiKeyResource;
import io.eventgate.infra.apigateway.GatewayModel;
import io.eventgate.infra.apigateway.IntegrationResource;
import io.eventgate.infra.apigateway.MethodResource;
import io.eventgate.infra.apigateway.ModelResource;
import io.eventgate.infra.apigateway.PathResource;
import io.eventgate.infra.apigateway.RequestValidatorResource;
import io.eventgate.infra.apigateway.RestApiResource;
import io.eventgate.infra.apigateway.StageResource;
import io.eventgate.infra.apigateway.UsagePlanKeyResource;
import io.eventgate.infra.apigateway.UsagePlanResource;
import io.eventgate.infra.aws.Arns;
import io.eventgate.infra.aws.AwsClients;
import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.dynamodb.TableResource;
import io.eventgate.infra.events.ApiDestinationResource;
import io.eventgate.infra.events.ArchiveResource;
import io.eventgate.infra.events.ConnectionResource;
import io.eventgate.infra.events.EventBusResource;
import io.eventgate.infra.events.RuleResource;
import io.eventgate.infra.iam.Policies;
import io.eventgate.infra.iam.RoleResource;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.Resource;
import io.eventgate.infra.settings.InfraSettings;
import io.eventgate.infra.settings.InvalidSettingsException;
import io.eventgate.infra.settings.PartnerSettings;
import io.eventgate.infra.settings.SecretKeeper;
import io.eventgate.infra.settings.Secrets;
import io.eventgate.infra.sqs.QueuePolicies;
import io.eventgate.infra.sqs.QueueResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole gateway as resources in dependency order: tables; bus and archive; queues; connection and API destination;
 * roles; the REST API with its key and usage plan; and last the rules, which refer to most of the above.
 */
public final class GatewayTopology {

    /** Retry settings of the SQS target: AWS's maximums, since a queue that refuses is a transient problem. */
    private static final int SQS_TARGET_RETRIES = 185;
    private static final int SQS_TARGET_MAX_AGE = 86_400;

    static final String APIGATEWAY_ROLE = "role.apigateway-putevents.arn";
    static final String EVENTBRIDGE_ROLE = "role.eventbridge-carrier.arn";

    private final InfraSettings settings;
    private final Secrets secrets;
    private final SecretKeeper keeper;
    private final AwsClients aws;

    public GatewayTopology(InfraSettings settings, Secrets secrets, SecretKeeper keeper, AwsClients aws) {
        this.settings = settings;
        this.secrets = secrets;
        this.keeper = keeper;
        this.aws = aws;
    }

    /** Every resource, in the order {@code apply} converges them ({@code destroy} goes backwards). */
    public List<Resource> resources() {
        Arns arns = aws.arns();
        var bus = settings.bus();
        var orders = settings.orders();
        var outbound = settings.carrier().outbound();
        var carrier = settings.carrierPartner();
        var gateway = settings.gateway();
        String ordersRuleArn = arns.rule(bus.name(), orders.rule());
        String carrierRuleArn = arns.rule(bus.name(), outbound.rule());

        List<Resource> resources = new ArrayList<>();
        settings.tables().forEach(table -> resources.add(new TableResource(table, aws.dynamo())));

        resources.add(new EventBusResource(bus.name(), aws.events()));
        resources.add(new ArchiveResource(bus.archiveName(), bus.name(), bus.archiveRetentionDays(), aws.events()));

        resources.add(new QueueResource(orders.inboxDlq(), facts -> Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(orders.dlqRetentionSeconds()),
                // The DLQ is also the rule target's dead-letter queue: EventBridge must be allowed to send to it.
                QueueAttributeName.POLICY, QueuePolicies.allowEventBridgeRules(arns.queue(orders.inboxDlq()),
                        List.of(ordersRuleArn))), aws.sqs()));
        resources.add(new QueueResource(orders.inboxQueue(), facts -> Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(orders.visibilityTimeoutSeconds()),
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(orders.messageRetentionSeconds()),
                QueueAttributeName.REDRIVE_POLICY, QueuePolicies.redrive(
                        facts.require(QueueResource.arnFact(orders.inboxDlq())), orders.maxReceiveCount()),
                QueueAttributeName.POLICY, QueuePolicies.allowEventBridgeRules(arns.queue(orders.inboxQueue()),
                        List.of(ordersRuleArn))), aws.sqs()));
        resources.add(new QueueResource(outbound.deliveryDlq(), facts -> Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(orders.dlqRetentionSeconds()),
                QueueAttributeName.POLICY, QueuePolicies.allowEventBridgeRules(arns.queue(outbound.deliveryDlq()),
                        List.of(carrierRuleArn))), aws.sqs()));

        resources.add(new ConnectionResource(outbound.connectionName(), outbound.apiKeyHeader(),
                secrets.carrierInboundApiKey(), keeper, aws.events()));
        resources.add(new ApiDestinationResource(outbound.destinationName(), outbound.connectionName(),
                outbound.shipmentsUrl(), outbound.rateLimitPerSecond(), aws.events()));

        resources.addAll(roles(arns));

        resources.add(new RestApiResource(gateway.apiName(), gateway.customId(), aws.apiGateway()));
        resources.add(new ModelResource(gateway.modelName(), GatewayModel.schema(settings.partners().stream()
                .flatMap(p -> p.eventNames().stream()).toList()), aws.apiGateway()));
        resources.add(new RequestValidatorResource(gateway.validatorName(), aws.apiGateway()));
        resources.add(new PathResource(gateway.resource(), aws.apiGateway()));
        resources.add(new MethodResource(gateway.resource(), gateway.modelName(), gateway.validatorName(),
                aws.apiGateway()));
        // The keys come before the integration: its request template grants each key id what it may publish.
        for (PartnerSettings partner : settings.partners()) {
            resources.add(new ApiKeyResource(partner.apiKeyName(), partner.apiKeyVariable(),
                    secrets.gatewayApiKey(partner.apiKeyVariable()), keeper, aws.apiGateway()));
        }
        resources.add(new IntegrationResource(gateway.resource(), settings.aws().region(), bus.name(), APIGATEWAY_ROLE,
                settings.partners(), aws.apiGateway()));
        resources.add(new StageResource(gateway.stage(), aws.apiGateway()));
        for (PartnerSettings partner : settings.partners()) {
            resources.add(new UsagePlanResource(partner, gateway.stage(), aws.apiGateway()));
            resources.add(new UsagePlanKeyResource(partner.usagePlanName(), partner.apiKeyName(), aws.apiGateway()));
        }

        resources.add(new RuleResource(outbound.rule(), bus.name(), facts -> new RuleResource.Desired(
                "eventgate: OrderCreated (ours only, never one that came through the gateway) to the carrier",
                ourEventPattern(orders.source(), List.of(EventContract.ORDER_CREATED.eventName())),
                List.of(carrierTarget(facts))), aws.events()));
        resources.add(new RuleResource(orders.rule(), bus.name(), facts -> new RuleResource.Desired(
                "eventgate: the carrier's events (sent with the carrier's API key only) to orders-service",
                partnerEventPattern(carrier.sources(), carrier.eventNames(),
                        facts.require(ApiFacts.apiKeyId(carrier.apiKeyName()))),
                List.of(ordersTarget(facts))), aws.events()));
        return List.copyOf(resources);
    }

    private List<Resource> roles(Arns arns) {
        var iam = settings.iam();
        if (settings.aws().local()) {
            // Local endpoints serve no IAM and check no roles; the ARNs only have to be well formed.
            return List.of(
                    new ProvidedRole(APIGATEWAY_ROLE, iam.apiGatewayRoleArn().isEmpty()
                            ? arns.role(iam.apiGatewayRoleName()) : iam.apiGatewayRoleArn()),
                    new ProvidedRole(EVENTBRIDGE_ROLE, iam.eventBridgeRoleArn().isEmpty()
                            ? arns.role(iam.eventBridgeRoleName()) : iam.eventBridgeRoleArn()));
        }
        if (!iam.manage()) {
            if (iam.apiGatewayRoleArn().isEmpty() || iam.eventBridgeRoleArn().isEmpty()) {
                throw new InvalidSettingsException("on AWS, pass iam.apiGatewayRoleArn and iam.eventBridgeRoleArn"
                        + " (EVENTGATE_APIGATEWAY_ROLE_ARN, EVENTGATE_EVENTBRIDGE_ROLE_ARN) or use --manage-iam");
            }
            return List.of(new ProvidedRole(APIGATEWAY_ROLE, iam.apiGatewayRoleArn()),
                    new ProvidedRole(EVENTBRIDGE_ROLE, iam.eventBridgeRoleArn()));
        }
        String busArn = arns.eventBus(settings.bus().name());
        String destination = settings.carrier().outbound().destinationName();
        // The gateway's role may put only partner sources and event names on the bus: even a broken template could
        // not publish ours (EventBridge answers NotAuthorizedForSourceException / ...DetailTypeException).
        List<String> sources = settings.partners().stream().flatMap(p -> p.sources().stream()).toList();
        List<String> eventNames = settings.partners().stream().flatMap(p -> p.eventNames().stream()).distinct()
                .toList();
        return List.of(
                new RoleResource(iam.apiGatewayRoleName(),
                        Policies.trust("apigateway.amazonaws.com", aws.accountId()),
                        facts -> Policies.allowPutEvents(busArn, sources, eventNames), aws.iam()),
                new ProvidedRole(APIGATEWAY_ROLE, arns.role(iam.apiGatewayRoleName())),
                new RoleResource(iam.eventBridgeRoleName(),
                        Policies.trust("events.amazonaws.com", aws.accountId()),
                        facts -> Policies.allow("events:InvokeApiDestination",
                                facts.require(ApiDestinationResource.arnFact(destination))), aws.iam()),
                new ProvidedRole(EVENTBRIDGE_ROLE, arns.role(iam.eventBridgeRoleName())));
    }

    private Target carrierTarget(Facts facts) {
        var outbound = settings.carrier().outbound();
        return Target.builder()
                .id(outbound.destinationName())
                .arn(facts.require(ApiDestinationResource.arnFact(outbound.destinationName())))
                .roleArn(facts.require(EVENTBRIDGE_ROLE))
                .inputTransformer(CarrierPayload.transformer())
                .httpParameters(CarrierPayload.httpParameters())
                .retryPolicy(r -> r.maximumRetryAttempts(outbound.maximumRetryAttempts())
                        .maximumEventAgeInSeconds(outbound.maximumEventAgeSeconds()))
                .deadLetterConfig(d -> d.arn(facts.require(QueueResource.arnFact(outbound.deliveryDlq()))))
                .build();
    }

    private Target ordersTarget(Facts facts) {
        var orders = settings.orders();
        return Target.builder()
                .id(orders.inboxQueue())
                .arn(facts.require(QueueResource.arnFact(orders.inboxQueue())))
                .retryPolicy(r -> r.maximumRetryAttempts(SQS_TARGET_RETRIES)
                        .maximumEventAgeInSeconds(SQS_TARGET_MAX_AGE))
                .deadLetterConfig(d -> d.arn(facts.require(QueueResource.arnFact(orders.inboxDlq()))))
                .build();
    }

    /**
     * Our own events of these types: none that carries {@code detail.metadata.apiKeyId}, which the gateway stamps on
     * every event it puts on the bus, so no partner can trigger a rule that feeds a partner or our services.
     */
    public static String ourEventPattern(String source, List<String> detailTypes) {
        ObjectNode pattern = sourceAndTypes(List.of(source), detailTypes);
        pattern.putObject("detail").putObject("metadata").putArray("apiKeyId").addObject().put("exists", false);
        return JsonDocs.write(pattern);
    }

    /** A partner's events of these types, sent through the gateway with that partner's API key. */
    public static String partnerEventPattern(List<String> sources, List<String> detailTypes, String apiKeyId) {
        ObjectNode pattern = sourceAndTypes(sources, detailTypes);
        pattern.putObject("detail").putObject("metadata").putArray("apiKeyId").add(apiKeyId);
        return JsonDocs.write(pattern);
    }

    private static ObjectNode sourceAndTypes(List<String> sources, List<String> detailTypes) {
        ObjectNode pattern = JsonNodeFactory.instance.objectNode();
        ArrayNode source = pattern.putArray("source");
        sources.forEach(source::add);
        ArrayNode types = pattern.putArray("detail-type");
        detailTypes.forEach(types::add);
        return pattern;
    }

    /** The DLQs {@code redrive} knows, and where each one's messages go back to. */
    public Map<String, RedriveRoute> redriveRoutes() {
        Map<String, RedriveRoute> routes = new LinkedHashMap<>();
        routes.put(settings.orders().inboxDlq(), new RedriveRoute.ToQueue(settings.orders().inboxQueue()));
        routes.put(settings.carrier().outbound().deliveryDlq(),
                new RedriveRoute.ByReplay(settings.carrier().outbound().rule()));
        return routes;
    }
}
