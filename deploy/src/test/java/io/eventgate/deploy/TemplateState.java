package io.eventgate.deploy;

import io.eventgate.deploy.topology.Sentinels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.eventgate.deploy.Canonical.JSON;

/**
 * The synthesized template's side of the parity check: each resource of a kind gateway-infra describes, keyed and
 * shaped as {@link ExpectedState} shapes gateway-infra's, with every intrinsic function resolved to the symbol of
 * what it refers to. Resources the CDK app adds on purpose are listed in {@link #ADDED_ON_AWS}.
 */
final class TemplateState {

    /** Resources of gateway kinds that exist on AWS only, and why. */
    static final Map<String, String> ADDED_ON_AWS = Map.of(
            "role (API Gateway's CloudWatch role)", "the account-level role API Gateway writes execution logs with");

    private final JsonNode resources;
    private final Map<String, String> imports;
    private final Map<String, JsonNode> state = new TreeMap<>();
    private final List<String> unexpected = new ArrayList<>();

    private TemplateState(JsonNode template, Map<String, String> imports) {
        this.resources = template.get("Resources");
        this.imports = imports;
    }

    /**
     * Resolves a template's intrinsic functions to symbols; {@code Fn::ImportValue} to what the exporting stack's
     * output stands for.
     */
    static TemplateState resolver(JsonNode template, JsonNode exporter) {
        TemplateState exporting = new TemplateState(exporter, Map.of());
        Map<String, String> imports = new TreeMap<>();
        exporter.path("Outputs").properties().forEach(output -> {
            JsonNode name = output.getValue().at("/Export/Name");
            if (!name.isMissingNode()) {
                imports.put(name.asString(), exporting.resolve(output.getValue().get("Value")).asString());
            }
        });
        return new TemplateState(template, imports);
    }

    /** The resources of a type, by logical id, their properties resolved. */
    Map<String, JsonNode> all(String type) {
        Map<String, JsonNode> found = new TreeMap<>();
        resources.properties().forEach(e -> {
            if (type.equals(e.getValue().path("Type").asString())) {
                found.put(e.getKey(), resolve(e.getValue().path("Properties")));
            }
        });
        return found;
    }

    /** A resource's properties, resolved. */
    JsonNode properties(String logicalId) {
        return resolve(resources.get(logicalId).path("Properties"));
    }

    /** The state by key, plus a list of resources of gateway kinds nobody described. */
    record Result(Map<String, JsonNode> state, List<String> unexpected) {
    }

    static Result of(JsonNode template) {
        TemplateState reader = new TemplateState(template, Map.of());
        reader.resources.properties().forEach(entry -> reader.read(entry.getKey(), entry.getValue()));
        return new Result(reader.state, reader.unexpected);
    }

