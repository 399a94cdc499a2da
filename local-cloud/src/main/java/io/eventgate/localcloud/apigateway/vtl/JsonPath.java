package io.eventgate.localcloud.apigateway.vtl;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/**
 * The JSONPath subset mapping templates use: {@code $}, {@code .name}, {@code ['name']}, {@code [index]},
 * {@code [*]} and {@code .*}. A wildcard turns the result into a list, as in JSONPath.
 */
final class JsonPath {

    private JsonPath() {
    }

    /** The node a path selects; {@link MissingNode} when nothing matches. */
    static JsonNode select(JsonNode root, String path) {
        String p = path == null ? "$" : path.trim();
        if (!p.startsWith("$")) {
            throw new IllegalArgumentException("JSONPath must start with $: " + path);
        }
        List<JsonNode> current = List.of(root);
        boolean wildcard = false;
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            String name;
            Integer index = null;
            boolean all = false;
            if (c == '.') {
                int end = i + 1;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
                    end++;
                }
                name = p.substring(i + 1, end);
                all = name.equals("*");
                i = end;
            } else if (c == '[') {
                int end = p.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed [ in JSONPath " + path);
                }
                String inner = p.substring(i + 1, end).trim();
                i = end + 1;
                if (inner.equals("*")) {
                    all = true;
                    name = null;
                } else if (inner.startsWith("'") || inner.startsWith("\"")) {
                    name = inner.substring(1, inner.length() - 1);
                } else {
                    name = null;
                    index = Integer.parseInt(inner);
                }
            } else {
                throw new IllegalArgumentException("Unsupported JSONPath " + path);
            }
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (all) {
                    node.values().forEach(next::add);
                } else if (index != null) {
                    JsonNode child = node.isArray() ? node.get(index < 0 ? node.size() + index : index) : null;
                    if (child != null) {
                        next.add(child);
                    }
                } else if (node.isObject() && node.has(name)) {
                    next.add(node.get(name));
                }
            }
            wildcard |= all;
            current = next;
        }
        if (wildcard) {
            var array = JsonNodeFactory.instance.arrayNode();
            current.forEach(array::add);
            return array;
        }
        return current.isEmpty() ? MissingNode.getInstance() : current.getFirst();
    }
}
