package io.eventgate.localcloud.events.control;

import io.eventgate.localcloud.edge.AwsException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads fields of an EventBridge JSON request the way AWS validates them: a missing or malformed field is a
 * {@code ValidationException} naming the field, before anything is stored.
 */
public final class Requests {

    /** AWS's pattern for connection, API destination, archive and replay names. */
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]+");

    private Requests() {
    }

    /** A required string field, non-blank. */
    public static String required(JsonNode input, String field) {
        return optional(input, field).filter(value -> !value.isBlank())
                .orElseThrow(() -> AwsException.validation("1 validation error detected: Value null at '" + field
                        + "' failed to satisfy constraint: Member must not be null"));
    }

    /** An optional string field; a non-string value is a validation error. */
    public static Optional<String> optional(JsonNode input, String field) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw AwsException.validation("Value at '" + field + "' must be a string");
        }
        return Optional.of(value.asString());
    }

    /** A resource name: 1 to {@code maxLength} characters of {@code [.-_A-Za-z0-9]}. */
    public static String name(JsonNode input, String field, int maxLength) {
        String name = required(input, field);
        if (name.length() > maxLength || !NAME.matcher(name).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + name + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[\\.\\-_A-Za-z0-9]+ and have length at most " + maxLength);
        }
        return name;
    }

    /** An optional description of at most 512 characters. */
    public static Optional<String> description(JsonNode input) {
        Optional<String> description = optional(input, "Description");
        if (description.filter(d -> d.length() > 512).isPresent()) {
            throw AwsException.validation("Description must be at most 512 characters");
        }
        return description;
    }

    /** An optional integer field within bounds. */
    public static Optional<Integer> integer(JsonNode input, String field, int min, int max) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw AwsException.validation("Value at '" + field + "' must be an integer from " + min + " to " + max);
        }
        return Optional.of(value.asInt());
    }

    /** An optional timestamp: the JSON protocols send epoch seconds (possibly fractional). */
    public static Optional<Instant> timestamp(JsonNode input, String field) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw AwsException.validation("Value at '" + field + "' must be a timestamp in epoch seconds");
        }
        BigDecimal seconds = value.decimalValue();
        long whole = seconds.longValue();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        return Optional.of(Instant.ofEpochSecond(whole, nanos));
    }

    /** A timestamp as the JSON protocols write it: epoch seconds with millisecond precision. */
    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }
}
