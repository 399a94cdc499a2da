package io.eventgate.deploy;

import io.eventgate.deploy.topology.GatewayDescription;
import io.eventgate.infra.apigateway.ApiFacts;
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
import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.dynamodb.TableResource;
import io.eventgate.infra.events.ApiDestinationResource;
import io.eventgate.infra.events.ArchiveResource;
import io.eventgate.infra.events.ConnectionResource;
import io.eventgate.infra.events.EventBusResource;
import io.eventgate.infra.events.RuleResource;
import io.eventgate.infra.iam.RoleResource;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.Resource;
import io.eventgate.infra.settings.TableSettings;
import io.eventgate.infra.sqs.QueueResource;
import io.eventgate.infra.topology.ProvidedRole;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.eventgate.deploy.Canonical.JSON;

/**
 * gateway-infra's desired state of every resource it describes, in CloudFormation's property names, computed with
 * the facts AWS would report (ARNs, ids) as symbols. Independent of how the CDK app translates the description.
 */
final class ExpectedState {

    private ExpectedState() {
    }

    static Map<String, JsonNode> of(GatewayDescription description) {
        Facts facts = facts(description);
        Map<String, JsonNode> state = new TreeMap<>();
        for (Resource resource : description.resources()) {
            switch (resource) {
                case TableResource r -> state.put("table " + r.table().name(), table(r));
                case EventBusResource r -> state.put("bus " + r.name(), JSON.objectNode().put("Name", r.name()));
                case ArchiveResource r -> state.put("archive " + r.name(), JSON.objectNode()
                        .put("ArchiveName", r.name())
                        .put("SourceArn", "«arn:bus:" + r.bus() + "»")
                        .put("RetentionDays", r.retentionDays()));
                case QueueResource r -> state.put("queue " + r.name(), queue(r, facts));
                case ConnectionResource r -> state.put("connection " + r.name(), JSON.objectNode()
                        .put("Name", r.name())
                        .put("AuthorizationType", r.authorizationType())
                        .put("ApiKeyName", r.headerName()));
                case ApiDestinationResource r -> state.put("api-destination " + r.name(), JSON.objectNode()
                        .put("Name", r.name())
                        .put("ConnectionArn", "«arn:connection:" + r.connection() + "»")
                        .put("InvocationEndpoint", r.url())
                        .put("HttpMethod", r.httpMethod())
                        .put("InvocationRateLimitPerSecond", r.rateLimitPerSecond()));
                case RoleResource r -> state.put("role " + r.name(), JSON.objectNode()
                        .put("RoleName", r.name())
                        .<ObjectNode>set("AssumeRolePolicyDocument", json(r.trustPolicy()))
                        .set("PolicyDocument", json(r.permissions(facts))));
                case ProvidedRole r -> {
                    // Publishes a role's ARN for the resources after it; nothing of its own to create.
                }
                case RestApiResource r -> state.put("rest-api " + r.name(), JSON.objectNode()
                        .put("Name", r.name())
                        .<ObjectNode>set("EndpointTypes", JSON.arrayNode().add(r.endpointType()))
                        .put("CustomIdTag", r.customId()));
                case ModelResource r -> state.put("model " + r.name(), JSON.objectNode()
                        .put("Name", r.name())
                        .put("ContentType", r.contentType())
                        .set("Schema", JsonDocs.read(r.schema())));
                case RequestValidatorResource r -> state.put("validator " + r.name(), JSON.objectNode()
                        .put("Name", r.name())
                        .put("ValidateRequestBody", r.validatesRequestBody())
                        .put("ValidateRequestParameters", r.validatesRequestParameters()));
                case PathResource r -> state.put("resource /" + r.pathPart(), JSON.objectNode()
                        .put("PathPart", r.pathPart())
                        .put("ParentId", "«id:root»"));
                case MethodResource r -> state.put("method " + r.desired().httpMethod() + " /" + r.pathPart(),
                        method(r, facts));
                case IntegrationResource r -> state.put("integration " + r.httpMethod() + " /" + r.pathPart(),
                        integration(r, facts));
                case StageResource r -> state.put("stage " + r.stage(), JSON.objectNode().put("StageName", r.stage()));
                case ApiKeyResource r -> state.put("api-key " + r.keyName(), JSON.objectNode()
                        .put("Name", r.keyName())
                        .put("Enabled", true));
                case UsagePlanResource r -> state.put("usage-plan " + r.partner().usagePlanName(), usagePlan(r, facts));
                case UsagePlanKeyResource r -> state.put("usage-plan-key " + r.planName() + " " + r.keyName(),
                        JSON.objectNode()
                                .put("UsagePlanId", facts.require(ApiFacts.usagePlanId(r.planName())))
                                .put("KeyId", facts.require(ApiFacts.apiKeyId(r.keyName())))
                                .put("KeyType", "API_KEY"));
                case RuleResource r -> state.put("rule " + r.name(), rule(r, facts));
                default -> throw new IllegalStateException("the parity check does not know " + resource.kind() + " ("
                        + resource.getClass().getName() + "): say which CloudFormation properties it shares");
            }
        }
        return state;
    }

