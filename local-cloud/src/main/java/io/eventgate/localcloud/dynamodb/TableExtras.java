package io.eventgate.localcloud.dynamodb;

import io.eventgate.localcloud.json.Json;
import io.eventgate.localcloud.state.StateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What DynamoDB Local does not keep about a table and local-cloud does: its tags ({@code TagResource},
 * {@code UntagResource}, {@code ListTagsOfResource}, and the {@code Tags} of {@code CreateTable}) and its
 * point-in-time-recovery setting ({@code DescribeContinuousBackups}, {@code UpdateContinuousBackups}). Both are kept in
 * the data directory. Point-in-time recovery is reported as AWS reports it; restoring is not offered.
 */
final class TableExtras {

    private static final String TAGS = "dynamodb/tags/";
    private static final String PITR = "dynamodb/pitr/";
    private static final int MAX_TAGS = 50;

    /** A table's point-in-time-recovery setting as stored. */
    record Recovery(boolean enabled, int recoveryPeriodInDays, Instant enabledAt) {
    }

    private final Clock clock;
    private final StateStore state;
    private final Map<String, Map<String, String>> tagsByArn = new ConcurrentHashMap<>();
    private final Map<String, Recovery> recoveryByTable = new ConcurrentHashMap<>();

    TableExtras(Clock clock, StateStore state) {
        this.clock = clock;
        this.state = state;
        for (StateStore.Entry entry : state.entries(TAGS)) {
            Map<String, String> tags = new LinkedHashMap<>();
            entry.value().properties().forEach(e -> tags.put(e.getKey(), e.getValue().asString()));
            tagsByArn.put(entry.key().substring(TAGS.length()), tags);
        }
        for (StateStore.Entry entry : state.entries(PITR)) {
            recoveryByTable.put(entry.key().substring(PITR.length()), StateStore.read(entry.value(), Recovery.class));
        }
    }

    void tag(String arn, JsonNode tags) {
        Map<String, String> added = readTags(tags);
        tagsByArn.compute(arn, (key, old) -> {
            Map<String, String> merged = new LinkedHashMap<>(old == null ? Map.of() : old);
            merged.putAll(added);
            if (merged.size() > MAX_TAGS) {
                throw new DynamoDbErrors.Failure(400, "com.amazonaws.dynamodb.v20120810#LimitExceededException",
                        "The number of tags of a resource may not exceed " + MAX_TAGS + ".");
            }
            state.put(TAGS + arn, merged);
            return merged;
        });
    }

    void untag(String arn, List<String> keys) {
        tagsByArn.computeIfPresent(arn, (key, old) -> {
            Map<String, String> left = new LinkedHashMap<>(old);
            keys.forEach(left::remove);
            state.put(TAGS + arn, left);
            return left;
        });
    }

    ObjectNode listTags(String arn) {
        ObjectNode output = Json.object();
        ArrayNode tags = output.putArray("Tags");
        tagsByArn.getOrDefault(arn, Map.of()).forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        return output;
    }

    /** The table is gone: so are its tags and its recovery setting. */
    void forget(String tableName, String tableArn) {
        if (tagsByArn.remove(tableArn) != null) {
            state.delete(TAGS + tableArn);
        }
        if (recoveryByTable.remove(tableName) != null) {
            state.delete(PITR + tableName);
        }
    }

    ObjectNode describeBackups(String tableName) {
        return backups(recoveryByTable.get(tableName));
    }

    ObjectNode updateBackups(String tableName, JsonNode specification) {
        JsonNode enabled = specification.get("PointInTimeRecoveryEnabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at "
                    + "'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        int days = specification.hasNonNull("RecoveryPeriodInDays")
                ? specification.get("RecoveryPeriodInDays").asInt() : 35;
        if (days < 1 || days > 35) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + days + "' at "
                    + "'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member "
                    + "must have value between 1 and 35");
        }
        Recovery recovery = recoveryByTable.compute(tableName, (name, old) -> {
            Recovery changed = enabled.asBoolean()
                    ? new Recovery(true, days, old != null && old.enabled() ? old.enabledAt() : clock.instant())
                    : new Recovery(false, 0, clock.instant());
            state.put(PITR + name, changed);
            return changed;
        });
        return backups(recovery);
    }

    private ObjectNode backups(Recovery recovery) {
        ObjectNode output = Json.object();
        ObjectNode description = output.putObject("ContinuousBackupsDescription")
                .put("ContinuousBackupsStatus", "ENABLED");
        ObjectNode pitr = description.putObject("PointInTimeRecoveryDescription");
        if (recovery != null && recovery.enabled()) {
            Instant now = clock.instant();
            Instant earliest = recovery.enabledAt().isAfter(now.minusSeconds(recovery.recoveryPeriodInDays() * 86_400L))
                    ? recovery.enabledAt() : now.minusSeconds(recovery.recoveryPeriodInDays() * 86_400L);
            pitr.put("PointInTimeRecoveryStatus", "ENABLED")
                    .put("RecoveryPeriodInDays", recovery.recoveryPeriodInDays())
                    .put("EarliestRestorableDateTime", seconds(earliest))
                    .put("LatestRestorableDateTime", seconds(now.minusSeconds(5)));
        } else {
            pitr.put("PointInTimeRecoveryStatus", "DISABLED");
        }
        return output;
    }

    private static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    /** {@code [{"Key": ..., "Value": ...}]} checked as AWS checks tags. */
    static Map<String, String> readTags(JsonNode tags) {
        if (tags == null || !tags.isArray()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'tags' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            String key = tag.path("Key").asString("");
            String value = tag.path("Value").asString(null);
            if (key.isEmpty() || key.length() > 128 || value == null || value.length() > 256) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: a tag needs a Key of "
                        + "1-128 characters and a Value of at most 256");
            }
            if (key.startsWith("aws:")) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: tag keys starting with "
                        + "'aws:' are reserved for AWS");
            }
            result.put(key, value);
        }
        return result;
    }

    static Optional<String> tableOf(String arn) {
        int marker = arn.indexOf(":table/");
        if (!arn.startsWith("arn:") || marker < 0 || arn.indexOf('/', marker + 7) >= 0) {
            return Optional.empty();
        }
        return Optional.of(arn.substring(marker + 7));
    }
}
