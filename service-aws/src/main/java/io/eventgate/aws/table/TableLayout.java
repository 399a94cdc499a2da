package io.eventgate.aws.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A table's layout file: keys, global secondary indexes, stream and time-to-live attribute — in the same form as
 * gateway-infra's {@code tables} settings, which are read from these very files.
 *
 * @param name            the table's default name (a service's setting may rename it)
 * @param streamViewType  {@code NEW_IMAGE}, ... or empty for no stream
 * @param timeToLiveAttribute the attribute holding each item's expiry (epoch seconds), or empty
 * @param outputVariables the service's settings under which gateway-infra's outputs publish the table's name
 */
public record TableLayout(String name, Key partitionKey, Key sortKey, List<Index> globalSecondaryIndexes,
                          String streamViewType, String timeToLiveAttribute, List<String> outputVariables) {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public TableLayout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        globalSecondaryIndexes = globalSecondaryIndexes == null ? List.of() : List.copyOf(globalSecondaryIndexes);
        streamViewType = streamViewType == null ? "" : streamViewType;
        timeToLiveAttribute = timeToLiveAttribute == null ? "" : timeToLiveAttribute;
        outputVariables = outputVariables == null ? List.of() : List.copyOf(outputVariables);
    }

    /** Reads the layout file {@code eventgate/tables/<table>.yaml} from the classpath. */
    public static TableLayout load(String table) {
        String resource = "eventgate/tables/" + table + ".yaml";
        try (InputStream in = TableLayout.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return YAML.readValue(in, TableLayout.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Key> sort() {
        return Optional.ofNullable(sortKey);
    }

    /** The index of that name. */
    public Index index(String indexName) {
        return globalSecondaryIndexes.stream().filter(index -> index.name().equals(indexName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + name + " has no index " + indexName));
    }

    /** A key attribute: its name and scalar type ({@code S}, {@code N} or {@code B}). */
    public record Key(String name, String type) {
    }

    /** A global secondary index; {@code projection} {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}. */
    public record Index(String name, Key partitionKey, Key sortKey, String projection, List<String> nonKeyAttributes) {

        public Index {
            projection = projection == null ? "ALL" : projection;
            nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
        }

        public Optional<Key> sort() {
            return Optional.ofNullable(sortKey);
        }
    }
}
