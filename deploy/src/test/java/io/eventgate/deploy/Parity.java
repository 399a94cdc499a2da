package io.eventgate.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.eventgate.deploy.Canonical.JSON;

/** Where gateway-infra's desired state and the synthesized template disagree, property by property. */
final class Parity {

    private Parity() {
    }

    static List<String> differences(Map<String, JsonNode> expected, TemplateState.Result actual) {
        List<String> differences = new ArrayList<>();
        for (String key : new TreeSet<>(expected.keySet())) {
            JsonNode template = actual.state().get(key);
            if (template == null) {
                differences.add(key + ": described by gateway-infra, missing from the template");
                continue;
            }
            compare(key, numbers(expected.get(key)), numbers(template), differences);
        }
        actual.state().keySet().stream().filter(key -> !expected.containsKey(key))
                .forEach(key -> differences.add(key + ": in the template, not in gateway-infra's description"));
        actual.unexpected().forEach(what -> differences.add(what + ": in the template, described by nobody"));
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected instanceof ObjectNode wanted && actual instanceof ObjectNode got) {
            TreeSet<String> names = new TreeSet<>(wanted.propertyNames());
            names.addAll(got.propertyNames());
            for (String name : names) {
                JsonNode w = wanted.get(name);
                JsonNode g = got.get(name);
                if (w == null || g == null) {
                    differences.add(path + "." + name + ": gateway-infra " + w + ", template " + g);
                } else {
                    compare(path + "." + name, w, g, differences);
                }
            }
        } else if (expected instanceof ArrayNode wanted && actual instanceof ArrayNode got
                && wanted.size() == got.size()) {
            for (int i = 0; i < wanted.size(); i++) {
                compare(path + "[" + i + "]", wanted.get(i), got.get(i), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": gateway-infra " + expected + ", template " + actual);
        }
    }

    /**
     * Numbers compared by value (gateway-infra's 50.0 requests per second is the template's 50), and an empty map
     * the same as none (the CDK writes {@code "Throttle": {}} for "no per-method throttle").
     */
    private static JsonNode numbers(JsonNode node) {
        return Canonical.copy(node, value -> {
            if (!value.isNumber()) {
                return value;
            }
            double number = value.asDouble();
            return number == Math.rint(number) ? JSON.numberNode((long) number) : JSON.numberNode(number);
        }, value -> !(value instanceof ObjectNode object && object.isEmpty()));
    }
}