    /** What AWS would report for each resource, as the symbols {@link TemplateState} gives the template's references. */
    private static Facts facts(GatewayDescription description) {
        Facts facts = Facts.forApplying();
        String bus = description.settings().bus().name();
        for (Resource resource : description.resources()) {
            switch (resource) {
                case TableResource r -> facts.put(TableResource.arnFact(r.name()), "«arn:table:" + r.name() + "»");
                case EventBusResource r -> facts.put(EventBusResource.arnFact(r.name()), "«arn:bus:" + r.name() + "»");
                case ArchiveResource r -> facts.put(ArchiveResource.arnFact(r.name()), "«arn:archive:" + r.name() + "»");
                case QueueResource r -> {
                    facts.put(QueueResource.arnFact(r.name()), "«arn:queue:" + r.name() + "»");
                    facts.put(QueueResource.urlFact(r.name()), "«url:queue:" + r.name() + "»");
                }
                case ConnectionResource r -> facts.put(ConnectionResource.arnFact(r.name()),
                        "«arn:connection:" + r.name() + "»");
                case ApiDestinationResource r -> facts.put(ApiDestinationResource.arnFact(r.name()),
                        "«arn:api-destination:" + r.name() + "»");
                case RoleResource r -> facts.put(RoleResource.arnFact(r.name()), "«arn:role:" + r.name() + "»");
                case ProvidedRole r -> facts.put(r.factKey(), Canonical.text(r.roleArn()));
                case RestApiResource r -> {
                    facts.put(ApiFacts.REST_API_ID, "«id:rest-api:" + r.name() + "»");
                    facts.put(ApiFacts.ROOT_RESOURCE_ID, "«id:root»");
                }
                case PathResource r -> facts.put(ApiFacts.resourceId(r.pathPart()), "«id:resource:" + r.pathPart() + "»");
                case RequestValidatorResource r -> facts.put(ApiFacts.validatorId(r.name()),
                        "«id:validator:" + r.name() + "»");
                case StageResource r -> facts.put(ApiFacts.stage(r.stage()), "«id:deployment»");
                case ApiKeyResource r -> facts.put(ApiFacts.apiKeyId(r.keyName()), "«id:api-key:" + r.keyName() + "»");
                case UsagePlanResource r -> facts.put(ApiFacts.usagePlanId(r.partner().usagePlanName()),
                        "«id:usage-plan:" + r.partner().usagePlanName() + "»");
                case RuleResource r -> facts.put(RuleResource.arnFact(r.name()), "«arn:rule:" + bus + "/" + r.name() + "»");
                default -> {
                    // Publishes nothing others refer to (or the parity check reports it above).
                }
            }
        }
        return facts;
    }

    private static JsonNode table(TableResource resource) {
        TableSettings table = resource.table();
        ObjectNode node = JSON.objectNode().put("TableName", table.name()).put("BillingMode", resource.billingMode());
        node.set("KeySchema", keys(table.partitionKey(), table.sortKey()));
        Map<String, String> attributes = new TreeMap<>();
        attributes.put(table.partitionKey().name(), table.partitionKey().type());
        if (table.sortKey() != null) {
            attributes.put(table.sortKey().name(), table.sortKey().type());
        }
        ArrayNode indexes = JSON.arrayNode();
        table.globalSecondaryIndexes().stream().sorted(Comparator.comparing(TableSettings.Index::name)).forEach(index -> {
            attributes.put(index.partitionKey().name(), index.partitionKey().type());
            if (index.sortKey() != null) {
                attributes.put(index.sortKey().name(), index.sortKey().type());
            }
            ObjectNode projection = JSON.objectNode().put("ProjectionType", index.projection());
            if (index.projection().equals("INCLUDE")) {
                ArrayNode nonKey = projection.putArray("NonKeyAttributes");
                index.nonKeyAttributes().forEach(nonKey::add);
            }
            indexes.add(JSON.objectNode().put("IndexName", index.name())
                    .<ObjectNode>set("KeySchema", keys(index.partitionKey(), index.sortKey()))
                    .set("Projection", projection));
        });
        ArrayNode definitions = node.putArray("AttributeDefinitions");
        attributes.forEach((name, type) -> definitions.add(JSON.objectNode().put("AttributeName", name)
                .put("AttributeType", type)));
        if (!indexes.isEmpty()) {
            node.set("GlobalSecondaryIndexes", indexes);
        }
        if (!table.timeToLiveAttribute().isEmpty()) {
            node.set("TimeToLiveSpecification", JSON.objectNode().put("AttributeName", table.timeToLiveAttribute())
                    .put("Enabled", true));
        }
        if (!table.streamViewType().isEmpty()) {
            node.set("StreamSpecification", JSON.objectNode().put("StreamViewType", table.streamViewType()));
        }
        return node;
    }

