package io.eventgate.localcloud.events.apidestination;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The JSON path subset EventBridge accepts in HTTP parameters: {@code $}, {@code .name}, {@code [index]}. */
final class JsonPaths {

    private static final Pattern STEP = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]|\\['([^']+)']");

    private JsonPaths() {
    }

    /** The node at {@code path}, or empty when the path is malformed or leads nowhere. */
    static Optional<JsonNode> find(JsonNode root, String path) {
        if (!path.startsWith("$")) {
            return Optional.empty();
        }
        JsonNode node = root;
        Matcher step = STEP.matcher(path);
        int position = 1;
        while (position < path.length()) {
            if (!step.find(position) || step.start() != position || node == null) {
                return Optional.empty();
            }
            if (step.group(2) != null) {
                node = node.isArray() ? node.get(Integer.parseInt(step.group(2))) : null;
            } else {
                node = node.isObject() ? node.get(step.group(1) != null ? step.group(1) : step.group(3)) : null;
            }
            position = step.end();
        }
        return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
    }
}
