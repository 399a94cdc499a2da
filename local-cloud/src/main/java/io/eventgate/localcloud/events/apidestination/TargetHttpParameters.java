package io.eventgate.localcloud.events.apidestination;

import io.eventgate.localcloud.edge.AwsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A rule target's {@code HttpParameters}: values for the endpoint's {@code *} path wildcards, and header and
 * query string parameters. Each value is either static text or a JSON path into the event ({@code $.detail.id}),
 * resolved per event.
 */
public record TargetHttpParameters(List<String> pathParameterValues, Map<String, String> headerParameters,
                                   Map<String, String> queryStringParameters) {

    public static final TargetHttpParameters NONE = new TargetHttpParameters(List.of(), Map.of(), Map.of());

    public TargetHttpParameters {
        pathParameterValues = List.copyOf(pathParameterValues);
        headerParameters = Map.copyOf(headerParameters);
        queryStringParameters = Map.copyOf(queryStringParameters);
    }

    /**
     * Reads a target's {@code HttpParameters} block (absent or null: none).
     *
     * @throws AwsException {@code ValidationException} for a malformed block, so PutTargets can reject it
     */
    public static TargetHttpParameters parse(JsonNode httpParameters) {
        if (httpParameters == null || httpParameters.isNull()) {
            return NONE;
        }
        if (!httpParameters.isObject()) {
            throw AwsException.validation("HttpParameters must be an object");
        }
        List<String> path = new ArrayList<>();
        JsonNode values = httpParameters.get("PathParameterValues");
        if (values != null && !values.isNull()) {
            if (!values.isArray()) {
                throw AwsException.validation("HttpParameters.PathParameterValues must be a list of strings");
            }
            for (JsonNode value : values) {
                if (!value.isString()) {
                    throw AwsException.validation("HttpParameters.PathParameterValues must be a list of strings");
                }
                path.add(value.asString());
            }
        }
        return new TargetHttpParameters(path, map(httpParameters, "HeaderParameters"),
                map(httpParameters, "QueryStringParameters"));
    }

    private static Map<String, String> map(JsonNode parent, String field) {
        JsonNode object = parent.get(field);
        if (object == null || object.isNull()) {
            return Map.of();
        }
        if (!object.isObject()) {
            throw AwsException.validation("HttpParameters." + field + " must be a map of strings");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!entry.getValue().isString()) {
                throw AwsException.validation("HttpParameters." + field + "." + entry.getKey() + " must be a string");
            }
            result.put(entry.getKey(), entry.getValue().asString());
        }
        return result;
    }

    /** The value for one event: static text as is, a JSON path resolved (empty when the path is missing). */
    static Optional<String> resolve(String value, JsonNode event) {
        if (!value.startsWith("$")) {
            return Optional.of(value);
        }
        return JsonPaths.find(event, value).map(node -> node.isString() ? node.asString() : node.toString());
    }
}
