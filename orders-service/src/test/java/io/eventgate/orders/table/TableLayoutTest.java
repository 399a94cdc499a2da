package io.eventgate.orders.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.aws.table.TableLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import software.amazon.awssdk.enhanced.dynamodb.IndexMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The item schemas the service reads and writes the table with agree with the table's layout file, which
 * gateway-infra applies too: a key, index or TTL attribute renamed on one side only fails here.
 */
class TableLayoutTest {

    private static final TableLayout LAYOUT = OrdersTable.LAYOUT;

    @Test
    void everyItemIsKeyedByTheLayoutsPartitionKey() {
        for (Class<?> item : new Class<?>[] {OrderItem.class, OutboxItem.class, IdempotencyItem.class, InboxItem.class}) {
            TableMetadata metadata = TableSchema.fromBean(item).tableMetadata();
            assertThat(metadata.primaryPartitionKey()).as(item.getSimpleName()).isEqualTo(LAYOUT.partitionKey().name());
            assertThat(metadata.primarySortKey()).as(item.getSimpleName()).isEqualTo(LAYOUT.sort().map(k -> k.name()));
        }
        assertThat(LAYOUT.partitionKey().name()).isEqualTo(OrdersTable.PARTITION_KEY);
    }

    @Test
    void theIndexesTheItemsAnnotateAreTheLayoutsIndexes() {
        Map<String, String> annotated = indexKeys(OrderItem.class);
        annotated.putAll(indexKeys(OutboxItem.class));

        Map<String, String> described = LAYOUT.globalSecondaryIndexes().stream().collect(Collectors.toMap(
                TableLayout.Index::name,
                index -> index.partitionKey().name() + "/" + index.sort().map(TableLayout.Key::name).orElse("")));
        assertThat(annotated).isEqualTo(described);
        assertThat(described).containsKeys(OrdersTable.STATUS_INDEX, OrdersTable.OUTBOX_INDEX);
    }

    @Test
    void whatExpiresCarriesTheLayoutsTimeToLiveAttribute() {
        assertThat(TableSchema.fromBean(IdempotencyItem.class).attributeNames()).contains(LAYOUT.timeToLiveAttribute());
        assertThat(TableSchema.fromBean(InboxItem.class).attributeNames()).contains(LAYOUT.timeToLiveAttribute());
    }

    @Test
    void theLiveUpdatesHaveTheStreamTheyRead() {
        // The change feed maps new images to orders and outbox records (ChangeRecords).
        assertThat(LAYOUT.streamViewType()).isEqualTo("NEW_IMAGE");
    }

    @Test
    void theDefaultTableNameIsTheLayoutsName() {
        DefaultValue name = TableSettings.class.getDeclaredConstructors()[0].getParameters()[0]
                .getAnnotation(DefaultValue.class);
        assertThat(name.value()).containsExactly(LAYOUT.name());
    }

    /** Index name → "partition/sort" for each index the item annotates the partition key of. */
    private static Map<String, String> indexKeys(Class<?> item) {
        TableMetadata metadata = TableSchema.fromBean(item).tableMetadata();
        Map<String, String> keys = new HashMap<>();
        metadata.indices().stream().map(IndexMetadata::name)
                .filter(name -> !name.equals(TableMetadata.primaryIndexName()))
                .forEach(name -> {
                    String partition = metadata.indexPartitionKey(name);
                    // An item that annotates only an index's sort key (OutboxItem's createdAt also sorts status-index,
                    // whose partition key only orders have) reports the table's own key as the index's partition key.
                    if (!partition.equals(metadata.primaryPartitionKey())) {
                        keys.put(name, partition + "/" + metadata.indexSortKey(name).orElse(""));
                    }
                });
        return keys;
    }
}
