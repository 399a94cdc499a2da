package io.eventgate.deploy.gateway;

import io.eventgate.deploy.topology.GatewayDescription;
import io.eventgate.infra.apigateway.ApiKeyResource;
import io.eventgate.infra.apigateway.IntegrationResource;
import io.eventgate.infra.apigateway.MethodResource;
import io.eventgate.infra.apigateway.ModelResource;
import io.eventgate.infra.apigateway.PathResource;
import io.eventgate.infra.apigateway.RequestValidatorResource;
import io.eventgate.infra.apigateway.RestApiResource;
import io.eventgate.infra.apigateway.StageResource;
import io.eventgate.infra.apigateway.UsagePlanKeyResource;
import io.eventgate.infra.apigateway.UsagePlanResource;
import io.eventgate.infra.dynamodb.TableResource;
import io.eventgate.infra.events.ApiDestinationResource;
import io.eventgate.infra.events.ArchiveResource;
import io.eventgate.infra.events.ConnectionResource;
import io.eventgate.infra.events.EventBusResource;
import io.eventgate.infra.events.RuleResource;
import io.eventgate.infra.iam.RoleResource;
import io.eventgate.infra.provision.Resource;
import io.eventgate.infra.sqs.QueueResource;
import io.eventgate.infra.topology.ProvidedRole;
import software.constructs.Construct;

/**
 * The gateway, built from gateway-infra's description: every resource it lists, in its order, becomes the construct
 * that CloudFormation creates it with. A resource kind this class does not know fails the synthesis — a new part of
 * the description must be translated here, never silently left out of the AWS deployment.
 */
public final class EventGateway extends Construct {

    private final Built built = new Built();
    private final Tables tables;
    private final Bus bus;
    private final Queues queues;
    private final PartnerDelivery delivery;
    private final Roles roles;
    private final Api api;
    private final PartnerKeys keys;
    private final Rules rules;

    public EventGateway(Construct scope, String id, GatewayDescription description) {
        super(scope, id);
        tables = new Tables(this, built);
        bus = new Bus(this, built);
        queues = new Queues(this, built);
        delivery = new PartnerDelivery(this, built);
        roles = new Roles(this, built);
        api = new Api(this, built, description.only(StageResource.class).stage());
        keys = new PartnerKeys(this, built, api);
        rules = new Rules(this, built);
        description.resources().forEach(this::add);
    }

    private void add(Resource resource) {
        switch (resource) {
            case TableResource r -> tables.add(r);
            case EventBusResource r -> bus.add(r);
            case ArchiveResource r -> bus.add(r);
            case QueueResource r -> queues.add(r);
            case ConnectionResource r -> delivery.add(r);
            case ApiDestinationResource r -> delivery.add(r);
            case RoleResource r -> roles.add(r);
            case ProvidedRole r -> roles.add(r);
            case RestApiResource r -> api.add(r);
            case ModelResource r -> api.add(r);
            case RequestValidatorResource r -> api.add(r);
            case PathResource r -> api.add(r);
            case MethodResource r -> api.add(r);
            case IntegrationResource r -> api.add(r);
            case StageResource r -> api.add(r);
            case ApiKeyResource r -> keys.add(r);
            case UsagePlanResource r -> keys.add(r);
            case UsagePlanKeyResource r -> keys.add(r);
            case RuleResource r -> rules.add(r);
            default -> throw new UnsupportedOperationException("gateway-infra describes a " + resource.kind() + " ("
                    + resource.getClass().getName() + ", " + resource.name() + ") that the CDK stack does not build"
                    + " yet: translate it in " + EventGateway.class.getName());
        }
    }

    /** What the services and the alarms refer to. */
    public Parts parts() {
        return new Parts(built.facts, built.tables, built.buses, built.queues, built.connectionKeys,
                built.apiKeyValues, api.restApi(), rules.all());
    }
}
