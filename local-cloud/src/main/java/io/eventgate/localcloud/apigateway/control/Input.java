package io.eventgate.localcloud.apigateway.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Typed reads of a control-plane request document, refusing wrong types with BadRequestException. */
record Input(JsonNode node) {

    Optional<String> string(String field) {
        return typed(field, JsonNode::isString, "a string", JsonNode::asString);
    }

    String required(String field) {
        return string(field).filter(s -> !s.isEmpty())
                .orElseThrow(() -> ControlErrors.badRequest(field + " is required"));
    }

    Optional<Boolean> bool(String field) {
        return typed(field, JsonNode::isBoolean, "a boolean", JsonNode::asBoolean);
    }

    Optional<Double> number(String field) {
        return typed(field, JsonNode::isNumber, "a number", JsonNode::asDouble);
    }

    Optional<Input> object(String field) {
        return typed(field, JsonNode::isObject, "an object", Input::new);
    }

    Map<String, String> stringMap(String field) {
        return map(field, JsonNode::isString, "a string", JsonNode::asString);
    }

    Map<String, Boolean> booleanMap(String field) {
        return map(field, JsonNode::isBoolean, "a boolean", JsonNode::asBoolean);
    }

    List<Input> objects(String field) {
        return items(field).stream().map(item -> {
            if (!item.isObject()) {
                throw ControlErrors.badRequest(field + " must be a list of objects");
            }
            return new Input(item);
        }).toList();
    }

    List<String> strings(String field) {
        return items(field).stream().map(JsonNode::asString).toList();
    }

    /** The elements of a list field; an absent or null field is an empty list. */
    private List<JsonNode> items(String field) {
        JsonNode value = node.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            throw ControlErrors.badRequest(field + " must be a list");
        }
        value.forEach(items::add);
        return items;
    }

    /** An absent or null field is empty; a field of another type is refused. */
    private <T> Optional<T> typed(String field, Predicate<JsonNode> is, String kind, Function<JsonNode, T> read) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!is.test(value)) {
            throw ControlErrors.badRequest(field + " must be " + kind);
        }
        return Optional.of(read.apply(value));
    }

    /** An object whose every member has the type, in document order; an absent field is an empty map. */
    private <T> Map<String, T> map(String field, Predicate<JsonNode> is, String kind, Function<JsonNode, T> read) {
        Map<String, T> result = new LinkedHashMap<>();
        object(field).ifPresent(o -> o.node().properties().forEach(e -> {
            if (!is.test(e.getValue())) {
                throw ControlErrors.badRequest(field + "." + e.getKey() + " must be " + kind);
            }
            result.put(e.getKey(), read.apply(e.getValue()));
        }));
        return result;
    }
}