    private void read(String logicalId, JsonNode resource) {
        JsonNode p = resolve(resource.path("Properties"));
        switch (resource.get("Type").asString()) {
            case "AWS::DynamoDB::Table" -> state.put("table " + p.get("TableName").asString(), table(p));
            case "AWS::Events::EventBus" -> state.put("bus " + p.get("Name").asString(), pick(p, "Name"));
            case "AWS::Events::Archive" -> state.put("archive " + p.get("ArchiveName").asString(),
                    pick(p, "ArchiveName", "SourceArn", "RetentionDays", "EventPattern"));
            case "AWS::SQS::Queue" -> state.put("queue " + p.get("QueueName").asString(), queue(logicalId, p));
            case "AWS::Events::Connection" -> state.put("connection " + p.get("Name").asString(), JSON.objectNode()
                    .put("Name", p.get("Name").asString())
                    .put("AuthorizationType", p.get("AuthorizationType").asString())
                    .put("ApiKeyName", p.at("/AuthParameters/ApiKeyAuthParameters/ApiKeyName").asString()));
            case "AWS::Events::ApiDestination" -> state.put("api-destination " + p.get("Name").asString(),
                    pick(p, "Name", "ConnectionArn", "InvocationEndpoint", "HttpMethod",
                            "InvocationRateLimitPerSecond"));
            case "AWS::IAM::Role" -> role(logicalId, p);
            case "AWS::ApiGateway::RestApi" -> state.put("rest-api " + p.get("Name").asString(), JSON.objectNode()
                    .put("Name", p.get("Name").asString())
                    .<ObjectNode>set("EndpointTypes", p.at("/EndpointConfiguration/Types"))
                    .put("CustomIdTag", tag(p, "_custom_id_")));
            case "AWS::ApiGateway::Model" -> state.put("model " + p.get("Name").asString(),
                    pick(p, "Name", "ContentType", "Schema"));
            case "AWS::ApiGateway::RequestValidator" -> state.put("validator " + p.get("Name").asString(),
                    pick(p, "Name", "ValidateRequestBody", "ValidateRequestParameters"));
            case "AWS::ApiGateway::Resource" -> state.put("resource /" + p.get("PathPart").asString(),
                    pick(p, "PathPart", "ParentId"));
            case "AWS::ApiGateway::Method" -> method(p);
            case "AWS::ApiGateway::Stage" -> state.put("stage " + p.get("StageName").asString(), pick(p, "StageName"));
            case "AWS::ApiGateway::ApiKey" -> state.put("api-key " + p.get("Name").asString(),
                    pick(p, "Name", "Enabled"));
            case "AWS::ApiGateway::UsagePlan" -> state.put("usage-plan " + p.get("UsagePlanName").asString(),
                    pick(p, "UsagePlanName", "Throttle", "Quota", "ApiStages"));
            case "AWS::ApiGateway::UsagePlanKey" -> state.put("usage-plan-key "
                            + strip(p.get("UsagePlanId").asString(), "«id:usage-plan:") + " "
                            + strip(p.get("KeyId").asString(), "«id:api-key:"),
                    pick(p, "UsagePlanId", "KeyId", "KeyType"));
            case "AWS::Events::Rule" -> state.put("rule " + p.get("Name").asString(), rule(p));
            default -> {
                // Not a kind gateway-infra describes (the services, alarms, secrets, log groups ...).
            }
        }
    }

    private JsonNode table(JsonNode p) {
        ObjectNode node = pick(p, "TableName", "BillingMode", "KeySchema");
        node.set("AttributeDefinitions", sorted(p.get("AttributeDefinitions"), "AttributeName"));
        if (p.has("GlobalSecondaryIndexes")) {
            ArrayNode indexes = JSON.arrayNode();
            sorted(p.get("GlobalSecondaryIndexes"), "IndexName").forEach(index ->
                    indexes.add(pick(index, "IndexName", "KeySchema", "Projection")));
            node.set("GlobalSecondaryIndexes", indexes);
        }
        copy(p, node, "TimeToLiveSpecification");
        copy(p, node, "StreamSpecification");
        return node;
    }

    private JsonNode queue(String logicalId, JsonNode p) {
        ObjectNode node = pick(p, "QueueName", "VisibilityTimeout", "MessageRetentionPeriod", "RedrivePolicy",
                "DelaySeconds", "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds");
        ArrayNode statements = JSON.arrayNode();
        resources.properties().stream()
                .filter(e -> e.getValue().path("Type").asString().equals("AWS::SQS::QueuePolicy"))
                .filter(e -> StreamSupport.stream(e.getValue().at("/Properties/Queues").spliterator(), false)
                        .anyMatch(q -> logicalId.equals(q.path("Ref").asString())))
                .forEach(e -> resolve(e.getValue().at("/Properties/PolicyDocument/Statement"))
                        .forEach(statement -> {
                            if (!requiresTls(statement)) {
                                statements.add(statement);
                            }
                        }));
        if (!statements.isEmpty()) {
            node.set("PolicyStatements", statements);
        }
        return node;
    }

    /** The statement the CDK adds to refuse requests without TLS (on AWS only; not a gateway-infra statement). */
    static boolean requiresTls(JsonNode statement) {
        return "Deny".equals(statement.path("Effect").asString())
                && "false".equals(statement.at("/Condition/Bool/aws:SecureTransport").asString());
    }

    private void role(String logicalId, JsonNode p) {
        if (!p.has("RoleName")) {
            if (logicalId.contains("CloudWatchRole")) {
                return;
            }
            unexpected.add("role " + logicalId);
            return;
        }
        JsonNode policies = p.path("Policies");
        state.put("role " + p.get("RoleName").asString(), JSON.objectNode()
                .put("RoleName", p.get("RoleName").asString())
                .<ObjectNode>set("AssumeRolePolicyDocument", p.get("AssumeRolePolicyDocument"))
                .set("PolicyDocument", policies.size() == 1 ? policies.get(0).get("PolicyDocument") : policies));
    }