    private static ArrayNode keys(TableSettings.KeyAttribute partition, TableSettings.KeyAttribute sort) {
        ArrayNode keys = JSON.arrayNode();
        keys.add(JSON.objectNode().put("AttributeName", partition.name()).put("KeyType", "HASH"));
        if (sort != null) {
            keys.add(JSON.objectNode().put("AttributeName", sort.name()).put("KeyType", "RANGE"));
        }
        return keys;
    }

    private static final Set<QueueAttributeName> NUMERIC = Set.of(QueueAttributeName.VISIBILITY_TIMEOUT,
            QueueAttributeName.MESSAGE_RETENTION_PERIOD, QueueAttributeName.DELAY_SECONDS,
            QueueAttributeName.MAXIMUM_MESSAGE_SIZE, QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);

    private static JsonNode queue(QueueResource resource, Facts facts) {
        ObjectNode node = JSON.objectNode().put("QueueName", resource.name());
        new TreeMap<>(resource.attributes(facts)).forEach((attribute, value) -> {
            if (attribute == QueueAttributeName.POLICY) {
                node.set("PolicyStatements", json(value).get("Statement"));
            } else if (attribute == QueueAttributeName.REDRIVE_POLICY) {
                node.set("RedrivePolicy", json(value));
            } else if (NUMERIC.contains(attribute)) {
                node.put(attribute.toString(), Integer.parseInt(value));
            } else {
                node.put(attribute.toString(), value);
            }
        });
        return node;
    }

    private static JsonNode method(MethodResource resource, Facts facts) {
        MethodResource.Desired wanted = resource.desired();
        ObjectNode models = JSON.objectNode();
        new TreeMap<>(wanted.requestModels()).forEach(models::put);
        ArrayNode statuses = JSON.arrayNode();
        new TreeSet<>(wanted.statusCodes()).forEach(statuses::add);
        return JSON.objectNode()
                .put("HttpMethod", wanted.httpMethod())
                .put("ResourceId", facts.require(ApiFacts.resourceId(resource.pathPart())))
                .put("AuthorizationType", wanted.authorizationType())
                .put("ApiKeyRequired", wanted.apiKeyRequired())
                .put("RequestValidatorId", facts.require(ApiFacts.validatorId(wanted.validatorName())))
                .<ObjectNode>set("RequestModels", models)
                .set("MethodResponses", statuses);
    }

    private static JsonNode integration(IntegrationResource resource, Facts facts) {
        IntegrationResource.Desired wanted = resource.desired(facts);
        ArrayNode responses = JSON.arrayNode();
        new TreeMap<>(wanted.responses()).forEach((status, spec) -> {
            ObjectNode response = JSON.objectNode().put("StatusCode", status);
            if (spec.selectionPattern() != null) {
                response.put("SelectionPattern", spec.selectionPattern());
            }
            response.set("ResponseTemplates", Canonical.sdk(spec.responseTemplates()));
            responses.add(response);
        });
        return JSON.objectNode()
                .put("Type", resource.type())
                .put("IntegrationHttpMethod", resource.integrationHttpMethod())
                .put("Uri", Canonical.text(wanted.uri()))
                .put("Credentials", Canonical.text(wanted.credentials()))
                .put("PassthroughBehavior", resource.passthroughBehavior())
                .<ObjectNode>set("RequestParameters", Canonical.sdk(wanted.requestParameters()))
                .<ObjectNode>set("RequestTemplates", Canonical.sdk(wanted.requestTemplates()))
                .set("IntegrationResponses", responses);
    }

    private static JsonNode usagePlan(UsagePlanResource resource, Facts facts) {
        var inbound = resource.partner();
        ObjectNode node = JSON.objectNode().put("UsagePlanName", inbound.usagePlanName());
        node.set("Throttle", JSON.objectNode().put("RateLimit", inbound.rateLimit())
                .put("BurstLimit", inbound.burstLimit()));
        node.set("Quota", JSON.objectNode().put("Limit", inbound.quotaLimit()).put("Period", inbound.quotaPeriod()));
        node.set("ApiStages", JSON.arrayNode().add(JSON.objectNode()
                .put("ApiId", facts.require(ApiFacts.REST_API_ID))
                .put("Stage", resource.stage())));
        return node;
    }

    private static JsonNode rule(RuleResource resource, Facts facts) {
        RuleResource.Desired wanted = resource.desired(facts);
        ArrayNode targets = JSON.arrayNode();
        wanted.targets().stream().sorted(Comparator.comparing(t -> t.id())).forEach(t -> targets.add(Canonical.sdk(t)));
        return JSON.objectNode()
                .put("Name", resource.name())
                .put("EventBusName", resource.bus())
                .<ObjectNode>set("EventPattern", json(wanted.eventPattern()))
                .put("State", "ENABLED")
                .put("Description", wanted.description())
                .set("Targets", targets);
    }

    private static JsonNode json(String document) {
        return Canonical.tree(JsonDocs.read(document));
    }
}
