package io.eventgate.infra.settings;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One DynamoDB table of a service. The definitions must match what the services expect exactly; the provisioner creates
 * them on AWS, where services do not create their own tables.
 *
 * @param streamViewType      {@code NEW_IMAGE}, {@code OLD_IMAGE}, {@code NEW_AND_OLD_IMAGES}, {@code KEYS_ONLY}, or
 *                            empty for no stream
 * @param timeToLiveAttribute the attribute holding each item's expiry (epoch seconds), or empty
 * @param outputVariables     extra names under which {@code outputs} publishes the table name (the service's setting)
 */
public record TableSettings(String name, KeyAttribute partitionKey, KeyAttribute sortKey,
                            List<Index> globalSecondaryIndexes, String streamViewType, String timeToLiveAttribute,
                            List<String> outputVariables) {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern STREAM = Pattern.compile("|NEW_IMAGE|OLD_IMAGE|NEW_AND_OLD_IMAGES|KEYS_ONLY");

    public TableSettings {
        Check.matches(name, TABLE_NAME, "tables[].name");
        Check.present(partitionKey, "tables[" + name + "].partitionKey");
        globalSecondaryIndexes = globalSecondaryIndexes == null ? List.of() : List.copyOf(globalSecondaryIndexes);
        streamViewType = Check.nullToEmpty(streamViewType);
        if (!STREAM.matcher(streamViewType).matches()) {
            throw new InvalidSettingsException("tables[" + name + "].streamViewType must be one of " + STREAM
                    + ", was " + streamViewType);
        }
        timeToLiveAttribute = Check.nullToEmpty(timeToLiveAttribute);
        outputVariables = outputVariables == null ? List.of() : List.copyOf(outputVariables);
    }

    /** A key attribute: its name and scalar type ({@code S}, {@code N} or {@code B}). */
    public record KeyAttribute(String name, String type) {

        public KeyAttribute {
            Check.text(name, "key attribute name");
            Check.matches(type, Pattern.compile("[SNB]"), "key attribute type of " + name);
        }
    }

    /**
     * A global secondary index.
     *
     * @param projection       {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}
     * @param nonKeyAttributes the attributes projected when {@code INCLUDE}
     */
    public record Index(String name, KeyAttribute partitionKey, KeyAttribute sortKey, String projection,
                        List<String> nonKeyAttributes) {

        public Index {
            Check.matches(name, TABLE_NAME, "index name");
            Check.present(partitionKey, "index " + name + " partitionKey");
            projection = projection == null ? "ALL" : projection;
            Check.matches(projection, Pattern.compile("ALL|KEYS_ONLY|INCLUDE"), "index " + name + " projection");
            nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
        }
    }
}
