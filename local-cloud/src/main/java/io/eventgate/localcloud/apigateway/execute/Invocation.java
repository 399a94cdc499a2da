package io.eventgate.localcloud.apigateway.execute;

import io.eventgate.localcloud.apigateway.control.RestApiStore;
import io.eventgate.localcloud.apigateway.model.ApiResource;
import io.eventgate.localcloud.apigateway.model.Method;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request going through a deployed method: what was called, by whom, and {@code $context} as the templates see
 * it (templates may write into {@code requestOverride} and {@code responseOverride}).
 */
final class Invocation {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    final String requestId;
    final RestApiStore.Deployed deployed;
    final ApiResource resource;
    final Method method;
    final MethodRequest request;
    final Map<String, Object> context = new LinkedHashMap<>();
    private final Map<String, Object> identity = new LinkedHashMap<>();

    Invocation(String requestId, String accountId, RestApiStore.Deployed deployed, ApiResource resource,
               Method method, MethodRequest request, Instant received) {
        this.requestId = requestId;
        this.deployed = deployed;
        this.resource = resource;
        this.method = method;
        this.request = request;
        String stage = deployed.stage().stageName();
        context.put("requestId", requestId);
        context.put("extendedRequestId", requestId);
        context.put("accountId", accountId);
        context.put("apiId", deployed.api().id());
        context.put("stage", stage);
        context.put("httpMethod", request.httpMethod());
        context.put("resourceId", resource.id());
        context.put("resourcePath", resource.path());
        context.put("path", "/" + stage + request.path());
        context.put("protocol", "HTTP/1.1");
        context.put("domainName", request.header("Host").orElse("localhost"));
        context.put("requestTime", REQUEST_TIME.format(received));
        context.put("requestTimeEpoch", received.toEpochMilli());
        context.put("deploymentId", deployed.deployment().id());
        identity.put("sourceIp", request.sourceIp());
        identity.put("userAgent", request.header("User-Agent").orElse(null));
        identity.put("apiKey", null);
        identity.put("apiKeyId", null);
        context.put("identity", identity);
        Map<String, Object> requestOverride = new LinkedHashMap<>();
        requestOverride.put("header", new LinkedHashMap<String, Object>());
        requestOverride.put("querystring", new LinkedHashMap<String, Object>());
        requestOverride.put("path", new LinkedHashMap<String, Object>());
        context.put("requestOverride", requestOverride);
        resetResponseOverride();
    }

    /** Records the caller's key; templates see it as {@code $context.identity.apiKey} / {@code apiKeyId}. */
    void identifiedBy(String apiKeyId, String apiKey) {
        identity.put("apiKeyId", apiKeyId);
        identity.put("apiKey", apiKey);
    }

    Optional<String> apiKeyId() {
        return Optional.ofNullable((String) identity.get("apiKeyId"));
    }

    Map<String, String> stageVariables() {
        return deployed.stage().variables();
    }

    void resetResponseOverride() {
        Map<String, Object> responseOverride = new LinkedHashMap<>();
        responseOverride.put("header", new LinkedHashMap<String, Object>());
        responseOverride.put("status", null);
        context.put("responseOverride", responseOverride);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> override(String which, String part) {
        Object value = ((Map<String, Object>) context.get(which)).get(part);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    Optional<Integer> responseStatusOverride() {
        Object status = ((Map<String, Object>) context.get("responseOverride")).get("status");
        if (status == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(String.valueOf(status).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code $input.params()} of the method request. */
    Map<String, Map<String, String>> params() {
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        params.put("path", request.pathParams());
        params.put("querystring", request.query());
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.getFirst());
            }
        });
        params.put("header", headers);
        return params;
    }
}
