package io.eventgate.localcloud.apigateway.control;

import io.eventgate.localcloud.apigateway.model.ApiKey;
import io.eventgate.localcloud.apigateway.model.ApiResource;
import io.eventgate.localcloud.apigateway.model.Deployment;
import io.eventgate.localcloud.apigateway.model.Integration;
import io.eventgate.localcloud.apigateway.model.IntegrationResponse;
import io.eventgate.localcloud.apigateway.model.Method;
import io.eventgate.localcloud.apigateway.model.MethodResponse;
import io.eventgate.localcloud.apigateway.model.Model;
import io.eventgate.localcloud.apigateway.model.RequestValidator;
import io.eventgate.localcloud.apigateway.model.RestApi;
import io.eventgate.localcloud.apigateway.model.Stage;
import io.eventgate.localcloud.apigateway.model.UsagePlan;
import io.eventgate.localcloud.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/** The JSON documents API Gateway answers with (member names as in AWS's API reference; dates in epoch seconds). */
final class Views {

    private Views() {
    }

    static ObjectNode restApi(RestApi api) {
        ObjectNode node = Json.object().put("id", api.id()).put("name", api.name());
        if (api.description() != null) {
            node.put("description", api.description());
        }
        node.put("createdDate", epoch(api.createdDate()))
                .put("apiKeySource", api.apiKeySource())
                .put("rootResourceId", api.rootResourceId())
                .put("disableExecuteApiEndpoint", false);
        node.putObject("endpointConfiguration").putArray("types").add("EDGE");
        putStrings(node, "tags", api.tags());
        return node;
    }

    static ObjectNode resource(ApiResource resource, boolean embedMethods) {
        ObjectNode node = Json.object().put("id", resource.id());
        resource.parentId().ifPresent(p -> node.put("parentId", p));
        if (!resource.pathPart().isEmpty()) {
            node.put("pathPart", resource.pathPart());
        }
        node.put("path", resource.path());
        if (!resource.methods().isEmpty()) {
            ObjectNode methods = node.putObject("resourceMethods");
            resource.methods().values().stream().sorted(Comparator.comparing(Method::httpMethod))
                    .forEach(m -> methods.set(m.httpMethod(), embedMethods ? method(m) : Json.object()));
        }
        return node;
    }

    static ObjectNode method(Method method) {
        ObjectNode node = Json.object().put("httpMethod", method.httpMethod())
                .put("authorizationType", method.authorizationType())
                .put("apiKeyRequired", method.apiKeyRequired());
        method.requestValidatorId().ifPresent(v -> node.put("requestValidatorId", v));
        method.operationName().ifPresent(v -> node.put("operationName", v));
        putBooleans(node, "requestParameters", method.requestParameters());
        putStrings(node, "requestModels", method.requestModels());
        if (!method.responses().isEmpty()) {
            ObjectNode responses = node.putObject("methodResponses");
            method.responses().forEach((code, r) -> responses.set(code, methodResponse(r)));
        }
        method.integration().ifPresent(i -> node.set("methodIntegration", integration(i)));
        return node;
    }

    static ObjectNode methodResponse(MethodResponse response) {
        ObjectNode node = Json.object().put("statusCode", response.statusCode());
        putBooleans(node, "responseParameters", response.responseParameters());
        putStrings(node, "responseModels", response.responseModels());
        return node;
    }

    static ObjectNode integration(Integration integration) {
        ObjectNode node = Json.object().put("type", integration.type());
        integration.httpMethod().ifPresent(v -> node.put("httpMethod", v));
        integration.uri().ifPresent(v -> node.put("uri", v));
        integration.credentials().ifPresent(v -> node.put("credentials", v));
        putStrings(node, "requestParameters", integration.requestParameters());
        putStrings(node, "requestTemplates", integration.requestTemplates());
        node.put("passthroughBehavior", integration.passthroughBehavior())
                .put("timeoutInMillis", integration.timeoutInMillis())
                .put("cacheNamespace", "")
                .putArray("cacheKeyParameters");
        integration.contentHandling().ifPresent(v -> node.put("contentHandling", v));
        if (!integration.responses().isEmpty()) {
            ObjectNode responses = node.putObject("integrationResponses");
            integration.responses().forEach((code, r) -> responses.set(code, integrationResponse(r)));
        }
        return node;
    }

