package io.eventgate.localcloud.apigateway.execute;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The caller's request as the method sees it.
 *
 * @param path        the path after the stage, starting with {@code /}
 * @param headers     case-insensitive
 * @param query       first value of each query parameter
 * @param pathParams  values of the matched resource's {@code {params}}
 */
record MethodRequest(String httpMethod, String path, Map<String, List<String>> headers, String rawQuery,
                     Map<String, String> query, Map<String, String> pathParams, byte[] body, String sourceIp) {

    Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The media type of the body, lower case, without parameters; {@code application/json} when none is given. */
    String contentType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase())
                .filter(v -> !v.isEmpty()).orElse("application/json");
    }

    MethodRequest withPathParams(Map<String, String> params) {
        return new MethodRequest(httpMethod, path, headers, rawQuery, query, Map.copyOf(params), body, sourceIp);
    }
}
