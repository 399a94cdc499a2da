package io.eventgate.localcloud.events;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code TagResource}, {@code UntagResource}, {@code ListTagsForResource} for buses and rules. */
final class TagOperations {

    private final Buses buses;

    TagOperations(Buses buses) {
        this.buses = buses;
    }

    JsonNode tag(JsonNode input) {
        String arn = existing(input);
        buses.tag(arn, read(Params.array(input, "Tags", 0, 50)));
        return Json.object();
    }

    JsonNode untag(JsonNode input) {
        String arn = existing(input);
        List<String> keys = new ArrayList<>();
        Params.array(input, "TagKeys", 0, 50).forEach(key -> keys.add(key.asString()));
        buses.untag(arn, keys);
        return Json.object();
    }

    JsonNode list(JsonNode input) {
        String arn = existing(input);
        ObjectNode output = Json.object();
        ArrayNode tags = output.putArray("Tags");
        buses.tags(arn).forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        return output;
    }

    private String existing(JsonNode input) {
        String arn = Params.required(input, "ResourceARN");
        if (!buses.exists(arn)) {
            throw AwsException.notFound("Resource " + arn + " does not exist.");
        }
        return arn;
    }

    /** {@code [{"Key": ..., "Value": ...}]} as a map; a missing node is no tags. */
    static Map<String, String> read(JsonNode tags) {
        Map<String, String> result = new LinkedHashMap<>();
        if (tags == null || tags.isMissingNode() || tags.isNull()) {
            return result;
        }
        for (JsonNode tag : tags) {
            String key = tag.path("Key").asString("");
            if (key.isEmpty() || key.length() > 128 || !tag.path("Value").isString()
                    || tag.path("Value").asString().length() > 256) {
                throw AwsException.validation("Tags need a Key of 1-128 characters and a Value of at most 256.");
            }
            result.put(key, tag.path("Value").asString());
        }
        return result;
    }
}
