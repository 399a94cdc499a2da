package io.eventgate.localcloud.apigateway;

import io.eventgate.localcloud.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Resource;

/** Test helper: builds API Gateway routes through the real SDK and calls them over plain HTTP. */
final class Gateway {

    final ApiGatewayClient client;
    final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    Gateway(URI endpoint) {
        this.endpoint = endpoint;
        this.client = TestClients.of(ApiGatewayClient.builder(), endpoint);
    }

    String createApi(String name) {
        return client.createRestApi(b -> b.name(name)).id();
    }

    String rootId(String apiId) {
        return client.getResources(b -> b.restApiId(apiId)).items().stream()
                .filter(r -> r.path().equals("/")).map(Resource::id).findFirst().orElseThrow();
    }

    String resource(String apiId, String parentId, String pathPart) {
        return client.createResource(b -> b.restApiId(apiId).parentId(parentId).pathPart(pathPart)).id();
    }

    /** A MOCK method answering {@code status} with a response template. */
    void mockMethod(String apiId, String resourceId, String method, boolean apiKeyRequired, String responseTemplate) {
        client.putMethod(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(method).authorizationType("NONE")
                .apiKeyRequired(apiKeyRequired));
        client.putIntegration(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(method)
                .type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        client.putMethodResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(method).statusCode("200"));
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(method)
                .statusCode("200").responseTemplates(Map.of("application/json", responseTemplate)));
    }

    void deploy(String apiId, String stage) {
        client.createDeployment(b -> b.restApiId(apiId).stageName(stage));
    }

    CreateApiKeyResponse key(String name, String apiId, String stage, String planName,
                             java.util.function.Consumer<software.amazon.awssdk.services.apigateway.model.CreateUsagePlanRequest.Builder> plan) {
        CreateApiKeyResponse key = client.createApiKey(b -> b.name(name).enabled(true));
        String planId = client.createUsagePlan(b -> {
            b.name(planName).apiStages(ApiStage.builder().apiId(apiId).stage(stage).build());
            plan.accept(b);
        }).id();
        client.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
        return key;
    }

    URI url(String apiId, String stage, String path) {
        return URI.create(endpoint + "/_aws/execute-api/" + apiId + "/" + stage + path);
    }

    HttpResponse<String> call(String method, URI url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI url, String apiKey, String body) throws Exception {
        return call("POST", url, apiKey == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "x-api-key", apiKey), body);
    }
}
