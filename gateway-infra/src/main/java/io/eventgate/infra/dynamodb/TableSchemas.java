package io.eventgate.infra.dynamodb;

import io.eventgate.infra.provision.CannotConverge;
import io.eventgate.infra.settings.TableSettings;
import io.eventgate.infra.settings.TableSettings.KeyAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/** The table settings as DynamoDB's key schemas, attribute definitions and projections, and their printed form. */
final class TableSchemas {

    private TableSchemas() {
    }

    /** Every key attribute of the table and its indexes, each once with its type. */
    static List<AttributeDefinition> attributeDefinitions(TableSettings table) {
        Map<String, String> types = new LinkedHashMap<>();
        List<KeyAttribute> all = new ArrayList<>();
        all.add(table.partitionKey());
        Optional.ofNullable(table.sortKey()).ifPresent(all::add);
        for (TableSettings.Index index : table.globalSecondaryIndexes()) {
            all.add(index.partitionKey());
            Optional.ofNullable(index.sortKey()).ifPresent(all::add);
        }
        for (KeyAttribute attribute : all) {
            String previous = types.putIfAbsent(attribute.name(), attribute.type());
            if (previous != null && !previous.equals(attribute.type())) {
                throw new CannotConverge("attribute " + attribute.name() + " is declared both " + previous + " and "
                        + attribute.type() + " in table " + table.name());
            }
        }
        return types.entrySet().stream()
                .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
                .toList();
    }

    static GlobalSecondaryIndex index(TableSettings.Index index) {
        return GlobalSecondaryIndex.builder().indexName(index.name())
                .keySchema(keys(index.partitionKey(), index.sortKey()))
                .projection(projection(index))
                .build();
    }

    static Projection projection(TableSettings.Index index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projection());
        if (index.projection().equals("INCLUDE")) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }

    static boolean sameProjection(Projection live, TableSettings.Index wanted) {
        if (live == null || !wanted.projection().equals(live.projectionTypeAsString())) {
            return false;
        }
        return !wanted.projection().equals("INCLUDE")
                || new TreeSet<>(live.nonKeyAttributes()).equals(new TreeSet<>(wanted.nonKeyAttributes()));
    }

    static List<KeySchemaElement> keys(KeyAttribute partition, KeyAttribute sort) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build());
        if (sort != null) {
            keys.add(KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
        }
        return keys;
    }

    /** E.g. {@code [pk S HASH, sk S RANGE]}. */
    static String keySchema(KeyAttribute partition, KeyAttribute sort) {
        Map<String, String> types = new LinkedHashMap<>();
        types.put(partition.name(), partition.type());
        if (sort != null) {
            types.put(sort.name(), sort.type());
        }
        return keySchema(keys(partition, sort), types);
    }

    /** The live key schema with the live attribute types, in the same form. */
    static String keySchema(List<KeySchemaElement> keys, Map<String, String> types) {
        return keys.stream().map(k -> k.attributeName() + " " + types.get(k.attributeName()) + " "
                        + k.keyTypeAsString())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
