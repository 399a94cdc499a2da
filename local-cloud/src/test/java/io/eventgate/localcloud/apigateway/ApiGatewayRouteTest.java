package io.eventgate.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.json.Json;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.QuotaSettings;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;

/** The data plane over plain HTTP, with routes built through the SDK: MOCK, HTTP and HTTP_PROXY integrations. */
class ApiGatewayRouteTest {

    private static LocalCloud cloud;
    private static Gateway gateway;
    private static ApiGatewayClient client;
    private static EchoBackend backend;

    @BeforeAll
    static void start() throws Exception {
        cloud = SharedCloud.get();
        gateway = new Gateway(cloud.endpoint());
        client = gateway.client;
        backend = new EchoBackend();
    }

    @AfterAll
    static void stop() {
        backend.close();
        client.close();
    }

    @Test
    void rendersContextInputAndStageVariablesInAMockRoute() throws Exception {
        String apiId = gateway.createApi("context");
        String hello = gateway.resource(apiId, gateway.rootId(apiId), "hello");
        gateway.mockMethod(apiId, hello, "GET", false, """
                {"stage": "$context.stage", "method": "$context.httpMethod", "path": "$context.resourcePath",
                 "ip": "$context.identity.sourceIp", "q": "$input.params('q')", "colour": "$stageVariables.colour",
                 "requestId": "$context.requestId", "epoch": $context.requestTimeEpoch}""");
        client.createDeployment(b -> b.restApiId(apiId).stageName("dev").variables(Map.of("colour", "teal")));

        HttpResponse<String> response = gateway.call("GET", gateway.url(apiId, "dev", "/hello?q=42"), Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = Json.parse(response.body());
        assertThat(body.get("stage").asString()).isEqualTo("dev");
        assertThat(body.get("method").asString()).isEqualTo("GET");
        assertThat(body.get("path").asString()).isEqualTo("/hello");
        assertThat(body.get("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(body.get("q").asString()).isEqualTo("42");
        assertThat(body.get("colour").asString()).isEqualTo("teal");
        assertThat(body.get("requestId").asString())
                .isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(body.get("epoch").asLong()).isPositive();
    }

    @Test
    void answersUnknownPathsMethodsAndStagesWithMissingAuthenticationToken() throws Exception {
        String apiId = gateway.createApi("unknown");
        gateway.mockMethod(apiId, gateway.resource(apiId, gateway.rootId(apiId), "known"), "GET", false, "{}");
        gateway.deploy(apiId, "dev");

        for (var call : new String[][] {{"GET", "dev", "/unknown"}, {"DELETE", "dev", "/known"},
                {"GET", "nostage", "/known"}}) {
            HttpResponse<String> response = gateway.call(call[0], gateway.url(apiId, call[1], call[2]), Map.of(), null);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                    .contains("MissingAuthenticationTokenException");
            assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        }
    }

    @Test
    void matchesLiteralsBeforeParametersBeforeGreedyPathsAndAnyMethod() throws Exception {
        String apiId = gateway.createApi("matching");
        String root = gateway.rootId(apiId);
        String items = gateway.resource(apiId, root, "items");
        String item = gateway.resource(apiId, items, "{id}");
        String latest = gateway.resource(apiId, items, "latest");
        String proxy = gateway.resource(apiId, root, "{proxy+}");
        gateway.mockMethod(apiId, item, "GET", false, "{\"id\": \"$input.params('id')\"}");
        gateway.mockMethod(apiId, latest, "GET", false, "{\"latest\": true}");
        gateway.mockMethod(apiId, proxy, "ANY", false, "{\"rest\": \"$input.params('proxy')\", \"m\": \"$context.httpMethod\"}");
        gateway.deploy(apiId, "dev");

        assertThat(gateway.call("GET", gateway.url(apiId, "dev", "/items/7"), Map.of(), null).body())
                .isEqualTo("{\"id\": \"7\"}");
        assertThat(gateway.call("GET", gateway.url(apiId, "dev", "/items/latest"), Map.of(), null).body())
                .isEqualTo("{\"latest\": true}");
        assertThat(gateway.call("PATCH", gateway.url(apiId, "dev", "/a/b/c"), Map.of(), "{}").body())
                .isEqualTo("{\"rest\": \"a/b/c\", \"m\": \"PATCH\"}");
    }

    @Test
    void refusesMissingWrongAndDisabledKeysAndKeysWithoutAPlanForTheStage() throws Exception {
        String apiId = gateway.createApi("keys");
        gateway.mockMethod(apiId, gateway.rootId(apiId), "POST", true, "{\"key\": \"$context.identity.apiKeyId\"}");
        gateway.deploy(apiId, "dev");
        gateway.deploy(apiId, "other");
        var good = gateway.key("good", apiId, "dev", "keys-dev", b -> { });
        var disabled = gateway.key("disabled", apiId, "dev", "keys-dev-2", b -> { });
        client.updateApiKey(b -> b.apiKey(disabled.id()).patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/enabled").value("false").build()));
        var otherStage = gateway.key("other-stage", apiId, "other", "keys-other", b -> { });
        var planless = client.createApiKey(b -> b.name("planless").enabled(true));

        HttpResponse<String> ok = gateway.post(gateway.url(apiId, "dev", "/"), good.value(), "{}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"key\": \"" + good.id() + "\"}");

        for (String key : new String[] {null, "wrong-key-value-0123456789", disabled.value(), otherStage.value(),
                planless.value()}) {
            HttpResponse<String> refused = gateway.post(gateway.url(apiId, "dev", "/"), key, "{}");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).isEqualTo("{\"message\":\"Forbidden\"}");
            assertThat(refused.headers().firstValue("x-amzn-ErrorType")).contains("ForbiddenException");
        }
    }

    @Test
    void throttlesABurstThenAnswersTooManyRequests() throws Exception {
        String apiId = gateway.createApi("throttle");
        gateway.mockMethod(apiId, gateway.rootId(apiId), "POST", true, "{}");
        gateway.deploy(apiId, "dev");
        // A burst of 3 and a refill far slower than the test, so the 4th request finds the bucket empty.
        var key = gateway.key("throttled", apiId, "dev", "throttle-plan",
                b -> b.throttle(ThrottleSettings.builder().burstLimit(3).rateLimit(0.001).build()));

        for (int i = 0; i < 3; i++) {
            assertThat(gateway.post(gateway.url(apiId, "dev", "/"), key.value(), "{}").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> throttled = gateway.post(gateway.url(apiId, "dev", "/"), key.value(), "{}");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).contains("TooManyRequestsException");
    }

    @Test
    void enforcesTheQuotaPerKey() throws Exception {
        String apiId = gateway.createApi("quota");
        gateway.mockMethod(apiId, gateway.rootId(apiId), "POST", true, "{}");
        gateway.deploy(apiId, "dev");
        var key = gateway.key("quota", apiId, "dev", "quota-plan",
                b -> b.quota(QuotaSettings.builder().limit(2).period(QuotaPeriodType.DAY).build()));

        assertThat(gateway.post(gateway.url(apiId, "dev", "/"), key.value(), "{}").statusCode()).isEqualTo(200);
        assertThat(gateway.post(gateway.url(apiId, "dev", "/"), key.value(), "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> exceeded = gateway.post(gateway.url(apiId, "dev", "/"), key.value(), "{}");

        assertThat(exceeded.statusCode()).isEqualTo(429);
        assertThat(exceeded.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
        assertThat(exceeded.headers().firstValue("x-amzn-ErrorType")).contains("LimitExceededException");
    }

    @Test
    void refusesABodyFailingTheModelAndMissingRequiredParameters() throws Exception {
        String apiId = gateway.createApi("validation");
        String root = gateway.rootId(apiId);
        client.createModel(b -> b.restApiId(apiId).name("Thing").contentType("application/json").schema("""
                {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object", "required": ["name"],
                 "properties": {"name": {"type": "string", "minLength": 1}}, "additionalProperties": false}"""));
        String validator = client.createRequestValidator(b -> b.restApiId(apiId).name("all")
                .validateRequestBody(true).validateRequestParameters(true)).id();
        client.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").authorizationType("NONE")
                .requestValidatorId(validator).requestModels(Map.of("application/json", "Thing"))
                .requestParameters(Map.of("method.request.header.X-Trace", true)));
        client.putIntegration(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").type(IntegrationType.HTTP)
                .integrationHttpMethod("POST").uri(backend.url() + "/things"));
        client.putMethodResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        gateway.deploy(apiId, "dev");
        int before = backend.received.size();

        var traced = Map.of("Content-Type", "application/json", "X-Trace", "t-1");
        for (String bad : new String[] {"{\"name\": \"\"}", "{\"name\": \"x\", \"extra\": 1}", "[1]", "not json"}) {
            HttpResponse<String> refused = gateway.call("POST", gateway.url(apiId, "dev", "/"), traced, bad);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).isEqualTo("{\"message\": \"Invalid request body\"}".replace(": ", ":"));
            assertThat(refused.headers().firstValue("x-amzn-ErrorType")).contains("BadRequestException");
        }
        HttpResponse<String> untraced = gateway.call("POST", gateway.url(apiId, "dev", "/"),
                Map.of("Content-Type", "application/json"), "{\"name\": \"x\"}");
        assertThat(untraced.statusCode()).isEqualTo(400);
        assertThat(untraced.body()).contains("Missing required request parameters: [X-Trace]");
        assertThat(backend.received).hasSize(before);

        assertThat(gateway.call("POST", gateway.url(apiId, "dev", "/"), traced, "{\"name\": \"x\"}").statusCode())
                .isEqualTo(200);
        assertThat(backend.received).hasSize(before + 1);
    }

    @Test
    void escapesQuotesNewlinesAndNonAsciiWithEscapeJavaScript() throws Exception {
        String apiId = gateway.createApi("escape");
        String root = gateway.rootId(apiId);
        client.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").authorizationType("NONE"));
        client.putIntegration(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").type(IntegrationType.HTTP)
                .integrationHttpMethod("POST").uri(backend.url() + "/escaped").passthroughBehavior("NEVER")
                .requestTemplates(Map.of("application/json",
                        "{\"text\": \"$util.escapeJavaScript($input.path('$.text'))\","
                                + " \"whole\": \"$util.escapeJavaScript($input.json('$'))\"}")));
        client.putMethodResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        gateway.deploy(apiId, "dev");
        String text = "He said \"ship it\"\nthen left \\ Zoë → 東京 🚚";

        var response = gateway.post(gateway.url(apiId, "dev", "/"), null,
                Json.text(Json.object().put("text", text)));

        assertThat(response.statusCode()).isEqualTo(200);
        var sent = Json.parse(backend.last().body());
        assertThat(sent.get("text").asString()).isEqualTo(text);
        assertThat(Json.parse(sent.get("whole").asString()).get("text").asString()).isEqualTo(text);
        assertThat(backend.last().body()).matches("\\p{ASCII}*");
    }

    @Test
    void callsAnHttpBackendWithMappedParametersAndChoosesTheIntegrationResponseByStatus() throws Exception {
        String apiId = gateway.createApi("http");
        String things = gateway.resource(apiId, gateway.rootId(apiId), "things");
        String thing = gateway.resource(apiId, things, "{id}");
        client.putMethod(b -> b.restApiId(apiId).resourceId(thing).httpMethod("GET").authorizationType("NONE"));
        client.putIntegration(b -> b.restApiId(apiId).resourceId(thing).httpMethod("GET").type(IntegrationType.HTTP)
                .integrationHttpMethod("GET").uri(backend.url() + "/{which}/{id}")
                .requestParameters(Map.of("integration.request.path.id", "method.request.path.id",
                        "integration.request.path.which", "stageVariables.which",
                        "integration.request.header.X-Caller", "context.identity.sourceIp",
                        "integration.request.querystring.view", "'full'")));
        client.putMethodResponse(b -> b.restApiId(apiId).resourceId(thing).httpMethod("GET").statusCode("200")
                .responseParameters(Map.of("method.response.header.X-From", false)));
        client.putMethodResponse(b -> b.restApiId(apiId).resourceId(thing).httpMethod("GET").statusCode("404"));
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(thing).httpMethod("GET").statusCode("200")
                .responseParameters(Map.of("method.response.header.X-From", "integration.response.header.X-Backend"))
                .responseTemplates(Map.of("application/json", "{\"size\": $input.json('$.size')}")));
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(thing).httpMethod("GET").statusCode("404")
                .selectionPattern("4\\d{2}")
                .responseTemplates(Map.of("application/json", "{\"reason\": \"$input.path('$.error')\"}")));
        client.createDeployment(b -> b.restApiId(apiId).stageName("live").variables(Map.of("which", "records")));
        client.createDeployment(b -> b.restApiId(apiId).stageName("gone").variables(Map.of("which", "missing")));

        HttpResponse<String> found = gateway.call("GET", gateway.url(apiId, "live", "/things/a%20b"), Map.of(), null);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).isEqualTo("{\"size\": 0}");
        assertThat(found.headers().firstValue("X-From")).contains("echo");
        assertThat(backend.last().path()).isEqualTo("/records/a b");
        assertThat(backend.last().query()).isEqualTo("view=full");
        assertThat(backend.last().header("X-Caller")).isEqualTo("127.0.0.1");

        HttpResponse<String> missing = gateway.call("GET", gateway.url(apiId, "gone", "/things/1"), Map.of(), null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"reason\": \"no such thing\"}");
    }

    @Test
    void passesRequestsAndAnswersThroughAnHttpProxyIntegration() throws Exception {
        String apiId = gateway.createApi("proxy");
        String proxy = gateway.resource(apiId, gateway.rootId(apiId), "{proxy+}");
        client.putMethod(b -> b.restApiId(apiId).resourceId(proxy).httpMethod("ANY").authorizationType("NONE")
                .requestParameters(Map.of("method.request.path.proxy", true)));
        client.putIntegration(b -> b.restApiId(apiId).resourceId(proxy).httpMethod("ANY")
                .type(IntegrationType.HTTP_PROXY).integrationHttpMethod("ANY").uri(backend.url() + "/{proxy}")
                .requestParameters(Map.of("integration.request.path.proxy", "method.request.path.proxy")));
        gateway.deploy(apiId, "dev");

        HttpResponse<String> response = gateway.call("PUT", gateway.url(apiId, "dev", "/missing/deep?x=1"),
                Map.of("X-Custom", "yes", "Content-Type", "text/plain"), "raw body");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"no such thing\"}");
        assertThat(response.headers().firstValue("X-Backend")).contains("echo");
        assertThat(backend.last().method()).isEqualTo("PUT");
        assertThat(backend.last().path()).isEqualTo("/missing/deep");
        assertThat(backend.last().query()).isEqualTo("x=1");
        assertThat(backend.last().header("X-Custom")).isEqualTo("yes");
        assertThat(backend.last().body()).isEqualTo("raw body");
    }

    @Test
    void answersInternalServerErrorWhenTheHttpBackendIsDown() throws Exception {
        String apiId = gateway.createApi("down");
        String root = gateway.rootId(apiId);
        client.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").authorizationType("NONE"));
        client.putIntegration(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").type(IntegrationType.HTTP)
                .integrationHttpMethod("GET").uri("http://127.0.0.1:1/nothing-listens-here"));
        gateway.deploy(apiId, "dev");

        HttpResponse<String> response = gateway.call("GET", gateway.url(apiId, "dev", "/"), Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InternalServerErrorException");
    }

    @Test
    void overridesTheResponseStatusFromTheResponseTemplate() throws Exception {
        String apiId = gateway.createApi("override");
        gateway.mockMethod(apiId, gateway.rootId(apiId), "GET", false,
                "#set($context.responseOverride.status = 418)\n#set($context.responseOverride.header.Tea = 'pot')\n"
                        + "#set($context.responseOverride.header.x-amzn-ErrorType = 'TeapotException')\n{}");
        gateway.deploy(apiId, "dev");

        HttpResponse<String> response = gateway.call("GET", gateway.url(apiId, "dev", "/"), Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.headers().firstValue("Tea")).contains("pot");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).as("hyphens in identifiers, as in Velocity 1.7")
                .contains("TeapotException");
    }

    @Test
    void validatesTheTextTheTemplatesSeeRefusingMalformedUtf8() throws Exception {
        String apiId = gateway.createApi("utf8");
        String root = gateway.rootId(apiId);
        client.createModel(b -> b.restApiId(apiId).name("Named").contentType("application/json").schema("""
                {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object", "required": ["name"],
                 "properties": {"name": {"type": "string", "pattern": "^[a-z/]+$"}}}"""));
        String validator = client.createRequestValidator(b -> b.restApiId(apiId).name("body")
                .validateRequestBody(true).validateRequestParameters(false)).id();
        client.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").authorizationType("NONE")
                .requestValidatorId(validator).requestModels(Map.of("application/json", "Named")));
        client.putIntegration(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        client.putMethodResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        gateway.deploy(apiId, "dev");
        byte[] prefix = "{\"name\": \"a".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] suffix = "\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        // An overlong "/" (C0 AF), a UTF-8-encoded surrogate (ED A0 80), a stray byte: each would be read one way by
        // a lenient byte parser and another way by the templates.
        for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xFF}}) {
            byte[] body = new byte[prefix.length + bad.length + suffix.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(bad, 0, body, prefix.length, bad.length);
            System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
            HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(gateway.url(apiId, "dev", "/"))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(java.util.HexFormat.of().formatHex(bad)).isEqualTo(400);
            assertThat(refused.body()).contains("Invalid request body");
        }
        assertThat(gateway.post(gateway.url(apiId, "dev", "/"), null, "{\"name\": \"a/b\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void servesChangesOnlyAfterTheyAreDeployed() throws Exception {
        String apiId = gateway.createApi("deploy");
        String root = gateway.rootId(apiId);
        gateway.mockMethod(apiId, root, "GET", false, "{\"version\": 1}");
        gateway.deploy(apiId, "dev");
        String added = gateway.resource(apiId, root, "added");
        gateway.mockMethod(apiId, added, "GET", false, "{\"added\": true}");
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"version\": 2}")));

        assertThat(gateway.call("GET", gateway.url(apiId, "dev", "/added"), Map.of(), null).statusCode())
                .isEqualTo(403);
        assertThat(gateway.call("GET", gateway.url(apiId, "dev", "/"), Map.of(), null).body())
                .isEqualTo("{\"version\": 1}");

        gateway.deploy(apiId, "dev");

        assertThat(gateway.call("GET", gateway.url(apiId, "dev", "/added"), Map.of(), null).body())
                .isEqualTo("{\"added\": true}");
        assertThat(gateway.call("GET", gateway.url(apiId, "dev", "/"), Map.of(), null).body())
                .isEqualTo("{\"version\": 2}");
    }

    @Test
    void refusesPayloadsOverTenMegabytes() throws Exception {
        String apiId = gateway.createApi("large");
        gateway.mockMethod(apiId, gateway.rootId(apiId), "POST", false, "{}");
        gateway.deploy(apiId, "dev");

        HttpResponse<String> response = gateway.post(gateway.url(apiId, "dev", "/"), null,
                "\"" + "x".repeat(10 * 1024 * 1024) + "\"");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request Too Long\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("RequestTooLargeException");
    }
}
