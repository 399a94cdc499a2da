package io.eventgate.localcloud.apigateway.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Typed reads of a control-plane request document, refusing wrong types with BadRequestException. */
record Input(JsonNode node) {

    Optional<String> string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw ControlErrors.badRequest(field + " must be a string");
        }
        return Optional.of(value.asString());
    }

    String required(String field) {
        return string(field).filter(s -> !s.isEmpty())
                .orElseThrow(() -> ControlErrors.badRequest(field + " is required"));
    }

    Optional<Boolean> bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ControlErrors.badRequest(field + " must be a boolean");
        }
        return Optional.of(value.asBoolean());
    }

    Optional<Double> number(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw ControlErrors.badRequest(field + " must be a number");
        }
        return Optional.of(value.asDouble());
    }

    Optional<Input> object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw ControlErrors.badRequest(field + " must be an object");
        }
        return Optional.of(new Input(value));
    }

    Map<String, String> stringMap(String field) {
        Map<String, String> result = new LinkedHashMap<>();
        object(field).ifPresent(o -> o.node().properties().forEach(e -> {
            if (!e.getValue().isString()) {
                throw ControlErrors.badRequest(field + "." + e.getKey() + " must be a string");
            }
            result.put(e.getKey(), e.getValue().asString());
        }));
        return result;
    }

    Map<String, Boolean> booleanMap(String field) {
        Map<String, Boolean> result = new LinkedHashMap<>();
        object(field).ifPresent(o -> o.node().properties().forEach(e -> {
            if (!e.getValue().isBoolean()) {
                throw ControlErrors.badRequest(field + "." + e.getKey() + " must be a boolean");
            }
            result.put(e.getKey(), e.getValue().asBoolean());
        }));
        return result;
    }

    List<Input> objects(String field) {
        JsonNode value = node.get(field);
        List<Input> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            throw ControlErrors.badRequest(field + " must be a list");
        }
        value.forEach(item -> {
            if (!item.isObject()) {
                throw ControlErrors.badRequest(field + " must be a list of objects");
            }
            result.add(new Input(item));
        });
        return result;
    }

    List<String> strings(String field) {
        JsonNode value = node.get(field);
        List<String> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            throw ControlErrors.badRequest(field + " must be a list");
        }
        value.forEach(item -> result.add(item.asString()));
        return result;
    }
}
