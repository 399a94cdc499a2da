package io.eventgate.deploy;

import io.eventgate.deploy.topology.Sentinels;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one form both sides of the parity check are brought to: a reference to a resource becomes a symbol naming it
 * ({@code «arn:queue:orders-inbox»}), whether gateway-infra computed it from the resource's name or the template
 * points at it with {@code Fn::GetAtt}.
 */
final class Canonical {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final String R = Pattern.quote(Sentinels.REGION);
    private static final String A = Pattern.quote(Sentinels.ACCOUNT);
    private static final List<Map.Entry<Pattern, String>> BY_NAME = List.of(
            Map.entry(Pattern.compile("arn:aws:sqs:" + R + ":" + A + ":([\\w-]+)"), "«arn:queue:$1»"),
            Map.entry(Pattern.compile("arn:aws:events:" + R + ":" + A + ":event-bus/([\\w./-]+)"), "«arn:bus:$1»"),
            Map.entry(Pattern.compile("arn:aws:events:" + R + ":" + A + ":rule/([\\w.-]+)/([\\w.-]+)"),
                    "«arn:rule:$1/$2»"),
            Map.entry(Pattern.compile("arn:aws:events:" + R + ":" + A + ":archive/([\\w.-]+)"), "«arn:archive:$1»"),
            Map.entry(Pattern.compile("arn:aws:iam::" + A + ":role/([\\w+=,.@-]+)"), "«arn:role:$1»"),
            Map.entry(Pattern.compile("arn:aws:dynamodb:" + R + ":" + A + ":table/([\\w.-]+)"), "«arn:table:$1»"));

    private Canonical() {
    }

    /** A string with every conventional ARN replaced by its symbol. */
    static String text(String value) {
        String result = value;
        for (var rule : BY_NAME) {
            result = rule.getKey().matcher(result).replaceAll(rule.getValue());
        }
        return result;
    }

    /** The same for every string in a document. */
    static JsonNode tree(JsonNode node) {
        return copy(node, value -> value.isString() ? JSON.stringNode(text(value.asString())) : value, member -> true);
    }

    /**
     * A copy of a document with every value that is neither an object nor an array passed through {@code scalar},
     * keeping only the object members whose value {@code keep} accepts.
     */
    static JsonNode copy(JsonNode node, UnaryOperator<JsonNode> scalar, Predicate<JsonNode> keep) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.objectNode();
            object.properties().stream().filter(member -> keep.test(member.getValue()))
                    .forEach(member -> copy.set(member.getKey(), copy(member.getValue(), scalar, keep)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.arrayNode();
            array.forEach(item -> copy.add(copy(item, scalar, keep)));
            return copy;
        }
        return scalar.apply(node);
    }

    /**
     * An AWS SDK object as the JSON its API takes, by the SDK's own field names (which are CloudFormation's property
     * names for EventBridge targets): every field the object sets, none left out.
     */
    static JsonNode sdk(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            ObjectNode object = JSON.objectNode();
            for (SdkField<?> field : pojo.sdkFields()) {
                JsonNode fieldValue = sdk(field.getValueOrDefault(pojo));
                boolean emptyAutoCollection = fieldValue != null && fieldValue.isContainer() && fieldValue.isEmpty();
                if (fieldValue != null && !emptyAutoCollection) {
                    object.set(field.locationName(), fieldValue);
                }
            }
            return object;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JSON.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), sdk(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(item -> array.add(sdk(item)));
            return array;
        }
        if (value instanceof Integer number) {
            return JSON.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return JSON.booleanNode(flag);
        }
        return JSON.stringNode(text(String.valueOf(value)));
    }
}
