package io.eventgate.localcloud.events.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The JSONPath subset EventBridge evaluates: {@code $}, dot-separated member names (letters, digits, {@code -},
 * {@code _}, {@code /}, {@code :}, {@code @}) and array indices ({@code $.detail.items[0].sku}).
 *
 * <p>Anything else (filters, slices, wildcards, recursive descent, bracketed names) is refused when the path is
 * compiled, so a target using it fails at {@code PutTargets} rather than silently delivering nothing.
 */
public final class JsonPath {

    private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9_\\-/:@]+");

    private final String text;
    private final List<Object> steps;

    private JsonPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * Compiles a path.
     *
     * @throws IllegalArgumentException naming the unsupported part
     */
    public static JsonPath compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("JSON path must start with $: " + text);
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String member = text.substring(i + 1, end);
                if (!MEMBER.matcher(member).matches()) {
                    throw new IllegalArgumentException("JSON path " + text + " has an unsupported member '" + member
                            + "' (supported: $.name.name[index], names of letters, digits, - _ / : @)");
                }
                steps.add(member);
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                String index = close < 0 ? "" : text.substring(i + 1, close);
                if (!index.matches("\\d{1,9}")) {
                    throw new IllegalArgumentException("JSON path " + text + " has an unsupported selector ["
                            + index + "] (only array indices such as [0] are supported)");
                }
                steps.add(Integer.parseInt(index));
                i = close + 1;
            } else {
                throw new IllegalArgumentException("JSON path " + text + " is not valid at position " + i);
            }
        }
        return new JsonPath(text, List.copyOf(steps));
    }

    /** The value at this path, empty when any step is missing. */
    public Optional<JsonNode> read(JsonNode document) {
        JsonNode current = document;
        for (Object step : steps) {
            if (current == null) {
                return Optional.empty();
            }
            current = step instanceof Integer index
                    ? (current.isArray() ? current.get(index) : null)
                    : (current.isObject() ? current.get((String) step) : null);
        }
        return Optional.ofNullable(current).filter(node -> !node.isMissingNode());
    }

    @Override
    public String toString() {
        return text;
    }
}
