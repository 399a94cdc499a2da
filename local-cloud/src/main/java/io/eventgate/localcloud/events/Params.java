package io.eventgate.localcloud.events;

import io.eventgate.localcloud.edge.AwsException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads request parameters and fails the way AWS's validation does. */
final class Params {

    static final Pattern RULE_NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");
    static final Pattern BUS_NAME = Pattern.compile("[/\\.\\-_A-Za-z0-9]+");
    static final Pattern TARGET_ID = Pattern.compile("[\\.\\-_A-Za-z0-9]+");

    private Params() {
    }

    static Optional<String> optional(JsonNode input, String field) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw AwsException.validation("1 validation error detected: Value at '" + camel(field)
                    + "' failed to satisfy constraint: Member must be a string");
        }
        return Optional.of(value.asString());
    }

    static String required(JsonNode input, String field) {
        return optional(input, field).orElseThrow(() -> AwsException.validation("1 validation error detected: "
                + "Value null at '" + camel(field) + "' failed to satisfy constraint: Member must not be null"));
    }

    /** A required name: non-empty, at most {@code max} characters, matching {@code pattern}. */
    static String name(JsonNode input, String field, Pattern pattern, int max) {
        return checkName(required(input, field), field, pattern, max);
    }

    static String checkName(String value, String field, Pattern pattern, int max) {
        if (value.isEmpty() || value.length() > max) {
            throw AwsException.validation("1 validation error detected: Value '" + value + "' at '" + camel(field)
                    + "' failed to satisfy constraint: Member must have length between 1 and " + max);
        }
        if (!pattern.matcher(value).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + value + "' at '" + camel(field)
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + pattern.pattern());
        }
        return value;
    }

    /** An array parameter with {@code min}..{@code max} members. */
    static ArrayNode array(JsonNode input, String field, int min, int max) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) {
            throw AwsException.validation("1 validation error detected: Value null at '" + camel(field)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (!value.isArray()) {
            throw AwsException.validation("1 validation error detected: Value at '" + camel(field)
                    + "' failed to satisfy constraint: Member must be a list");
        }
        if (value.size() < min || value.size() > max) {
            throw AwsException.validation("1 validation error detected: Value at '" + camel(field)
                    + "' failed to satisfy constraint: Member must have length "
                    + (value.size() < min ? "greater than or equal to " + min : "less than or equal to " + max));
        }
        return (ArrayNode) value;
    }

    /**
     * One page of a listing: {@code Limit} (1-100) items from the offset in {@code NextToken}; puts the items under
     * {@code field} and a {@code NextToken} when more remain.
     */
    static <T> ObjectNode page(JsonNode input, List<T> all, ObjectNode output, String field,
                               java.util.function.Function<T, JsonNode> render) {
        int limit = input.hasNonNull("Limit") ? input.get("Limit").asInt() : 100;
        if (limit < 1 || limit > 100) {
            throw AwsException.validation("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100");
        }
        int from = 0;
        if (input.hasNonNull("NextToken")) {
            try {
                from = Integer.parseInt(input.get("NextToken").asString());
            } catch (NumberFormatException e) {
                throw AwsException.validation("The NextToken is not valid.");
            }
        }
        ArrayNode items = output.putArray(field);
        int to = Math.min(all.size(), from + limit);
        for (int i = Math.max(0, from); i < to; i++) {
            items.add(render.apply(all.get(i)));
        }
        if (to < all.size()) {
            output.put("NextToken", String.valueOf(to));
        }
        return output;
    }

    private static String camel(String field) {
        return Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }
}
