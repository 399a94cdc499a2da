package io.eventgate.localcloud.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as it reached the edge, fully read.
 *
 * @param method        HTTP method, upper case
 * @param path          decoded path, starting with {@code /}
 * @param rawQuery      the query string as sent (may be empty, never null)
 * @param headers       header names are case-insensitive
 * @param body          the request body (empty array when there is none)
 * @param remoteAddress the caller's IP address
 */
public record EdgeRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                          String remoteAddress) {

    public EdgeRequest {
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
        headers = caseInsensitive;
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    /** First value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Query parameters, decoded, in order; a repeated name keeps every value. */
    public Map<String, List<String>> queryParameters() {
        return parseForm(rawQuery);
    }

    /** The media type of the body without parameters, lower case; empty when there is no Content-Type. */
    public String mediaType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase()).orElse("");
    }

    /** Parses {@code application/x-www-form-urlencoded} text (also used for query strings). */
    public static Map<String, List<String>> parseForm(String text) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return result;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
        }
        return result;
    }
}
