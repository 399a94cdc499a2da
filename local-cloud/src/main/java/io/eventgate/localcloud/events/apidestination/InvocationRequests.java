package io.eventgate.localcloud.events.apidestination;

import io.eventgate.localcloud.events.connection.CallCredentials;
import io.eventgate.localcloud.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the HTTP request of one invocation: URL with wildcards and query, EventBridge's headers, auth, body. */
final class InvocationRequests {

    /** The headers EventBridge adds to every invocation. */
    static final Map<String, String> EVENTBRIDGE_HEADERS = Map.of(
            "User-Agent", "Amazon/EventBridge/ApiDestinations",
            "Content-Type", "application/json; charset=utf-8",
            "Range", "bytes=0-1048575",
            "Accept-Encoding", "gzip,deflate");

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private InvocationRequests() {
    }

    /** @throws IllegalArgumentException when the target's path values do not fit the endpoint's wildcards */
    static HttpRequest build(ApiDestination destination, Invocation invocation, CallCredentials credentials,
                             Duration timeout) {
        TargetHttpParameters parameters = invocation.parameters();
        JsonNode event = invocation.event();

        Map<String, String> query = new LinkedHashMap<>();
        parameters.queryStringParameters().forEach((name, value) ->
                TargetHttpParameters.resolve(value, event).ifPresent(v -> query.put(name, v)));
        query.putAll(credentials.queryParameters());

        // Case-insensitive: a later source replaces an earlier header whatever its spelling.
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(EVENTBRIDGE_HEADERS);
        parameters.headerParameters().forEach((name, value) ->
                TargetHttpParameters.resolve(value, event).ifPresent(v -> headers.put(name, v)));
        headers.putAll(credentials.headers());

        URI uri = URI.create(withQuery(fillWildcards(destination.invocationEndpoint(),
                parameters.pathParameterValues().iterator(), event), query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value);
            }
        });
        String method = destination.httpMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(
                    body(invocation.payload(), credentials.bodyParameters()), StandardCharsets.UTF_8));
        }
        return request.build();
    }

    private static String fillWildcards(String endpoint, Iterator<String> values, JsonNode event) {
        StringBuilder url = new StringBuilder();
        int wildcards = 0;
        for (char c : endpoint.toCharArray()) {
            if (c != '*') {
                url.append(c);
                continue;
            }
            wildcards++;
            if (!values.hasNext()) {
                throw new IllegalArgumentException("The endpoint has " + wildcards
                        + " or more path wildcards but the target gives fewer PathParameterValues");
            }
            String value = TargetHttpParameters.resolve(values.next(), event).orElse("");
            url.append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return url.toString();
    }

    private static String withQuery(String url, Map<String, String> query) {
        if (query.isEmpty()) {
            return url;
        }
        String encoded = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return url + (url.contains("?") ? "&" : "?") + encoded;
    }

    /** The connection's body parameters join a JSON object payload (and win); other payloads go as they are. */
    private static String body(String payload, Map<String, String> bodyParameters) {
        if (bodyParameters.isEmpty()) {
            return payload;
        }
        try {
            JsonNode parsed = Json.parse(payload);
            if (parsed instanceof ObjectNode object) {
                bodyParameters.forEach(object::put);
                return Json.text(object);
            }
        } catch (JacksonException e) {
            // Not JSON: sent unchanged, as a text payload cannot take named parameters.
        }
        return payload;
    }
}