    static ObjectNode integrationResponse(IntegrationResponse response) {
        ObjectNode node = Json.object().put("statusCode", response.statusCode());
        response.selectionPattern().ifPresent(v -> node.put("selectionPattern", v));
        putStrings(node, "responseParameters", response.responseParameters());
        putStrings(node, "responseTemplates", response.responseTemplates());
        response.contentHandling().ifPresent(v -> node.put("contentHandling", v));
        return node;
    }

    static ObjectNode model(Model model) {
        ObjectNode node = Json.object().put("id", model.id()).put("name", model.name())
                .put("contentType", model.contentType());
        model.description().ifPresent(v -> node.put("description", v));
        model.schema().ifPresent(v -> node.put("schema", v));
        return node;
    }

    static ObjectNode validator(RequestValidator validator) {
        return Json.object().put("id", validator.id()).put("name", validator.name())
                .put("validateRequestBody", validator.validateRequestBody())
                .put("validateRequestParameters", validator.validateRequestParameters());
    }

    static ObjectNode deployment(Deployment deployment) {
        ObjectNode node = Json.object().put("id", deployment.id())
                .put("createdDate", epoch(deployment.createdDate()));
        deployment.description().ifPresent(v -> node.put("description", v));
        return node;
    }

    static ObjectNode stage(Stage stage) {
        ObjectNode node = Json.object().put("stageName", stage.stageName())
                .put("deploymentId", stage.deploymentId())
                .put("cacheClusterEnabled", false)
                .put("cacheClusterStatus", "NOT_AVAILABLE")
                .put("tracingEnabled", false)
                .put("createdDate", epoch(stage.createdDate()))
                .put("lastUpdatedDate", epoch(stage.lastUpdatedDate()));
        stage.description().ifPresent(v -> node.put("description", v));
        node.putObject("methodSettings");
        putStrings(node, "variables", stage.variables());
        putStrings(node, "tags", stage.tags());
        return node;
    }

    /** A key; its value only when the caller asked for it (CreateApiKey, or includeValue(s)=true). */
    static ObjectNode apiKey(ApiKey key, boolean includeValue) {
        ObjectNode node = Json.object().put("id", key.id());
        if (includeValue) {
            node.put("value", key.value());
        }
        key.name().ifPresent(v -> node.put("name", v));
        key.description().ifPresent(v -> node.put("description", v));
        key.customerId().ifPresent(v -> node.put("customerId", v));
        node.put("enabled", key.enabled())
                .put("createdDate", epoch(key.createdDate()))
                .put("lastUpdatedDate", epoch(key.lastUpdatedDate()));
        var stageKeys = node.putArray("stageKeys");
        key.stageKeys().forEach(stageKeys::add);
        putStrings(node, "tags", key.tags());
        return node;
    }

    static ObjectNode usagePlan(UsagePlan plan) {
        ObjectNode node = Json.object().put("id", plan.id()).put("name", plan.name());
        plan.description().ifPresent(v -> node.put("description", v));
        var stages = node.putArray("apiStages");
        plan.apiStages().forEach(s -> stages.addObject().put("apiId", s.apiId()).put("stage", s.stage()));
        plan.throttle().ifPresent(t -> node.putObject("throttle")
                .put("rateLimit", t.rateLimit()).put("burstLimit", t.burstLimit()));
        plan.quota().ifPresent(q -> node.putObject("quota")
                .put("limit", q.limit()).put("offset", q.offset()).put("period", q.period()));
        putStrings(node, "tags", plan.tags());
        return node;
    }

    static ObjectNode usagePlanKey(ApiKey key) {
        ObjectNode node = Json.object().put("id", key.id()).put("type", "API_KEY");
        key.name().ifPresent(v -> node.put("name", v));
        return node;
    }

    /** A page of a collection: API Gateway calls the list member {@code item}. */
    static <T> ObjectNode page(Collection<T> items, Function<T, ObjectNode> view) {
        ObjectNode node = Json.object();
        var array = node.putArray("item");
        items.forEach(i -> array.add(view.apply(i)));
        return node;
    }

    static BigDecimal epoch(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    private static void putStrings(ObjectNode node, String field, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode map = node.putObject(field);
            values.forEach(map::put);
        }
    }

    private static void putBooleans(ObjectNode node, String field, Map<String, Boolean> values) {
        if (!values.isEmpty()) {
            ObjectNode map = node.putObject(field);
            values.forEach(map::put);
        }
    }

    static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
