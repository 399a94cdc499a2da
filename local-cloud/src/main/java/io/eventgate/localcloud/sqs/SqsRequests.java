package io.eventgate.localcloud.sqs;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The JSON types of SQS request members, checked before a request reaches ElasticMQ: ElasticMQ answers a member of
 * the wrong type with a 500 or an error naming its own parser classes, AWS with a client error.
 */
final class SqsRequests {

    private enum Kind { STRING, INTEGER, OBJECT, ARRAY }

    private static final Map<String, Kind> MEMBERS = Map.ofEntries(
            Map.entry("QueueUrl", Kind.STRING), Map.entry("QueueName", Kind.STRING),
            Map.entry("MessageBody", Kind.STRING), Map.entry("ReceiptHandle", Kind.STRING),
            Map.entry("MessageGroupId", Kind.STRING), Map.entry("MessageDeduplicationId", Kind.STRING),
            Map.entry("ReceiveRequestAttemptId", Kind.STRING), Map.entry("QueueNamePrefix", Kind.STRING),
            Map.entry("NextToken", Kind.STRING), Map.entry("QueueOwnerAWSAccountId", Kind.STRING),
            Map.entry("Label", Kind.STRING), Map.entry("SourceArn", Kind.STRING),
            Map.entry("DestinationArn", Kind.STRING), Map.entry("TaskHandle", Kind.STRING),
            Map.entry("DelaySeconds", Kind.INTEGER), Map.entry("MaxNumberOfMessages", Kind.INTEGER),
            Map.entry("VisibilityTimeout", Kind.INTEGER), Map.entry("WaitTimeSeconds", Kind.INTEGER),
            Map.entry("MaxResults", Kind.INTEGER), Map.entry("MaxNumberOfMessagesPerSecond", Kind.INTEGER),
            Map.entry("Attributes", Kind.OBJECT), Map.entry("MessageAttributes", Kind.OBJECT),
            Map.entry("MessageSystemAttributes", Kind.OBJECT), Map.entry("Tags", Kind.OBJECT),
            Map.entry("AttributeNames", Kind.ARRAY), Map.entry("MessageAttributeNames", Kind.ARRAY),
            Map.entry("MessageSystemAttributeNames", Kind.ARRAY), Map.entry("Entries", Kind.ARRAY),
            Map.entry("TagKeys", Kind.ARRAY), Map.entry("AWSAccountIds", Kind.ARRAY),
            Map.entry("Actions", Kind.ARRAY));

    private SqsRequests() {
    }

    /** The first member of the wrong JSON type, described; empty when the shape is fine. */
    static Optional<String> wrongType(JsonNode input) {
        for (var member : input.properties()) {
            Kind kind = MEMBERS.get(member.getKey());
            JsonNode value = member.getValue();
            if (kind == null || value.isNull()) {
                continue;
            }
            boolean ok = switch (kind) {
                case STRING -> value.isString();
                case INTEGER -> value.isIntegralNumber();
                case OBJECT -> value.isObject();
                case ARRAY -> value.isArray();
            };
            if (!ok) {
                return Optional.of("Parameter " + member.getKey() + " must be " + switch (kind) {
                    case STRING -> "a string";
                    case INTEGER -> "an integer";
                    case OBJECT -> "an object";
                    case ARRAY -> "a list";
                } + ".");
            }
            if ((member.getKey().equals("Attributes") || member.getKey().equals("Tags"))) {
                for (var entry : value.properties()) {
                    if (!entry.getValue().isString()) {
                        return Optional.of(member.getKey() + "." + entry.getKey() + " must be a string.");
                    }
                }
            }
        }
        return Optional.empty();
    }
}
