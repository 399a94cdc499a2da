package io.eventgate.localcloud.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The checks AWS makes on a DynamoDB request before it looks at any table — required members, name lengths and
 * patterns, numeric ranges, enum values — reported all at once as AWS does ({@code 2 validation errors detected: ...}).
 * DynamoDB Local looks the table up first and answers {@code ResourceNotFoundException} for a request AWS calls
 * invalid; checking here first gives the caller AWS's answer.
 */
final class RequestValidation {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[a-zA-Z0-9_.-]{3,255}");
    private static final Set<String> NAMED_TABLE = Set.of("CreateTable", "DeleteTable", "DescribeTable",
            "UpdateTable", "PutItem", "GetItem", "UpdateItem", "DeleteItem", "Query", "Scan", "DescribeTimeToLive",
            "UpdateTimeToLive", "DescribeContinuousBackups", "UpdateContinuousBackups");
    private static final Map<String, String> REQUIRED = Map.of("PutItem", "Item", "GetItem", "Key",
            "UpdateItem", "Key", "DeleteItem", "Key", "BatchGetItem", "RequestItems", "BatchWriteItem", "RequestItems",
            "TransactWriteItems", "TransactItems", "TransactGetItems", "TransactItems");
    private static final Map<String, List<String>> ENUMS = Map.of(
            "ReturnValues", List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"),
            "ReturnConsumedCapacity", List.of("INDEXES", "TOTAL", "NONE"),
            "ReturnItemCollectionMetrics", List.of("SIZE", "NONE"),
            "Select", List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"),
            "ReturnValuesOnConditionCheckFailure", List.of("ALL_OLD", "NONE"),
            "ConditionalOperator", List.of("AND", "OR"),
            "BillingMode", List.of("PROVISIONED", "PAY_PER_REQUEST"));

    private RequestValidation() {
    }

    /** @throws DynamoDbErrors.Failure a {@code ValidationException} listing every problem */
    static void check(String operation, JsonNode input) {
        List<String> problems = new ArrayList<>();
        if (NAMED_TABLE.contains(operation)) {
            tableName(input.get("TableName"), problems);
        }
        String required = REQUIRED.get(operation);
        if (required != null && (input.get(required) == null || input.get(required).isNull())) {
            problems.add("Value null at '" + camel(required) + "' failed to satisfy constraint: Member must not be "
                    + "null");
        }
        atLeast(input, "Limit", 1, problems);
        atLeast(input, "Segment", 0, problems);
        if (input.hasNonNull("TotalSegments")) {
            long value = input.get("TotalSegments").asLong();
            if (value < 1 || value > 1_000_000) {
                problems.add("Value '" + value + "' at 'totalSegments' failed to satisfy constraint: Member must have "
                        + "value " + (value < 1 ? "greater than or equal to 1" : "less than or equal to 1000000"));
            }
        }
        ENUMS.forEach((member, allowed) -> {
            JsonNode value = input.get(member);
            if (value != null && !value.isNull() && !allowed.contains(value.asString(""))) {
                problems.add("Value '" + value.asString("") + "' at '" + camel(member) + "' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: " + allowed);
            }
        });
        if (!problems.isEmpty()) {
            throw DynamoDbErrors.validation(problems.size() + " validation error" + (problems.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", problems));
        }
    }

    private static void tableName(JsonNode value, List<String> problems) {
        if (value == null || value.isNull()) {
            problems.add("Value null at 'tableName' failed to satisfy constraint: Member must not be null");
            return;
        }
        String name = value.asString("");
        if (TABLE_ARN.matcher(name).matches()) {
            return;
        }
        if (name.length() < 3) {
            problems.add("Value '" + name + "' at 'tableName' failed to satisfy constraint: Member must have length "
                    + "greater than or equal to 3");
        } else if (name.length() > 255) {
            problems.add("Value '" + name.substring(0, 20) + "...' at 'tableName' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 255");
        }
        if (!name.isEmpty() && !TABLE_NAME.matcher(name).matches()) {
            problems.add("Value '" + name + "' at 'tableName' failed to satisfy constraint: Member must satisfy "
                    + "regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    private static void atLeast(JsonNode input, String member, long min, List<String> problems) {
        if (input.hasNonNull(member) && input.get(member).asLong() < min) {
            problems.add("Value '" + input.get(member).asString() + "' at '" + camel(member) + "' failed to satisfy "
                    + "constraint: Member must have value greater than or equal to " + min);
        }
    }

    private static String camel(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
