package io.eventgate.localcloud.apigateway.execute;

import io.eventgate.localcloud.apigateway.control.KeyStore;
import io.eventgate.localcloud.apigateway.control.RestApiStore;
import io.eventgate.localcloud.apigateway.model.ApiKey;
import io.eventgate.localcloud.apigateway.model.Integration;
import io.eventgate.localcloud.apigateway.model.Method;
import io.eventgate.localcloud.apigateway.model.UsagePlan;
import io.eventgate.localcloud.apigateway.usage.UsageLimiter;
import io.eventgate.localcloud.apigateway.vtl.MappingTemplates;
import io.eventgate.localcloud.edge.EdgeRequest;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.json.Json;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Executes deployed REST APIs at {@code /_aws/execute-api/{apiId}/{stage}/{path}}, in API Gateway's order: payload
 * size, resource and method, API key and usage plan (throttle, quota), request validation, integration, integration
 * response. Every refusal carries AWS's status, {@code {"message": ...}}, {@code x-amzn-ErrorType} and
 * {@code x-amzn-RequestId}.
 */
public final class ExecuteApi {

    /** Where the data plane lives on the edge (LocalStack's URL form). */
    public static final String PATH_PREFIX = "/_aws/execute-api/";

    /** API Gateway's payload limit. */
    public static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ExecuteApi.class);
    private static final int MATCHER_CACHE_LIMIT = 1024;

    private final String accountId;
    private final RestApiStore apis;
    private final KeyStore keys;
    private final UsageLimiter limiter;
    private final Clock clock;
    private final MappingTemplates templates = new MappingTemplates();
    private final RequestValidation validation = new RequestValidation();
    private final ResponseMapping responses = new ResponseMapping(templates);
    private final AwsServiceBackend aws;
    private final HttpBackend http;
    private final Map<String, ResourceMatcher> matchers = new ConcurrentHashMap<>();

    /**
     * @param services answers the AWS requests {@code AWS} integrations make (local-cloud's edge router)
     * @param client   calls {@code HTTP} / {@code HTTP_PROXY} backends
     */
    public ExecuteApi(String accountId, RestApiStore apis, KeyStore keys, UsageLimiter limiter, Clock clock,
                      Function<EdgeRequest, EdgeResponse> services, HttpClient client) {
        this.accountId = accountId;
        this.apis = apis;
        this.keys = keys;
        this.limiter = limiter;
        this.clock = clock;
        this.aws = new AwsServiceBackend(services);
        this.http = new HttpBackend(client);
    }

    public static boolean accepts(EdgeRequest request) {
        return request.path().startsWith(PATH_PREFIX);
    }

    public EdgeResponse handle(EdgeRequest request) {
        String requestId = UUID.randomUUID().toString();
        try {
            return execute(request, requestId);
        } catch (GatewayException e) {
            log.debug("Request {} {} {} refused: {} {}", requestId, request.method(), request.path(), e.status(),
                    e.getMessage());
            return error(e, requestId);
        } catch (MappingTemplates.TemplateException e) {
            log.error("Request {} {} {}: {}", requestId, request.method(), request.path(), e.getMessage());
            return error(GatewayException.internalError(), requestId);
        }
    }

    private EdgeResponse execute(EdgeRequest edge, String requestId) {
        String[] parts = edge.path().substring(PATH_PREFIX.length()).split("/", 3);
        if (edge.body().length > MAX_PAYLOAD_BYTES) {
            throw GatewayException.requestTooLarge();
        }
        if (parts.length < 2) {
            throw GatewayException.missingAuthenticationToken();
        }
        var deployed = apis.deployed(parts[0], parts[1]).orElseThrow(GatewayException::missingAuthenticationToken);
        String path = "/" + (parts.length > 2 ? parts[2] : "");
        ResourceMatcher matcher = matchers.get(deployed.deployment().id());
        if (matcher == null) {
            if (matchers.size() >= MATCHER_CACHE_LIMIT) {
                matchers.clear();
            }
            matcher = new ResourceMatcher(deployed.api());
            matchers.put(deployed.deployment().id(), matcher);
        }
        var match = matcher.match(path).orElseThrow(GatewayException::missingAuthenticationToken);
        Method method = match.resource().method(edge.method()).or(() -> match.resource().method("ANY"))
                .orElseThrow(GatewayException::missingAuthenticationToken);
        Map<String, String> query = new LinkedHashMap<>();
        edge.queryParameters().forEach((name, values) -> query.put(name, values.getFirst()));
        var request = new MethodRequest(edge.method(), path, edge.headers(), edge.rawQuery(), query,
                match.pathParams(), edge.body(), edge.remoteAddress());
        var invocation = new Invocation(requestId, accountId, deployed, match.resource(), method, request,
                clock.instant());
        if (method.apiKeyRequired()) {
            authorize(edge, invocation);
        }
        validation.validate(deployed.api(), method, request);
        Integration integration = method.integration().orElseThrow(() -> {
            log.error("Request {}: {} {} has no integration", requestId, method.httpMethod(), match.resource().path());
            return GatewayException.internalError();
        });
        if (integration.type().equals("HTTP_PROXY")) {
            return answer(proxy(integration, invocation), requestId);
        }
        BackendResponse backend = switch (integration.type()) {
            case "MOCK" -> mock(integration, invocation);
            case "HTTP" -> callHttp(integration, invocation);
            case "AWS" -> aws.call(integration.uri().orElseThrow(),
                    IntegrationRequest.build(integration, invocation, templates), invocation);
            default -> {
                log.error("Request {}: integration type {} of {} {} is not supported by local-cloud; answering 500",
                        requestId, integration.type(), method.httpMethod(), match.resource().path());
                throw GatewayException.internalError();
            }
        };
        var mapped = responses.map(integration, backend, invocation);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        mapped.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("x-amzn-RequestId", List.of(requestId));
        return new EdgeResponse(mapped.status(), headers, mapped.body());
    }

    /** Missing, unknown or disabled key, or no usage plan for this stage: 403; then the plan's throttle and quota. */
    private void authorize(EdgeRequest edge, Invocation invocation) {
        String value = edge.header("x-api-key").orElseThrow(GatewayException::forbidden);
        ApiKey key = keys.keyByValue(value).filter(ApiKey::enabled).orElseThrow(GatewayException::forbidden);
        UsagePlan plan = keys.planFor(key.id(), invocation.deployed.api().id(), invocation.deployed.stage().stageName())
                .orElseThrow(GatewayException::forbidden);
        switch (limiter.admit(plan, key.id())) {
            case THROTTLED -> throw GatewayException.throttled();
            case QUOTA_EXCEEDED -> throw GatewayException.quotaExceeded();
            case ALLOWED -> invocation.identifiedBy(key.id(), key.value());
        }
    }

    private BackendResponse mock(Integration integration, Invocation invocation) {
        String rendered = IntegrationRequest.build(integration, invocation, templates).body();
        int status = 200;
        try {
            JsonNode code = rendered.isBlank() ? null : Json.parse(rendered).get("statusCode");
            if (code != null && code.canConvertToInt()) {
                status = code.asInt();
            }
        } catch (JacksonException e) {
            log.debug("Request {}: MOCK request template output is not JSON; status 200", invocation.requestId);
        }
        return new BackendResponse(status, Map.of(), new byte[0]);
    }

    private BackendResponse callHttp(Integration integration, Invocation invocation) {
        var request = IntegrationRequest.build(integration, invocation, templates);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", List.of(invocation.request.contentType()));
        request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return http.call(backendMethod(integration, invocation), integration.uri().orElseThrow(),
                request.pathParams(), "", request.query(), headers, request.body().getBytes(StandardCharsets.UTF_8),
                integration.timeoutInMillis(), invocation);
    }

    /** HTTP_PROXY: the caller's request goes through as it is (plus mapped parameters), the answer comes back as is. */
    private BackendResponse proxy(Integration integration, Invocation invocation) {
        var mapped = IntegrationRequest.build(withoutTemplates(integration), invocation, templates);
        Map<String, String> pathParams = new LinkedHashMap<>(invocation.request.pathParams());
        pathParams.putAll(mapped.pathParams());
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(invocation.request.headers());
        mapped.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return http.call(backendMethod(integration, invocation), integration.uri().orElseThrow(), pathParams,
                invocation.request.rawQuery(), mapped.query(), headers, invocation.request.body(),
                integration.timeoutInMillis(), invocation);
    }

    /** The integration's HTTP method; {@code ANY} passes the caller's method on. */
    private static String backendMethod(Integration integration, Invocation invocation) {
        String method = integration.httpMethod().orElse("ANY");
        return method.equals("ANY") ? invocation.request.httpMethod() : method;
    }

    private static Integration withoutTemplates(Integration integration) {
        return new Integration(integration.type(), integration.httpMethod(), integration.uri(),
                integration.credentials(), integration.requestParameters(), Map.of(), "WHEN_NO_MATCH",
                integration.timeoutInMillis(), integration.contentHandling(), integration.responses());
    }

    private static EdgeResponse answer(BackendResponse backend, String requestId) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(backend.headers());
        headers.put("x-amzn-RequestId", List.of(requestId));
        return new EdgeResponse(backend.status(), headers, backend.body());
    }

    private static EdgeResponse error(GatewayException e, String requestId) {
        var body = Json.object().put("message", e.getMessage());
        return EdgeResponse.of(e.status(), "application/json", Json.bytes(body))
                .withHeader("x-amzn-ErrorType", e.type())
                .withHeader("x-amzn-RequestId", requestId);
    }
}