    private void method(JsonNode p) {
        String path = strip(p.get("ResourceId").asString(), "«id:resource:");
        String key = p.get("HttpMethod").asString() + " /" + path;
        ArrayNode statuses = JSON.arrayNode();
        StreamSupport.stream(p.path("MethodResponses").spliterator(), false)
                .map(r -> r.get("StatusCode").asString()).sorted().forEach(statuses::add);
        ObjectNode method = pick(p, "HttpMethod", "ResourceId", "AuthorizationType", "ApiKeyRequired",
                "RequestValidatorId", "RequestModels");
        method.set("MethodResponses", statuses);
        state.put("method " + key, method);
        JsonNode integration = p.get("Integration");
        ObjectNode node = pick(integration, "Type", "IntegrationHttpMethod", "Uri", "Credentials",
                "PassthroughBehavior", "RequestParameters", "RequestTemplates");
        ArrayNode responses = JSON.arrayNode();
        sorted(integration.get("IntegrationResponses"), "StatusCode").forEach(r ->
                responses.add(pick(r, "StatusCode", "SelectionPattern", "ResponseTemplates")));
        node.set("IntegrationResponses", responses);
        state.put("integration " + key, node);
    }

    private JsonNode rule(JsonNode p) {
        ObjectNode node = pick(p, "Name", "EventBusName", "EventPattern", "State", "Description");
        node.set("Targets", sorted(p.get("Targets"), "Id"));
        return node;
    }

