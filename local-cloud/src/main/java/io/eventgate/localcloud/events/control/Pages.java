package io.eventgate.localcloud.events.control;

import io.eventgate.localcloud.edge.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Limit} / {@code NextToken} paging of List operations. The token is the name of the first item of the next
 * page, so a page stays stable while items are added or removed elsewhere in the list.
 */
public final class Pages {

    private static final int MAX_LIMIT = 100;

    private Pages() {
    }

    /**
     * Writes one page of {@code items} (already sorted by name) into {@code output} under {@code listField}, plus
     * {@code NextToken} when more remain.
     */
    public static <T> ObjectNode page(JsonNode input, List<T> items, Function<T, String> name,
                                      Function<T, JsonNode> render, ObjectNode output, String listField) {
        int limit = Requests.integer(input, "Limit", 1, MAX_LIMIT).orElse(MAX_LIMIT);
        String after = Requests.optional(input, "NextToken").map(Pages::decode).orElse(null);
        ArrayNode list = output.putArray(listField);
        int start = 0;
        if (after != null) {
            while (start < items.size() && name.apply(items.get(start)).compareTo(after) < 0) {
                start++;
            }
        }
        int end = Math.min(items.size(), start + limit);
        items.subList(start, end).forEach(item -> list.add(render.apply(item)));
        if (end < items.size()) {
            output.put("NextToken", encode(name.apply(items.get(end))));
        }
        return output;
    }

    private static String encode(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsException.validation("The NextToken is invalid");
        }
    }
}
