package io.eventgate.infra.aws;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON documents AWS stores as strings (policies, event patterns, schemas): compared by meaning, since AWS may
 * re-serialise them with other spacing or key order.
 */
public final class JsonDocs {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonDocs() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Whether both are JSON with the same content (objects compared without regard to key order). */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        try {
            return MAPPER.readTree(a).equals(MAPPER.readTree(b));
        } catch (JacksonException e) {
            return a.equals(b);
        }
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    public static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }
}