    /** Intrinsic functions replaced by what they stand for; conventional ARNs by their symbols. */
    JsonNode resolve(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 1 && object.has("Ref")) {
                return JSON.stringNode(Canonical.text(ref(object.get("Ref").asString())));
            }
            if (object.size() == 1 && object.has("Fn::ImportValue")) {
                String name = object.get("Fn::ImportValue").asString();
                return JSON.stringNode(imports.getOrDefault(name, "«import:" + name + "»"));
            }
            if (object.size() == 1 && object.has("Fn::GetAtt")) {
                return JSON.stringNode(getAtt(object.get("Fn::GetAtt").get(0).asString(),
                        object.get("Fn::GetAtt").get(1).asString()));
            }
            if (object.size() == 1 && object.has("Fn::Join")) {
                StringBuilder joined = new StringBuilder();
                JsonNode parts = object.get("Fn::Join").get(1);
                for (int i = 0; i < parts.size(); i++) {
                    joined.append(i == 0 ? "" : object.get("Fn::Join").get(0).asString())
                            .append(resolve(parts.get(i)).asString());
                }
                return JSON.stringNode(Canonical.text(joined.toString()));
            }
            if (object.size() == 1 && object.propertyNames().iterator().next().startsWith("Fn::")) {
                // Any other function (Fn::Select, Fn::Split ...): its name and resolved arguments.
                var function = object.properties().iterator().next();
                return JSON.stringNode("«" + function.getKey() + resolve(function.getValue()) + "»");
            }
            ObjectNode copy = JSON.objectNode();
            object.properties().forEach(e -> copy.set(e.getKey(), resolve(e.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.arrayNode();
            array.forEach(item -> copy.add(resolve(item)));
            return copy;
        }
        return node.isString() ? JSON.stringNode(Canonical.text(node.asString())) : node;
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region" -> {
                return Sentinels.REGION;
            }
            case "AWS::AccountId" -> {
                return Sentinels.ACCOUNT;
            }
            case "AWS::Partition" -> {
                return "aws";
            }
            case "AWS::URLSuffix" -> {
                return "amazonaws.com";
            }
            default -> {
                // a resource or a parameter
            }
        }
        JsonNode resource = resources.get(name);
        if (resource == null) {
            return "«param:" + name + "»";
        }
        JsonNode p = resource.path("Properties");
        return switch (resource.get("Type").asString()) {
            case "AWS::Events::EventBus" -> p.get("Name").asString();
            case "AWS::SQS::Queue" -> "«url:queue:" + p.get("QueueName").asString() + "»";
            case "AWS::ApiGateway::RestApi" -> "«id:rest-api:" + p.get("Name").asString() + "»";
            case "AWS::ApiGateway::Resource" -> "«id:resource:" + p.get("PathPart").asString() + "»";
            case "AWS::ApiGateway::RequestValidator" -> "«id:validator:" + p.get("Name").asString() + "»";
            case "AWS::ApiGateway::ApiKey" -> "«id:api-key:" + p.get("Name").asString() + "»";
            case "AWS::ApiGateway::UsagePlan" -> "«id:usage-plan:" + p.get("UsagePlanName").asString() + "»";
            case "AWS::ApiGateway::Stage" -> p.get("StageName").asString();
            case "AWS::ApiGateway::Deployment" -> "«id:deployment»";
            case "AWS::SecretsManager::Secret" -> "«secret:" + p.get("Name").asString() + "»";
            case "AWS::SNS::Topic" -> "«topic:" + p.path("DisplayName").asString(name) + "»";
            case "AWS::ElasticLoadBalancingV2::Listener" -> "«listener:" + p.get("Port").asInt() + "»";
            case "AWS::ElasticLoadBalancingV2::TargetGroup" -> "«target-group:" + p.get("Port").asInt() + "»";
            default -> "«ref:" + name + "»";
        };
    }

    private String getAtt(String logicalId, String attribute) {
        JsonNode resource = resources.get(logicalId);
        JsonNode p = resource.path("Properties");
        String type = resource.get("Type").asString();
        if (attribute.equals("Arn")) {
            switch (type) {
                case "AWS::DynamoDB::Table" -> {
                    return "«arn:table:" + p.get("TableName").asString() + "»";
                }
                case "AWS::Events::EventBus" -> {
                    return "«arn:bus:" + p.get("Name").asString() + "»";
                }
                case "AWS::Events::Archive" -> {
                    return "«arn:archive:" + p.get("ArchiveName").asString() + "»";
                }
                case "AWS::SQS::Queue" -> {
                    return "«arn:queue:" + p.get("QueueName").asString() + "»";
                }
                case "AWS::Events::Connection" -> {
                    return "«arn:connection:" + p.get("Name").asString() + "»";
                }
                case "AWS::Events::ApiDestination" -> {
                    return "«arn:api-destination:" + p.get("Name").asString() + "»";
                }
                case "AWS::IAM::Role" -> {
                    return "«arn:role:" + p.path("RoleName").asString(logicalId) + "»";
                }
                case "AWS::Events::Rule" -> {
                    return "«arn:rule:" + resolve(p.get("EventBusName")).asString() + "/" + p.get("Name").asString()
                            + "»";
                }
                default -> {
                    // fall through to the generic symbol
                }
            }
        }
        if (type.equals("AWS::DynamoDB::Table") && attribute.equals("StreamArn")) {
            return "«stream:" + p.get("TableName").asString() + "»";
        }
        if (type.equals("AWS::ApiGateway::RestApi") && attribute.equals("RootResourceId")) {
            return "«id:root»";
        }
        if (type.equals("AWS::SQS::Queue") && attribute.equals("QueueName")) {
            return p.get("QueueName").asString();
        }
        return "«getatt:" + logicalId + "." + attribute + "»";
    }

    private static String tag(JsonNode p, String key) {
        return StreamSupport.stream(p.path("Tags").spliterator(), false)
                .filter(tag -> key.equals(tag.path("Key").asString()))
                .map(tag -> tag.path("Value").asString())
                .findFirst().orElse(null);
    }

    private static ObjectNode pick(JsonNode p, String... names) {
        ObjectNode node = JSON.objectNode();
        for (String name : names) {
            copy(p, node, name);
        }
        return node;
    }

    private static void copy(JsonNode from, ObjectNode to, String name) {
        if (from.has(name)) {
            to.set(name, from.get(name));
        }
    }

    private static ArrayNode sorted(JsonNode array, String field) {
        ArrayNode result = JSON.arrayNode();
        StreamSupport.stream(array.spliterator(), false)
                .sorted(Comparator.comparing(item -> item.path(field).asString()))
                .forEach(result::add);
        return result;
    }

    private static String strip(String symbol, String prefix) {
        return symbol.startsWith(prefix) ? symbol.substring(prefix.length(), symbol.length() - 1) : symbol;
    }
}
