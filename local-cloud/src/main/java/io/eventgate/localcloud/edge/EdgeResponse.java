package io.eventgate.localcloud.edge;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP response produced by a service behind the edge.
 *
 * @param status  HTTP status
 * @param headers response headers (Content-Length is computed by the edge)
 * @param body    response body, possibly empty
 */
public record EdgeResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public EdgeResponse {
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
        headers = caseInsensitive;
        body = body == null ? new byte[0] : body;
    }

    public static EdgeResponse of(int status, String contentType, byte[] body) {
        return new EdgeResponse(status, Map.of("Content-Type", List.of(contentType)), body);
    }

    public static EdgeResponse of(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with one more header (replacing any header of that name). */
    public EdgeResponse withHeader(String name, String value) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.put(name, List.of(value));
        return new EdgeResponse(status, copy, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
