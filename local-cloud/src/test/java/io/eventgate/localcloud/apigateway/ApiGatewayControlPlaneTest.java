package io.eventgate.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgate.localcloud.LocalCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.QuotaSettings;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;

class ApiGatewayControlPlaneTest {

    private static LocalCloud cloud;
    private static Gateway gateway;
    private static ApiGatewayClient client;

    @BeforeAll
    static void start() {
        cloud = SharedCloud.get();
        gateway = new Gateway(cloud.endpoint());
        client = gateway.client;
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void createsARestApiWithTheIdTheCustomIdTagFixes() {
        var api = client.createRestApi(b -> b.name("fixed").tags(Map.of("_custom_id_", "fixedid")));

        assertThat(api.id()).isEqualTo("fixedid");
        assertThat(client.getRestApi(b -> b.restApiId("fixedid")).name()).isEqualTo("fixed");
        assertThat(client.getRestApis().items()).extracting(r -> r.id()).contains("fixedid");
        assertThatThrownBy(() -> client.createRestApi(b -> b.name("again").tags(Map.of("_custom_id_", "fixedid"))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void generatesTenCharacterIdsForApisResourcesAndDeployments() {
        String apiId = gateway.createApi("ids");
        String resourceId = gateway.resource(apiId, gateway.rootId(apiId), "things");
        gateway.mockMethod(apiId, resourceId, "GET", false, "{}");
        String deploymentId = client.createDeployment(b -> b.restApiId(apiId).stageName("dev")).id();

        assertThat(apiId).matches("[a-z0-9]{10}");
        assertThat(resourceId).matches("[a-z0-9]{10}");
        assertThat(deploymentId).matches("[a-z0-9]{10}");
    }

    @Test
    void buildsAResourceTreeWithMethodsAndIntegrations() {
        String apiId = gateway.createApi("tree");
        String root = gateway.rootId(apiId);
        String orders = gateway.resource(apiId, root, "orders");
        String order = gateway.resource(apiId, orders, "{id}");
        String validator = client.createRequestValidator(b -> b.restApiId(apiId).name("body")
                .validateRequestBody(true)).id();
        client.createModel(b -> b.restApiId(apiId).name("Order").contentType("application/json")
                .schema("{\"type\":\"object\"}"));
        client.putMethod(b -> b.restApiId(apiId).resourceId(order).httpMethod("PUT").authorizationType("NONE")
                .apiKeyRequired(true).requestValidatorId(validator)
                .requestParameters(Map.of("method.request.header.X-Trace", true))
                .requestModels(Map.of("application/json", "Order")));
        client.putIntegration(b -> b.restApiId(apiId).resourceId(order).httpMethod("PUT").type(IntegrationType.HTTP)
                .integrationHttpMethod("POST").uri("http://localhost:1/orders/{id}")
                .requestParameters(Map.of("integration.request.path.id", "method.request.path.id")));
        client.putMethodResponse(b -> b.restApiId(apiId).resourceId(order).httpMethod("PUT").statusCode("201"));
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(order).httpMethod("PUT").statusCode("201")
                .selectionPattern("2\\d{2}").responseTemplates(Map.of("application/json", "{}")));

        var resources = client.getResources(b -> b.restApiId(apiId).embed("methods")).items();
        assertThat(resources).extracting(Resource::path).containsExactlyInAnyOrder("/", "/orders", "/orders/{id}");
        var method = client.getMethod(b -> b.restApiId(apiId).resourceId(order).httpMethod("PUT"));
        assertThat(method.apiKeyRequired()).isTrue();
        assertThat(method.requestValidatorId()).isEqualTo(validator);
        assertThat(method.requestModels()).containsEntry("application/json", "Order");
        assertThat(method.methodIntegration().uri()).isEqualTo("http://localhost:1/orders/{id}");
        assertThat(method.methodIntegration().httpMethod()).isEqualTo("POST");
        assertThat(method.methodIntegration().integrationResponses().get("201").selectionPattern())
                .isEqualTo("2\\d{2}");
        assertThat(client.getIntegration(b -> b.restApiId(apiId).resourceId(order).httpMethod("PUT")).type())
                .isEqualTo(IntegrationType.HTTP);
        assertThat(client.getModels(b -> b.restApiId(apiId)).items()).extracting(m -> m.name())
                .contains("Order", "Empty", "Error");
        assertThat(client.getRequestValidators(b -> b.restApiId(apiId)).items()).extracting(v -> v.id())
                .containsExactly(validator);

        client.deleteResource(b -> b.restApiId(apiId).resourceId(orders));
        assertThat(client.getResources(b -> b.restApiId(apiId)).items()).extracting(Resource::path)
                .containsExactly("/");
    }

    @Test
    void answersMissingThingsWithNotFoundAndBadInputWithBadRequest() {
        String apiId = gateway.createApi("errors");
        String root = gateway.rootId(apiId);

        assertThatThrownBy(() -> client.getRestApi(b -> b.restApiId("nosuchapi")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.getMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Method identifier specified");
        assertThatThrownBy(() -> client.createResource(b -> b.restApiId(apiId).parentId(root).pathPart("a/b")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> client.createDeployment(b -> b.restApiId(apiId).stageName("dev")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("doesn't contain any methods");
        client.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").authorizationType("NONE"));
        assertThatThrownBy(() -> client.createDeployment(b -> b.restApiId(apiId).stageName("dev")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("No integration defined");
    }

    @Test
    void managesStagesThroughDeploymentsAndUpdateStage() {
        String apiId = gateway.createApi("stages");
        String root = gateway.rootId(apiId);
        gateway.mockMethod(apiId, root, "GET", false, "{}");
        String first = client.createDeployment(b -> b.restApiId(apiId).stageName("dev")
                .variables(Map.of("colour", "blue"))).id();
        String second = client.createDeployment(b -> b.restApiId(apiId)).id();
        client.createStage(b -> b.restApiId(apiId).stageName("prod").deploymentId(first));

        var updated = client.updateStage(b -> b.restApiId(apiId).stageName("prod").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/deploymentId").value(second).build(),
                PatchOperation.builder().op(Op.REPLACE).path("/variables/colour").value("green").build()));

        assertThat(updated.deploymentId()).isEqualTo(second);
        assertThat(updated.variables()).containsEntry("colour", "green");
        assertThat(client.getStage(b -> b.restApiId(apiId).stageName("dev")).variables())
                .containsEntry("colour", "blue");
        assertThat(client.getStages(b -> b.restApiId(apiId)).item()).extracting(s -> s.stageName())
                .containsExactlyInAnyOrder("dev", "prod");
        assertThatThrownBy(() -> client.createStage(b -> b.restApiId(apiId).stageName("prod").deploymentId(first)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void returnsKeyValuesOnlyWhenAskedAndEnablesAndDisablesKeys() {
        var created = client.createApiKey(b -> b.name("partner").enabled(true));
        var given = client.createApiKey(b -> b.name("given").value("given-key-value-0123456789").enabled(true));

        assertThat(created.value()).hasSize(40);
        assertThat(given.value()).isEqualTo("given-key-value-0123456789");
        assertThat(client.getApiKeys(b -> b.nameQuery("partner")).items()).extracting(ApiKey::value)
                .containsOnlyNulls();
        assertThat(client.getApiKeys(b -> b.nameQuery("partner").includeValues(true)).items())
                .extracting(ApiKey::value).containsExactly(created.value());
        assertThat(client.getApiKey(b -> b.apiKey(created.id())).value()).isNull();

        var disabled = client.updateApiKey(b -> b.apiKey(created.id()).patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/enabled").value("false").build()));
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.value()).isNull();
        assertThatThrownBy(() -> client.createApiKey(b -> b.name("short").value("too-short")))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void createsUsagePlansWithKeysForDeployedStages() {
        String apiId = gateway.createApi("plans");
        gateway.mockMethod(apiId, gateway.rootId(apiId), "GET", false, "{}");
        gateway.deploy(apiId, "local");
        String keyId = client.createApiKey(b -> b.name("planned").enabled(true)).id();

        var plan = client.createUsagePlan(b -> b.name("partners")
                .apiStages(ApiStage.builder().apiId(apiId).stage("local").build())
                .throttle(ThrottleSettings.builder().rateLimit(10.0).burstLimit(20).build())
                .quota(QuotaSettings.builder().limit(1000).period(QuotaPeriodType.DAY).build()));
        client.createUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId(keyId).keyType("API_KEY"));

        var listed = client.getUsagePlans(b -> b.keyId(keyId)).items();
        assertThat(listed).hasSize(1);
        assertThat(listed.getFirst().throttle().burstLimit()).isEqualTo(20);
        assertThat(listed.getFirst().quota().period()).isEqualTo(QuotaPeriodType.DAY);
        assertThat(client.getUsagePlanKeys(b -> b.usagePlanId(plan.id())).items()).extracting(k -> k.id())
                .containsExactly(keyId);
        assertThatThrownBy(() -> client.createUsagePlan(b -> b.name("ghost")
                .apiStages(ApiStage.builder().apiId(apiId).stage("nostage").build())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void tagsResourcesByArn() {
        String apiId = gateway.createApi("tagged");
        String arn = "arn:aws:apigateway:us-east-1::/restapis/" + apiId;

        client.tagResource(b -> b.resourceArn(arn).tags(Map.of("team", "gateway")));

        assertThat(client.getTags(b -> b.resourceArn(arn)).tags()).containsEntry("team", "gateway");
        assertThat(client.getRestApi(b -> b.restApiId(apiId)).tags()).containsEntry("team", "gateway");
    }

    @Test
    void answersAnUnsupportedOperationWithAnErrorNamingIt() {
        String apiId = gateway.createApi("unsupported");

        assertThatThrownBy(() -> client.getAuthorizers(b -> b.restApiId(apiId)))
                .isInstanceOf(ApiGatewayException.class)
                .hasMessageContaining("GetAuthorizers")
                .satisfies(e -> assertThat(((ApiGatewayException) e).statusCode()).isEqualTo(501));
    }

    @Test
    void keepsTheAccountsCloudWatchRoleAsInfrastructureToolsSetIt() {
        var before = client.getAccount(b -> { });
        String role = "arn:aws:iam::000000000000:role/apigateway-cloudwatch";

        var updated = client.updateAccount(b -> b.patchOperations(PatchOperation.builder().op(Op.REPLACE)
                .path("/cloudwatchRoleArn").value(role).build()));
        var after = client.getAccount(b -> { });

        assertThat(before.throttleSettings().rateLimit()).isEqualTo(10000.0);
        assertThat(before.throttleSettings().burstLimit()).isEqualTo(5000);
        assertThat(before.features()).contains("UsagePlans");
        assertThat(updated.cloudwatchRoleArn()).isEqualTo(role);
        assertThat(after.cloudwatchRoleArn()).isEqualTo(role);
        assertThat(after.apiKeyVersion()).isEqualTo("4");
        assertThatThrownBy(() -> client.updateAccount(b -> b.patchOperations(PatchOperation.builder().op(Op.REPLACE)
                .path("/cloudwatchRoleArn").value("not-a-role").build())))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("not-a-role");
        assertThatThrownBy(() -> client.updateAccount(b -> b.patchOperations(PatchOperation.builder().op(Op.REPLACE)
                .path("/throttleSettings/rateLimit").value("1").build())))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("/throttleSettings/rateLimit");
        assertThat(client.getAccount(b -> { }).cloudwatchRoleArn()).isEqualTo(role);
    }

    @Test
    void refusesUnsignedControlPlaneCallsAsNoServiceOfLocalCloud() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(cloud.endpoint() + "/restapis")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
    }
}
