package io.eventgate.localcloud.apigateway.vtl;

import io.eventgate.localcloud.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * {@code $input} in a mapping template: the payload (the method request's body in request templates, the backend's
 * answer in response templates) and the method request's parameters.
 */
public final class VtlInput {

    private final String body;
    private final Map<String, Map<String, String>> params;
    private JsonNode parsed;

    /**
     * @param body   the payload as text
     * @param params {@code path}, {@code querystring} and {@code header} maps of the method request
     */
    public VtlInput(String body, Map<String, Map<String, String>> params) {
        this.body = body;
        this.params = params;
    }

    /** {@code $input.body}: the raw payload. */
    public String getBody() {
        return body;
    }

    /** {@code $input.json(path)}: the JSON text at a JSONPath ({@code null} when absent). */
    public String json(String path) {
        JsonNode node = JsonPath.select(document(), path);
        return node.isMissingNode() ? "null" : Json.text(node);
    }

    /** {@code $input.path(path)}: the value at a JSONPath as an object templates can navigate (maps, lists). */
    public Object path(String path) {
        JsonNode node = JsonPath.select(document(), path);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isString() ? node.asString() : Json.MAPPER.convertValue(node, Object.class);
    }

    /** {@code $input.params()}: {@code {path: {...}, querystring: {...}, header: {...}}}. */
    public Map<String, Map<String, String>> params() {
        return params;
    }

    /** {@code $input.params(name)}: a parameter from the path, then the query string, then the headers. */
    public String params(String name) {
        for (String where : new String[] {"path", "querystring", "header"}) {
            Map<String, String> values = params.getOrDefault(where, Map.of());
            if (values.containsKey(name)) {
                return values.get(name);
            }
            if (where.equals("header")) {
                for (var entry : values.entrySet()) {
                    if (entry.getKey().equalsIgnoreCase(name)) {
                        return entry.getValue();
                    }
                }
            }
        }
        return "";
    }

    /** The payload parsed as JSON; a payload that is not JSON reads as an empty document. */
    private JsonNode document() {
        if (parsed == null) {
            try {
                parsed = body == null || body.isBlank() ? Json.object() : Json.parse(body);
            } catch (JacksonException e) {
                parsed = MissingNode.getInstance();
            }
        }
        return parsed;
    }

    static Map<String, Map<String, String>> emptyParams() {
        Map<String, Map<String, String>> empty = new LinkedHashMap<>();
        empty.put("path", Map.of());
        empty.put("querystring", Map.of());
        empty.put("header", Map.of());
        return empty;
    }
}
